using System.Buffers;
using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Catalogue.Core.Search;

/// <summary>
/// Scores a search for common words without walking their lists of documents. Lucene finds the matches of "gom trang
/// tri cung dinh" by stepping five lists of half a million documents in turn and scores each match through a chain of
/// scorers; here the matches are the AND of the words' cached bit sets (<see cref="DenseTerms"/>), and each match is
/// scored from the words' frequency columns (<see cref="TermColumn"/>) and length norms (<see cref="NormColumn"/>):
/// a word's score for a frequency and a norm is asked of Lucene's own similarity once per search and then read from a
/// table, and the words' scores are summed in the order and with the coordination factors Lucene's scorers use, so
/// every score is the one Lucene gives, to the bit.
/// </summary>
/// <remarks>
/// Taken only by the shapes the query parser builds for plain words: a word, or required words (each possibly with one
/// optional as-typed twin), every required word common (in at least 1/32 of the documents), restricted by filters.
/// Anything else, or a segment where a word occurs more than 255 times in a document, is left to Lucene.
/// </remarks>
internal sealed class ColumnScoring
{
    /// <summary>
    /// Below this many documents Lucene's own walk takes a millisecond at most, and the columns (a byte per document
    /// per word) are not worth their memory. Settable so tests can compare both ways on a small index.
    /// </summary>
    internal static int UsedFrom { get; set; } = 50_000;

    private readonly Similarity _similarity;
    private readonly Node _root;
    private readonly IReadOnlyList<Filter> _filters;
    private readonly IReadOnlyList<Term> _required;

    private ColumnScoring(Similarity similarity, Node root, IReadOnlyList<Filter> filters, IReadOnlyList<Term> required)
    {
        _similarity = similarity;
        _root = root;
        _filters = filters;
        _required = required;
    }

    /// <summary>The plan for <paramref name="query"/> (as it would be given to the searcher), or null when Lucene should run it.</summary>
    public static ColumnScoring? Plan(IndexSearcher searcher, Query query, TermCounts counts)
    {
        var rewritten = searcher.Rewrite(query);
        var filters = new List<Filter>();
        var boosts = new List<float>();
        while (rewritten is FilteredQuery filtered)
        {
            filters.Add(filtered.Filter);
            boosts.Add(filtered.Boost);
            rewritten = filtered.Query;
        }

        var maxDoc = searcher.IndexReader.MaxDoc;
        var required = new List<Term>();
        // The tables of scores assume the default similarity, whose score of a word depends on the document only
        // through its length norm.
        if (maxDoc == 0 || searcher.Similarity.GetType() != typeof(DefaultSimilarity) || !Served(rewritten, required))
            return null;
        foreach (var term in required)
        {
            if ((long)counts.DocFreq(term) * DenseTerms.DenseFraction < maxDoc)
                return null; // a rare word: Lucene's walk of its short list is quick
        }

        var root = Build(searcher, rewritten);
        // What IndexSearcher.CreateNormalizedWeight does: each FilteredQuery multiplies the sum by its boost twice.
        var sum = root.ValueForNormalization();
        for (var i = boosts.Count - 1; i >= 0; i--)
            sum = sum * boosts[i] * boosts[i];
        var norm = searcher.Similarity.QueryNorm(sum);
        if (float.IsInfinity(norm) || float.IsNaN(norm))
            norm = 1.0f;
        var top = 1.0f;
        foreach (var boost in boosts)
            top *= boost;
        root.Normalize(norm, top);
        return new ColumnScoring(searcher.Similarity, root, filters, required.Distinct().ToList());
    }

    /// <summary>
    /// True for the shapes served: a word, or a BooleanQuery of required parts (each served) and at most one optional
    /// word; <paramref name="required"/> gets the words every match holds.
    /// </summary>
    private static bool Served(Query query, List<Term> required)
    {
        switch (query)
        {
            case TermQuery term:
                required.Add(term.Term);
                return true;
            case BooleanQuery boolean when boolean.MinimumNumberShouldMatch == 0:
                var musts = 0;
                var shoulds = 0;
                foreach (var clause in boolean.Clauses)
                {
                    if (clause.Occur == Occur.MUST && Served(clause.Query, required))
                        musts++;
                    else if (clause.Occur == Occur.SHOULD && clause.Query is TermQuery)
                        shoulds++;
                    else
                        return false;
                }

                return musts > 0 && shoulds <= 1;
            default:
                return false;
        }
    }

