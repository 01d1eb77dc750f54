using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalogue.Core.Search;

/// <summary>
/// The facet values of every document of one segment, held in memory as flat arrays of segment ordinals so that
/// counting a match is a few array reads (reading the on-disk SortedSetDocValues per match was half the time of a
/// broad search). Built once per segment core and shared by every searcher that sees the segment; deletions do not
/// change it (only live matches are ever counted). Each ordinal is resolved once to its facet and value.
/// </summary>
internal sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<object, FacetOrdinals> Cache = new();

    private static readonly FacetOrdinals Empty = new([0], [], [], []);

    private FacetOrdinals(int[] starts, int[] ordinals, string?[] facets, string[] values)
    {
        Starts = starts;
        Ordinals = ordinals;
        Facets = facets;
        Values = values;
    }

    /// <summary>Document <c>d</c>'s ordinals are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
    public int[] Starts { get; }

    public int[] Ordinals { get; }

    /// <summary>The facet of each ordinal (null for an entry that is not "facet\u001fvalue").</summary>
    public string?[] Facets { get; }

    /// <summary>The value of each ordinal.</summary>
    public string[] Values { get; }

    public int OrdinalCount => Facets.Length;

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
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                ordinals.Add((int)ord);
        }

        starts[maxDoc] = ordinals.Count;
        return new FacetOrdinals(starts, [.. ordinals], facets, names);
    }
}
