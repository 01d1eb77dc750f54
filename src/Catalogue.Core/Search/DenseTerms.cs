using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalogue.Core.Search;

/// <summary>
/// Words most records hold ("bowl", "glaze", "lotus") make a search for several of them slow: Lucene walks the list
/// of the rarest and steps every other list to each of its documents, though few hold them all. The documents of
/// such common words are kept per segment as bit sets, so the few that hold every one are found by AND-ing the sets
/// (a word at a time for 64 documents), and the query is scored on those only. Used when the common words a query
/// requires share at most a quarter of the rarest one's documents; otherwise the plain walk is as fast.
/// </summary>
internal static class DenseTerms
{
    /// <summary>A word in at least this share of the documents is common enough to keep as a bit set.</summary>
    internal const int DenseFraction = 32;

    /// <summary>At most this many sets per segment (a set takes one bit per document).</summary>
    private const int MaxCachedPerSegment = 256;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, FixedBitSet>> Cache = new();

    /// <summary>
    /// The query, led by the documents that hold every common word it requires when that is worth it. Dispose the
    /// result after the search: the intersections live in pooled arrays (a set per segment is too large for the
    /// young generation, and a new one per search would keep the collector busy).
    /// </summary>
    public static Lease Apply(Query query, TermCounts counts)
    {
        var required = new HashSet<Term>();
        Required(query, required);
        var reader = counts.Reader;
        var maxDoc = reader.MaxDoc;
        var dense = required.Select(t => (Term: t, Count: counts.DocFreq(t)))
            .Where(t => (long)t.Count * DenseFraction >= maxDoc)
            .OrderBy(t => t.Count).ToList();
        if (dense.Count < 2)
            return new Lease(query, []);

        var leaves = reader.Leaves;
        var sets = new FixedBitSet?[leaves.Count];
        var rented = new List<long[]>();
        long together = 0;
        foreach (var leaf in leaves)
        {
            var bits = ArrayPool<long>.Shared.Rent(FixedBitSet.Bits2words(leaf.AtomicReader.MaxDoc));
            rented.Add(bits);
            // null where a required word is not in the segment: nothing there matches
            var set = Together(leaf.AtomicReader, dense.Select(d => d.Term), bits) ? new FixedBitSet(bits, leaf.AtomicReader.MaxDoc) : null;
            sets[leaf.Ord] = set;
            together += set?.Cardinality ?? 0;
        }

        return together * 4 <= dense[0].Count
            ? new Lease(new FilteredQuery(query, new SetsFilter(sets), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), rented)
            : new Lease(query, rented);
    }

    /// <summary>
    /// The segment's documents holding every one of <paramref name="terms"/>, written into <paramref name="bits"/> (a
    /// pooled array at least one bit per document long, cleared past its end, which counting reads); false when a word
    /// is not in the segment, or there is no word.
    /// </summary>
    internal static bool Together(AtomicReader reader, IEnumerable<Term> terms, long[] bits)
    {
        var words = FixedBitSet.Bits2words(reader.MaxDoc);
        var first = true;
        foreach (var term in terms)
        {
            if (Documents(reader, term) is not { } documents)
                return false;
            var source = documents.GetBits();
            if (first)
            {
                Array.Copy(source, bits, words);
                Array.Clear(bits, words, bits.Length - words);
                first = false;
            }
            else
            {
                for (var w = 0; w < words; w++)
                    bits[w] &= source[w];
            }
        }

        return !first;
    }

    /// <summary>The query to run, holding the pooled arrays its filter reads until disposed.</summary>
    public sealed class Lease(Query query, List<long[]> rented) : IDisposable
    {
        public Query Query { get; } = query;

        public void Dispose()
        {
            foreach (var bits in rented)
                ArrayPool<long>.Shared.Return(bits);
            rented.Clear();
        }
    }

    /// <summary>The terms every match must hold: single words and phrase words reached through required clauses only.</summary>
    private static void Required(Query query, HashSet<Term> terms)
    {
        switch (query)
        {
            case TermQuery term:
                terms.Add(term.Term);
                break;
            case PhraseQuery phrase:
                terms.UnionWith(phrase.GetTerms());
                break;
            case BooleanQuery boolean:
                var must = boolean.Clauses.Where(c => c.Occur == Occur.MUST).ToList();
                var should = boolean.Clauses.Where(c => c.Occur == Occur.SHOULD).ToList();
                if (must.Count == 0 && should.Count == 1)
                    must = should; // the one optional clause of a query without required ones must match
                foreach (var clause in must)
                    Required(clause.Query, terms);
                break;
            case FilteredQuery filtered:
                Required(filtered.Query, terms);
                break;
        }
    }

    /// <summary>The segment's documents holding <paramref name="term"/> (deleted ones too: live ones are checked later).</summary>
    private static FixedBitSet? Documents(AtomicReader reader, Term term)
    {
        var cached = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<Term, FixedBitSet>());
        if (cached.TryGetValue(term, out var known))
            return known;
        var docs = reader.GetTermDocsEnum(term);
        if (docs is null)
            return null;
        var set = new FixedBitSet(reader.MaxDoc);
        int doc;
        while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            set.Set(doc);
        if (cached.Count < MaxCachedPerSegment)
            cached.TryAdd(term, set);
        return set;
    }

    private sealed class SetsFilter(FixedBitSet?[] sets) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs) =>
            context.Ord < sets.Length && sets[context.Ord] is { } set ? BitsFilteredDocIdSet.Wrap(set, acceptDocs) : null;
    }
}
