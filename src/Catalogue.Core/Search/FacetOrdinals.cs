using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalogue.Core.Search;

/// <summary>
/// The facet values of every document of one segment, held in memory as segment ordinals so that counting a match is
/// a few array reads (reading the on-disk SortedSetDocValues per match was half the time of a broad search). Built
/// once per segment core and shared by every searcher that sees the segment; deletions do not change it (only live
/// matches are ever counted). Each ordinal is resolved once to its facet and value.
/// </summary>
/// <remarks>
/// A catalogue has tens or hundreds of facet values and a record a handful of them, so each document gets the same
/// number of slots of one or two bytes: counting a match reads one short run of bytes where it is (a broad search
/// counts hundreds of thousands of matches, and reading each one's place in an offsets table first cost a cache miss
/// more per match). Slots a document does not fill hold a spare ordinal, counted and ignored. A segment with more
/// values per document or more distinct values than that keeps plain offsets and ordinals.
/// </remarks>
internal sealed class FacetOrdinals
{
    /// <summary>More values than this on one document and the segment keeps offsets instead of slots.</summary>
    private const int MaxSlots = 24;

    private static readonly ConditionalWeakTable<object, FacetOrdinals> Cache = new();

    private static readonly FacetOrdinals Empty = new([], [], 0, null, null, [0], []);

    private readonly int _slots;
    private readonly byte[]? _narrow;
    private readonly ushort[]? _wide;
    private readonly int[]? _starts;
    private readonly int[]? _ordinals;

    private FacetOrdinals(string?[] facets, string[] values, int slots, byte[]? narrow, ushort[]? wide, int[]? starts, int[]? ordinals)
    {
        Facets = facets;
        Values = values;
        _slots = slots;
        _narrow = narrow;
        _wide = wide;
        _starts = starts;
        _ordinals = ordinals;
    }

    /// <summary>The facet of each ordinal (null for an entry that is not "facet\u001fvalue").</summary>
    public string?[] Facets { get; }

    /// <summary>The value of each ordinal.</summary>
    public string[] Values { get; }

    public int OrdinalCount => Facets.Length;

    /// <summary>How long the array given to <see cref="Count"/> must be: every ordinal, and the spare one of empty slots.</summary>
    public int CounterLength => OrdinalCount + 1;

    /// <summary>The layout this segment got: values per document in slots of one or two bytes, or offsets.</summary>
    internal string Layout => _narrow is not null ? $"{_slots} byte slots" : _wide is not null ? $"{_slots} two-byte slots" : "offsets";

    /// <summary>Adds one to the counter of each facet value of <paramref name="doc"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Count(int doc, int[] counts)
    {
        if (_narrow is { } narrow)
        {
            foreach (var ordinal in narrow.AsSpan(doc * _slots, _slots))
                counts[ordinal]++;
        }
        else if (_wide is { } wide)
        {
            foreach (var ordinal in wide.AsSpan(doc * _slots, _slots))
                counts[ordinal]++;
        }
        else
        {
            var ordinals = _ordinals!;
            var starts = _starts!;
            var end = starts[doc + 1];
            for (var i = starts[doc]; i < end; i++)
                counts[ordinals[i]]++;
        }
    }

    /// <summary>The ordinals of <paramref name="doc"/>, whatever the layout (for tests and checks, not for counting).</summary>
    internal IEnumerable<int> Of(int doc)
    {
        var counts = new int[CounterLength];
        Count(doc, counts);
        for (var ord = 0; ord < OrdinalCount; ord++)
        {
            for (var n = 0; n < counts[ord]; n++)
                yield return ord;
        }
    }

    /// <summary>The segment's ordinals, read from its doc values the first time the segment is searched.</summary>
    public static FacetOrdinals For(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => Load(reader));

    private static FacetOrdinals Load(AtomicReader reader)
    {
        var values = reader.GetSortedSetDocValues(SearchFields.FacetValues);
        if (values is null)
            return Empty;
        var count = checked((int)values.ValueCount);
        var facets = new string?[count];
        var names = new string[count];
        var term = new BytesRef();
        for (var ord = 0; ord < count; ord++)
        {
            values.LookupOrd(ord, term);
            var entry = term.Utf8ToString();
            var separator = entry.IndexOf(SearchFields.FacetSeparator, StringComparison.Ordinal);
            facets[ord] = separator > 0 ? string.Intern(entry[..separator]) : null;
            names[ord] = separator > 0 ? entry[(separator + 1)..] : entry;
        }

        var maxDoc = reader.MaxDoc;
        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc * 8);
        var widest = 0;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                ordinals.Add((int)ord);
            widest = Math.Max(widest, ordinals.Count - starts[doc]);
        }

        starts[maxDoc] = ordinals.Count;
        // The spare ordinal (count) must fit the slot too.
        if (widest > MaxSlots || count >= ushort.MaxValue || (long)maxDoc * MaxSlots >= int.MaxValue)
            return new FacetOrdinals(facets, names, 0, null, null, starts, [.. ordinals]);
        var slots = Math.Max(widest, 1);
        if (count < byte.MaxValue)
            return new FacetOrdinals(facets, names, slots, Slots(starts, ordinals, slots, (byte)count), null, null, null);
        return new FacetOrdinals(facets, names, slots, null, Slots(starts, ordinals, slots, (ushort)count), null, null);
    }

    private static T[] Slots<T>(int[] starts, List<int> ordinals, int slots, T spare)
        where T : struct, IBinaryInteger<T>
    {
        var maxDoc = starts.Length - 1;
        var table = new T[(long)maxDoc * slots];
        Array.Fill(table, spare);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            for (var i = starts[doc]; i < starts[doc + 1]; i++)
                table[(doc * slots) + i - starts[doc]] = T.CreateTruncating(ordinals[i]);
        }

        return table;
    }
}
