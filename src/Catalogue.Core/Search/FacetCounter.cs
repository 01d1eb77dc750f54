using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalogue.Core.Search;

/// <summary>
/// Counts facet values of every matching document (the Facet module is not available): all facets share one
/// SortedSetDocValues field (<see cref="SearchFields.FacetValues"/>), counted per segment into an array indexed by
/// ordinal, and resolved to facet and value once per segment.
/// </summary>
internal sealed class FacetCounter(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _totals =
        fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);

    private SortedSetDocValues? _values;
    private int[]? _counts;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _values = context.AtomicReader.GetSortedSetDocValues(SearchFields.FacetValues);
        _counts = _values is null ? null : new int[checked((int)_values.ValueCount)];
    }

    public void Collect(int doc)
    {
        if (_values is not { } values)
            return;
        var counts = _counts!;
        values.SetDocument(doc);
        long ord;
        while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            counts[ord]++;
    }

    /// <summary>The counts per facet, most frequent first (at most <paramref name="top"/> values each).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result(int top)
    {
        Flush();
        return _totals.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValue>)f.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
                .Take(top).Select(v => new FacetValue(v.Key, v.Value)).ToList(),
            StringComparer.Ordinal);
    }

    private void Flush()
    {
        if (_values is not { } values || _counts is not { } counts)
            return;
        var term = new BytesRef();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0)
                continue;
            values.LookupOrd(ord, term);
            var entry = term.Utf8ToString();
            var separator = entry.IndexOf(SearchFields.FacetSeparator, StringComparison.Ordinal);
            if (separator <= 0 || !_totals.TryGetValue(entry[..separator], out var totals))
                continue; // a facet this audience does not see
            var value = entry[(separator + 1)..];
            totals[value] = totals.GetValueOrDefault(value) + counts[ord];
        }

        _values = null;
        _counts = null;
    }
}
