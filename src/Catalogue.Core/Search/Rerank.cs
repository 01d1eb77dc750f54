using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalogue.Core.Search;

/// <summary>
/// Re-orders the best hits of a search for words by how the words stand in each record. Lucene scores each word apart,
/// so "thang long" ranked a bowl whose description says "thẳng" in one sentence and "lòng" in another beside the records
/// of Thăng Long, and a find that merely names the object type in its text above the artifact whose title holds the
/// words. Here, records where consecutive words of the query stand next to each other, and records whose title holds
/// the words, rise above the others. Only the first <see cref="Window"/> hits are re-ordered, from the word positions
/// the index keeps (no stored text is read), so the cost does not grow with the number of matches; the total, the
/// facet counts and every hit past the window are as Lucene gives them.
/// </summary>
internal static class Rerank
{
    /// <summary>How many of the best hits are re-ordered.</summary>
    public const int Window = 100;

    /// <summary>A record with every pair of consecutive words side by side scores this much more (+100%).</summary>
    private const float TogetherBonus = 1f;

    /// <summary>A record whose title holds every word scores this much more (+50%).</summary>
    private const float TitleBonus = 0.5f;

    /// <summary>
    /// The folded words of the query's free text, in the order typed: the words a record must or may contain in the
    /// catalogue text, as the parser builds them (not those it must not contain, nor field searches such as title:).
    /// </summary>
    public static IReadOnlyList<string> Words(Query query)
    {
        var words = new List<string>();
        Collect(query, words);
        return words.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Collect(Query query, List<string> words)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (clause.Occur != Occur.MUST_NOT)
                        Collect(clause.Query, words);
                }

                break;
            case TermQuery term when IsFoldedText(term.Term):
                words.Add(term.Term.Text);
                break;
            case PhraseQuery phrase:
                words.AddRange(phrase.GetTerms().Where(IsFoldedText).Select(t => t.Text));
                break;
        }
    }

    private static bool IsFoldedText(Term term) =>
        term.Field == SearchFields.Text && term.Text.Length > 0 && term.Text[0] != SearchAnalysis.ExactMarker;

    /// <summary>The page of <paramref name="best"/> (the hits collected, best first) once they are re-ordered.</summary>
    public static IReadOnlyList<ScoreDoc> Page(IndexReader reader, IReadOnlyList<ScoreDoc> best, IReadOnlyList<string> words, int start, int size)
    {
        var docs = best.ToArray();
        Apply(reader, docs, words);
        return docs.Skip(start).Take(size).ToList();
    }

    /// <summary>How many hits to collect for a page ending at <paramref name="wanted"/>: the window and the first hit past it.</summary>
    public static int Collected(int wanted) => Math.Max(wanted, Window + 1);

    /// <summary>
    /// Re-scores the first <see cref="Window"/> of <paramref name="docs"/> (best first) and sorts them again, best first
    /// and, among equal scores, the lower document first; the rest stay as they are. Hits that tie with the first hit
    /// past the window are left out of it: which of them fall inside depends only on the order records were indexed
    /// in, and the same records must rank the same however the index was built.
    /// </summary>
    public static void Apply(IndexReader reader, ScoreDoc[] docs, IReadOnlyList<string> words)
    {
        if (words.Count == 0 || docs.Length == 0)
            return;
        var count = Math.Min(docs.Length, Window);
        if (count < docs.Length)
        {
            var past = docs[count].Score;
            while (count > 0 && docs[count - 1].Score == past)
                count--;
        }

        var leaves = reader.Leaves;
        foreach (var group in docs.Take(count).GroupBy(d => ReaderUtil.SubIndex(d.Doc, leaves)))
        {
            var leaf = leaves[group.Key];
            var inLeaf = group.OrderBy(d => d.Doc).ToList();
            var text = Positions(leaf, SearchFields.Text, words, inLeaf);
            var title = Positions(leaf, SearchFields.Title, words, inLeaf);
            for (var i = 0; i < inLeaf.Count; i++)
                inLeaf[i].Score *= 1f + (TogetherBonus * Together(text[i], words.Count)) + (TitleBonus * InTitle(title[i]));
        }

        Array.Sort(docs, 0, count, Comparer<ScoreDoc>.Create((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc)));
    }

    /// <summary>The share of consecutive word pairs (first and second, second and third…) that stand side by side.</summary>
    private static float Together(int[]?[] positions, int words)
    {
        if (words < 2)
            return 0f;
        var together = 0;
        for (var w = 0; w + 1 < words; w++)
        {
            if (positions[w] is { } first && positions[w + 1] is { } second && Adjacent(first, second))
                together++;
        }

        return together / (float)(words - 1);
    }

    private static bool Adjacent(int[] first, int[] second)
    {
        // Both lists are in increasing order: walk them together.
        int i = 0, j = 0;
        while (i < first.Length && j < second.Length)
        {
            var gap = second[j] - first[i];
            if (gap == 1)
                return true;
            if (gap < 1)
                j++;
            else
                i++;
        }

        return false;
    }

    private static float InTitle(int[]?[] positions) =>
        positions.Length == 0 ? 0f : positions.Count(p => p is not null) / (float)positions.Length;

    /// <summary>For each document (in increasing order), the positions of each word in the field; null where it is absent.</summary>
    private static int[]?[][] Positions(AtomicReaderContext leaf, string field, IReadOnlyList<string> words, List<ScoreDoc> docs)
    {
        var result = new int[]?[docs.Count][];
        for (var i = 0; i < docs.Count; i++)
            result[i] = new int[]?[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            var postings = leaf.AtomicReader.GetTermPositionsEnum(new Term(field, words[w]));
            if (postings is null)
                continue;
            for (var i = 0; i < docs.Count; i++)
            {
                var target = docs[i].Doc - leaf.DocBase;
                var at = postings.DocID >= target ? postings.DocID : postings.Advance(target);
                if (at == DocIdSetIterator.NO_MORE_DOCS)
                    break;
                if (at != target)
                    continue;
                var positions = new int[postings.Freq];
                for (var p = 0; p < positions.Length; p++)
                    positions[p] = postings.NextPosition();
                result[i][w] = positions;
            }
        }

        return result;
    }
}
