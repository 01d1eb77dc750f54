using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalogue.Core.Search;

/// <summary>
/// Counts facet values of every matching document (the Facet module is not available): all facets share one
/// SortedSetDocValues field (<see cref="SearchFields.FacetValues"/>), whose ordinals each segment keeps in memory
/// (<see cref="FacetOrdinals"/>); matches are counted per segment into an array indexed by ordinal, resolved to facet
/// and value once per segment. Counters of the same search run on different segments are added with <see cref="Add"/>.
/// Each match is passed on to <paramref name="next"/> (the collector of the best hits): one call per match instead of
/// MultiCollector's loop over both.
/// </summary>
internal sealed class FacetCounter(IReadOnlyList<string> fields, ICollector next) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _totals =
        fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);

    private FacetOrdinals? _segment;
    private int[]? _counts;

    /// <summary>False, so that Lucene scores in order (see CatalogueSearch.TopCollector), though neither it nor the next collector would mind.</summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => next.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        next.SetNextReader(context);
        Flush();
        var segment = FacetOrdinals.For(context.AtomicReader);
        if (segment.OrdinalCount == 0)
            return;
        _segment = segment;
        _counts = new int[segment.CounterLength];
    }

    public void Collect(int doc)
    {
        _segment?.Count(doc, _counts!);
        next.Collect(doc);
    }

    /// <summary>Adds the counts another counter took over other segments of the same search.</summary>
    public void Add(FacetCounter other)
    {
        Flush();
        other.Flush();
        foreach (var (facet, values) in other._totals)
        {
            var totals = _totals[facet];
            foreach (var (value, count) in values)
                totals[value] = totals.GetValueOrDefault(value) + count;
        }
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
        if (_segment is not { } segment || _counts is not { } counts)
            return;
        for (var ord = 0; ord < segment.OrdinalCount; ord++)
        {
            if (counts[ord] == 0 || segment.Facets[ord] is not { } facet || !_totals.TryGetValue(facet, out var totals))
                continue; // nothing counted, or a facet this audience does not see
            var value = segment.Values[ord];
            totals[value] = totals.GetValueOrDefault(value) + counts[ord];
        }

        _segment = null;
        _counts = null;
    }
}
