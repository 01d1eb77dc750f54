using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catalogue.Core.Search;

/// <summary>
/// Keeps <see cref="SearchIndex"/> a projection of the database: applies the outbox (each change re-reads its records),
/// and rebuilds from scratch. One at a time: the outbox and a rebuild never interleave.
/// </summary>
public sealed class SearchIndexer(SearchIndex index, IServiceScopeFactory scopes, ILogger<SearchIndexer> logger) : IDisposable
{
    public const int OutboxBatch = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>True while a rebuild runs (searches then answer from the previous index).</summary>
    public bool Rebuilding { get; private set; }

    /// <summary>Applies up to <see cref="OutboxBatch"/> outbox rows, commits the index, then deletes the rows; returns how many.</summary>
    public async Task<int> ApplyOutboxAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            var rows = await db.SearchOutbox.AsNoTracking().OrderBy(r => r.Id).Take(OutboxBatch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
                return 0;
            var (artifacts, finds, contexts) = await AffectedAsync(db, rows, cancellationToken);
            var records = scope.ServiceProvider.GetRequiredService<SearchRecords>();
            var found = new List<SearchRecord>();
            found.AddRange(await records.ArtifactsAsync(artifacts, cancellationToken));
            found.AddRange(await records.FindsAsync(finds, cancellationToken));
            found.AddRange(await records.ContextsAsync(contexts, cancellationToken));
            var wanted = artifacts.Select(id => SearchRecord.KeyOf(SearchDocumentType.Artifact, id))
                .Concat(finds.Select(id => SearchRecord.KeyOf(SearchDocumentType.Find, id)))
                .Concat(contexts.Select(id => SearchRecord.KeyOf(SearchDocumentType.Context, id)));
            var present = found.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            try
            {
                index.Upsert(found);
                index.Delete(wanted.Where(k => !present.Contains(k)));
                index.Commit();
            }
            catch
            {
                index.Rollback();
                throw;
            }

            // Only now: a crash before this line leaves the rows, and the next start applies them again.
            var last = rows[^1].Id;
            await db.SearchOutbox.Where(r => r.Id <= last).ExecuteDeleteAsync(cancellationToken);
            return rows.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies the outbox until it is empty.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int applied;
        do
        {
            applied = await ApplyOutboxAsync(cancellationToken);
            total += applied;
        }
        while (applied == OutboxBatch);
        return total;
    }

    /// <summary>True when the index is missing, of another schema version, or holds another number of documents than the database has records.</summary>
    public async Task<bool> IsStaleAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var expected = await scope.ServiceProvider.GetRequiredService<SearchRecords>().CountAsync(cancellationToken);
        var schema = index.SchemaVersion;
        var count = index.DocumentCount;
        var stale = schema != SearchFields.SchemaVersion || count != expected;
        if (stale)
            logger.LogInformation("The search index is stale (schema {Schema}, {Count} documents; expected schema {Expected}, {Records} records)",
                schema ?? "none", count, SearchFields.SchemaVersion, expected);
        return stale;
    }

    /// <summary>
    /// Rebuilds the index from the database on every core; the previous index answers searches until the new one is
    /// committed, and stays as it was if the rebuild fails.
    /// </summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        Rebuilding = true;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            var records = scope.ServiceProvider.GetRequiredService<SearchRecords>();
            // Changes committed after this point stay in the outbox and are applied after the rebuild.
            var outboxHead = await db.SearchOutbox.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
            var total = await records.CountAsync(cancellationToken);
            var done = 0;
            progress?.Report((0, total));
            using (var rebuild = index.BeginRebuild())
            {
                // The database is read one batch at a time while the batches already read are indexed on every core.
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(records.AllAsync(cancellationToken), parallel, (batch, _) =>
                {
                    rebuild.Add(batch);
                    var now = Interlocked.Add(ref done, batch.Count);
                    progress?.Report((now, Math.Max(now, total)));
                    return ValueTask.CompletedTask;
                });
                rebuild.Complete();
            }

            await db.SearchOutbox.Where(r => r.Id <= outboxHead).ExecuteDeleteAsync(cancellationToken);
            logger.LogInformation("Rebuilt the search index: {Count} documents", done);
            return done;
        }
        finally
        {
            Rebuilding = false;
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static async Task<(HashSet<int> Artifacts, HashSet<int> Finds, HashSet<int> Contexts)> AffectedAsync(
        CatalogueDbContext db, List<SearchOutboxEntry> rows, CancellationToken cancellationToken)
    {
        var artifacts = new HashSet<int>();
        var finds = new HashSet<int>();
        var contexts = new HashSet<int>();
        List<int> Of(string kind) => rows.Where(r => r.Kind == kind).Select(r => r.EntityId).Distinct().ToList();

        artifacts.UnionWith(Of(SearchOutboxEntry.ArtifactKind));
        finds.UnionWith(Of(SearchOutboxEntry.FindKind));
        contexts.UnionWith(Of(SearchOutboxEntry.ContextKind));

        if (Of(SearchOutboxEntry.TermKind) is { Count: > 0 } terms)
        {
            artifacts.UnionWith(await db.Artifacts.Where(a => terms.Contains(a.ObjectTypeId) || (a.PeriodId != null && terms.Contains(a.PeriodId.Value))
                || a.Terms.Any(t => terms.Contains(t.TermId))).Select(a => a.Id).ToListAsync(cancellationToken));
            contexts.UnionWith(await db.Contexts.Where(c => c.PeriodId != null && terms.Contains(c.PeriodId.Value)).Select(c => c.Id).ToListAsync(cancellationToken));
            finds.UnionWith(await db.Finds.Where(f => (f.MaterialId != null && terms.Contains(f.MaterialId.Value))
                || (f.ObjectTypeId != null && terms.Contains(f.ObjectTypeId.Value))).Select(f => f.Id).ToListAsync(cancellationToken));
        }

        if (Of(SearchOutboxEntry.SiteKind) is { Count: > 0 } sites)
            contexts.UnionWith(await db.Contexts.Where(c => sites.Contains(c.SiteId)).Select(c => c.Id).ToListAsync(cancellationToken));

        // A context's period and reference show on its finds, and a find's site and context on its artifact.
        if (contexts.Count > 0)
        {
            var contextIds = contexts.ToList();
            finds.UnionWith(await db.Finds.Where(f => contextIds.Contains(f.ContextId)).Select(f => f.Id).ToListAsync(cancellationToken));
        }

        if (finds.Count > 0)
        {
            var findIds = finds.ToList();
            artifacts.UnionWith(await db.Finds.Where(f => findIds.Contains(f.Id) && f.ArtifactId != null)
                .Select(f => f.ArtifactId!.Value).ToListAsync(cancellationToken));
        }

        return (artifacts, finds, contexts);
    }
}
