using Lucene.Net.Index;

namespace Catalogue.Core.Search;

/// <summary>
/// How many documents of one searcher's index hold each term, looked up in the term dictionaries of every segment once
/// per search however many of its shortcuts ask (<see cref="ExactClauses"/>, <see cref="DenseTerms"/>, <see cref="ColumnScoring"/>).
/// </summary>
internal sealed class TermCounts(IndexReader reader)
{
    private readonly Dictionary<Term, int> _counts = [];

    public IndexReader Reader => reader;

    public int DocFreq(Term term)
    {
        if (!_counts.TryGetValue(term, out var count))
            _counts[term] = count = reader.DocFreq(term);
        return count;
    }
}
