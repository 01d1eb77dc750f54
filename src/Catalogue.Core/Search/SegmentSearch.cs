using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalogue.Core.Search;

/// <summary>
/// Runs one search over the segments of an index, in parallel when the index is large enough to gain from it: each
/// worker takes the next segment (largest first) and collects into its own part, which the caller merges. A small
/// index is searched on the calling thread, as IndexSearcher would.
/// </summary>
internal static class SegmentSearch
{
    /// <summary>Below this many documents a search takes a few milliseconds at most: not worth a second thread.</summary>
    /// <remarks>Settable so tests can search a small index both ways.</remarks>
    internal static int ParallelFrom { get; set; } = 50_000;

    public interface IPart
    {
        ICollector Collector { get; }
    }

    /// <summary>Runs the search; segments <paramref name="columns"/> can score are scored from columns, the rest by <paramref name="weight"/>.</summary>
    public static IReadOnlyList<TPart> Run<TPart>(IndexSearcher searcher, Lazy<Weight> weight, Func<TPart> newPart, ColumnScoring? columns = null)
        where TPart : IPart
    {
        var leaves = searcher.IndexReader.Leaves;
        var workers = Math.Min(Environment.ProcessorCount, leaves.Count);
        if (workers < 2 || searcher.IndexReader.MaxDoc < ParallelFrom)
        {
            var part = newPart();
            foreach (var leaf in leaves)
                Score(weight, leaf, part.Collector, columns);
            return [part];
        }

        var queue = leaves.OrderByDescending(l => l.AtomicReader.MaxDoc).ToArray();
        var next = -1;
        var parts = new TPart[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var part = newPart();
            int i;
            while ((i = Interlocked.Increment(ref next)) < queue.Length)
                Score(weight, queue[i], part.Collector, columns);
            parts[w] = part;
        });
        return parts;
    }

    /// <summary>What IndexSearcher does for each segment.</summary>
    private static void Score(Lazy<Weight> weight, AtomicReaderContext leaf, ICollector collector, ColumnScoring? columns)
    {
        try
        {
            collector.SetNextReader(leaf);
        }
        catch (CollectionTerminatedException)
        {
            return;
        }

        try
        {
            if (columns is not null && columns.TryScore(leaf, collector))
                return;
            weight.Value.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
        }
        catch (CollectionTerminatedException)
        {
            // the collector has what it wants from this segment
        }
    }
}