    private static Node Build(IndexSearcher searcher, Query query) => query switch
    {
        TermQuery term => WordOf(searcher, term),
        BooleanQuery boolean => new All(
            [.. boolean.Clauses.Select(c => (c.Occur == Occur.MUST ? Build(searcher, c.Query) : WordOf(searcher, (TermQuery)c.Query), c.Occur == Occur.MUST))],
            boolean.Boost, boolean.CoordDisabled),
        _ => throw new ArgumentException($"Not a query this plan serves: {query}", nameof(query)),
    };

    private static Word WordOf(IndexSearcher searcher, TermQuery query)
    {
        // What TermQuery's weight does.
        var states = TermContext.Build(searcher.TopReaderContext, query.Term);
        var weight = searcher.Similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field),
            searcher.TermStatistics(query.Term, states));
        var most = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
            most = Math.Max(most, TermColumn.For(leaf.AtomicReader, query.Term)?.MaxFrequency ?? 0);
        return new Word(query.Term, weight, most);
    }

    /// <summary>
    /// Scores the segment's matches into <paramref name="collector"/> (already moved to the segment); false when this
    /// segment must be left to Lucene.
    /// </summary>
    public bool TryScore(AtomicReaderContext leaf, ICollector collector)
    {
        var reader = leaf.AtomicReader;
        var scorer = _root.For(leaf, _similarity, out var usable);
        if (!usable)
            return false;
        if (scorer is null)
            return true; // a required word this segment does not hold: nothing here matches

        var maxDoc = reader.MaxDoc;
        var words = FixedBitSet.Bits2words(maxDoc);
        var bits = ArrayPool<long>.Shared.Rent(words);
        try
        {
            if (!Matches(leaf, bits))
                return true;
            var live = reader.LiveDocs;
            var score = new CurrentScore();
            collector.SetScorer(score);
            for (var w = 0; w < words; w++)
            {
                var word = bits[w];
                while (word != 0)
                {
                    var doc = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    if (live is not null && !live.Get(doc))
                        continue;
                    score.Doc = doc;
                    score.Value = scorer.Score(doc);
                    collector.Collect(doc);
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(bits);
        }
    }

    /// <summary>Fills <paramref name="bits"/> with the documents holding every required word and passing every filter; false if none.</summary>
    private bool Matches(AtomicReaderContext leaf, long[] bits)
    {
        var reader = leaf.AtomicReader;
        if (!DenseTerms.Together(reader, _required, bits))
            return false;

        var set = new FixedBitSet(bits, reader.MaxDoc);
        foreach (var filter in _filters)
        {
            switch (filter.GetDocIdSet(leaf, null))
            {
                case FixedBitSet allowed:
                    set.And(allowed); // a word at a time
                    break;
                case { } allowed when allowed.GetIterator() is { } iterator:
                    set.And(iterator);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The score of the document being collected, for the collector to read.</summary>
    private sealed class CurrentScore() : Scorer(null!)
    {
        public int Doc { get; set; } = -1;

        public float Value { get; set; }

        public override float GetScore() => Value;

        public override int Freq => 1;

        public override int DocID => Doc;

        public override int NextDoc() => throw new NotSupportedException();

        public override int Advance(int target) => throw new NotSupportedException();

        public override long GetCost() => 0;
    }

    /// <summary>A part of the query, normalized as Lucene's weights are.</summary>
    private abstract class Node
    {
        public abstract float ValueForNormalization();

        public abstract void Normalize(float norm, float topLevelBoost);

        /// <summary>The scorer of this part in one segment; null if it matches nothing there; <paramref name="usable"/> false if a column cannot be had.</summary>
        public abstract SegmentScorer? For(AtomicReaderContext leaf, Similarity similarity, out bool usable);
    }

    /// <summary>
    /// A word. Its score in a document depends only on how often the document holds it and on the document's length
    /// norm (a byte): each score is taken from Lucene's scorer the first time a document with that frequency and norm
    /// comes up, then read from a table shared by every segment of the search.
    /// </summary>
    private sealed class Word : Node
    {
        private readonly Term _term;
        private readonly Similarity.SimWeight _weight;
        private readonly float[] _scores;

        public Word(Term term, Similarity.SimWeight weight, int maxFrequency)
        {
            _term = term;
            _weight = weight;
            _scores = new float[(maxFrequency + 1) * 256];
            Array.Fill(_scores, float.NaN);
        }

        public override float ValueForNormalization() => _weight.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _weight.Normalize(norm, topLevelBoost);

        public override SegmentScorer? For(AtomicReaderContext leaf, Similarity similarity, out bool usable)
        {
            var column = TermColumn.For(leaf.AtomicReader, _term);
            var norms = NormColumn.For(leaf.AtomicReader, _term.Field);
            usable = column is not null && norms is not null && (column.MaxFrequency + 1) * 256 <= _scores.Length;
            return !usable || column == TermColumn.Absent
                ? null
                : new WordScorer(column!.Frequencies, norms!, _scores, similarity.GetSimScorer(_weight, leaf), column.DocumentCount);
        }
    }

    /// <summary>A BooleanQuery of required parts and at most one optional word.</summary>
    private sealed class All(List<(Node Node, bool Required)> clauses, float boost, bool coordDisabled) : Node
    {
        public override float ValueForNormalization()
        {
            // BooleanWeight: the clauses' sum, times the boost squared.
            var sum = 0.0f;
            foreach (var (node, _) in clauses)
                sum += node.ValueForNormalization();
            sum *= boost * boost;
            return sum;
        }

        public override void Normalize(float norm, float topLevelBoost)
        {
            topLevelBoost *= boost;
            foreach (var (node, _) in clauses)
                node.Normalize(norm, topLevelBoost);
        }

        public override SegmentScorer? For(AtomicReaderContext leaf, Similarity similarity, out bool usable)
        {
            // BooleanWeight's scorer: a missing required part matches nothing; a missing optional word is left out.
            var required = new List<SegmentScorer>();
            WordScorer? optional = null;
            usable = true;
            foreach (var (node, isRequired) in clauses)
            {
                var scorer = node.For(leaf, similarity, out var ok);
                if (!ok)
                {
                    usable = false;
                    return null;
                }

                if (scorer is null)
                {
                    if (isRequired)
                        return null;
                }
                else if (isRequired)
                {
                    required.Add(scorer);
                }
                else
                {
                    optional = (WordScorer)scorer;
                }
            }

            // ConjunctionScorer sums its parts least costly first (a stable sort: equal costs keep the clause order).
            var sorted = required.OrderBy(s => s.Cost).ToArray();
            var maxCoord = clauses.Count;
            if (optional is null)
                return new ConjunctionScorer(sorted, coordDisabled ? 1.0f : similarity.Coord(required.Count, maxCoord));
            var factors = new float[required.Count + 2];
            for (var i = 0; i < factors.Length; i++)
                factors[i] = coordDisabled ? 1.0f : similarity.Coord(i, maxCoord);
            return new RequiredOptionalScorer(sorted, optional, factors);
        }
    }

    /// <summary>Scores a matching document of one segment; <see cref="Cost"/> is what Lucene's scorer would report.</summary>
    private abstract class SegmentScorer(long cost)
    {
        public long Cost { get; } = cost;

        public abstract float Score(int doc);
    }

    /// <summary>TermScorer: the similarity's score for the word's frequency in the document and the document's norm.</summary>
    private sealed class WordScorer(byte[] frequencies, byte[] norms, float[] scores, Similarity.SimScorer scorer, long cost)
        : SegmentScorer(cost)
    {
        public bool Holds(int doc) => frequencies[doc] != 0;

        public override float Score(int doc)
        {
            var frequency = frequencies[doc];
            var at = (frequency << 8) | norms[doc];
            var score = scores[at];
            if (float.IsNaN(score))
                scores[at] = score = scorer.Score(doc, frequency); // another worker may write the same value: harmless
            return score;
        }
    }

    /// <summary>ConjunctionScorer: the sum of the parts (least costly first), times the coordination factor.</summary>
    private sealed class ConjunctionScorer(SegmentScorer[] parts, float coord) : SegmentScorer(parts[0].Cost)
    {
        public override float Score(int doc)
        {
            var sum = 0.0f;
            foreach (var part in parts)
                sum += part.Score(doc);
            return sum * coord;
        }
    }

    /// <summary>
    /// BooleanScorer2 with required parts and one optional word (ReqOptSumScorer): the required parts' sum, plus the
    /// word's score when the document holds it, times the coordination factor of the number of clauses matched.
    /// </summary>
    private sealed class RequiredOptionalScorer(SegmentScorer[] required, WordScorer optional, float[] factors)
        : SegmentScorer(required[0].Cost)
    {
        public override float Score(int doc)
        {
            float sum;
            if (required.Length == 1)
            {
                sum = required[0].Score(doc);
            }
            else
            {
                sum = 0.0f;
                foreach (var part in required)
                    sum += part.Score(doc); // times a coordination of 1: a no-op
            }

            var matched = required.Length;
            if (optional.Holds(doc))
            {
                sum += optional.Score(doc);
                matched++;
            }

            return sum * factors[matched];
        }
    }
}
