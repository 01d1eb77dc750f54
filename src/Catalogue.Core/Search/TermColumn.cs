using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalogue.Core.Search;

/// <summary>
/// How often a word occurs in each document of one segment, as one byte per document: scoring a common word from
/// this column is an array read where walking its list of documents is a call chain per match. Built the first time
/// a search needs the word in the segment and kept with the segment (a few hundred columns at most).
/// </summary>
internal sealed class TermColumn
{
    /// <summary>At most this many columns per segment (a column takes one byte per document).</summary>
    private const int MaxCachedPerSegment = 128;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, Lazy<TermColumn?>>> Cache = new();

    /// <summary>A word the segment does not hold.</summary>
    public static readonly TermColumn Absent = new([], 0, 0);

    private TermColumn(byte[] frequencies, int documentCount, int maxFrequency)
    {
        Frequencies = frequencies;
        DocumentCount = documentCount;
        MaxFrequency = maxFrequency;
    }

    /// <summary>How often the word occurs in each document of the segment (0: not at all); empty when <see cref="Absent"/>.</summary>
    public byte[] Frequencies { get; }

    /// <summary>How many documents of the segment (deleted ones included) hold the word: what Lucene's scorer reports as its cost.</summary>
    public int DocumentCount { get; }

    /// <summary>The most times one document holds the word.</summary>
    public int MaxFrequency { get; }

    /// <summary>
    /// The column of <paramref name="term"/> in the segment, <see cref="Absent"/> if no document holds it, or null when
    /// some document holds it more than 255 times (a byte cannot say how often).
    /// </summary>
    public static TermColumn? For(AtomicReader reader, Term term)
    {
        var cached = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<Term, Lazy<TermColumn?>>());
        if (cached.TryGetValue(term, out var known))
            return known.Value;
        if (cached.Count >= MaxCachedPerSegment)
            cached.Clear();
        return cached.GetOrAdd(term, t => new Lazy<TermColumn?>(() => Load(reader, t))).Value;
    }

    private static TermColumn? Load(AtomicReader reader, Term term)
    {
        var terms = reader.GetTerms(term.Field)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(term.Bytes))
            return Absent;
        var docs = terms.Docs(null, null, DocsFlags.FREQS);
        var frequencies = new byte[reader.MaxDoc];
        var count = 0;
        var most = 0;
        int doc;
        while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            var freq = docs.Freq;
            if (freq > byte.MaxValue)
                return null;
            frequencies[doc] = (byte)freq;
            most = Math.Max(most, freq);
            count++;
        }

        return count == 0 ? Absent : new TermColumn(frequencies, count, most);
    }
}

/// <summary>
/// The length norm of every document of one segment for one field, as the byte the index stores (one byte per
/// document): with the frequency column, all a word's score depends on. Kept with the segment.
/// </summary>
internal static class NormColumn
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<byte[]?>>> Cache = new();

    /// <summary>The segment's norms of <paramref name="field"/>, or null if it keeps none.</summary>
    public static byte[]? For(AtomicReader reader, string field)
    {
        var cached = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, Lazy<byte[]?>>(StringComparer.Ordinal));
        return cached.GetOrAdd(field, f => new Lazy<byte[]?>(() => Load(reader, f))).Value;
    }

    private static byte[]? Load(AtomicReader reader, string field)
    {
        if (reader.GetNormValues(field) is not { } norms)
            return null;
        var column = new byte[reader.MaxDoc];
        for (var doc = 0; doc < column.Length; doc++)
        {
            var norm = norms.Get(doc);
            if (norm is < sbyte.MinValue or > byte.MaxValue)
                return null; // not a one-byte norm: not what the scoring tables expect
            column[doc] = unchecked((byte)norm);
        }

        return column;
    }
}
