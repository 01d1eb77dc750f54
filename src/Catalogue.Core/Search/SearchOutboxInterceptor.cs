using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Conservation;
using Catalogue.Core.Excavation;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Catalogue.Core.Search;

/// <summary>
/// Writes a <see cref="SearchOutboxEntry"/> for every changed record the index shows, inside the transaction of the
/// save (after the save, when new records have their ids, and before the audit interceptor commits), and wakes the
/// indexer once that transaction has committed. Registered before the audit interceptor.
/// </summary>
public sealed class SearchOutboxInterceptor(SearchIndexSignal signal, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public List<object> Entities { get; } = [];
        public bool AwaitingCommit { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Rows(eventData.Context) is { } write)
        {
            write.Context.Database.ExecuteSqlRaw(write.Sql, write.Parameters);
            AfterWrite(write.Context);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Rows(eventData.Context) is { } write)
        {
            await write.Context.Database.ExecuteSqlRawAsync(write.Sql, write.Parameters, cancellationToken);
            AfterWrite(write.Context);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
            return;
        var pending = _pending.GetOrCreateValue(context);
        pending.Entities.Clear();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is Artifact or ArtifactTerm or Find or Context or Site or VocabularyTerm or ConditionReport or Media.MediaLink)
                pending.Entities.Add(entry.Entity);
        }
    }

    private sealed record Write(DbContext Context, string Sql, object[] Parameters);

    private Write? Rows(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Entities.Count == 0)
            return null;
        var rows = new HashSet<(string Kind, int Id)>();
        foreach (var entity in pending.Entities)
        {
            switch (entity)
            {
                case Artifact a:
                    rows.Add((SearchOutboxEntry.ArtifactKind, a.Id));
                    break;
                case ArtifactTerm t:
                    rows.Add((SearchOutboxEntry.ArtifactKind, t.ArtifactId));
                    break;
                case ConditionReport r:
                    rows.Add((SearchOutboxEntry.ArtifactKind, r.ArtifactId));
                    break;
                case Find f:
                    rows.Add((SearchOutboxEntry.FindKind, f.Id));
                    if (f.ArtifactId is { } artifactId)
                        rows.Add((SearchOutboxEntry.ArtifactKind, artifactId));
                    break;
                case Context c:
                    rows.Add((SearchOutboxEntry.ContextKind, c.Id));
                    break;
                case Site s:
                    rows.Add((SearchOutboxEntry.SiteKind, s.Id));
                    break;
                case VocabularyTerm term:
                    rows.Add((SearchOutboxEntry.TermKind, term.Id));
                    break;
                case Media.MediaLink { ArtifactId: { } linkedArtifact }:
                    rows.Add((SearchOutboxEntry.ArtifactKind, linkedArtifact));
                    break;
                case Media.MediaLink { FindId: { } linkedFind }:
                    rows.Add((SearchOutboxEntry.FindKind, linkedFind));
                    break;
            }
        }

        pending.Entities.Clear();
        rows.RemoveWhere(r => r.Id <= 0);
        if (rows.Count == 0)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var sql = new StringBuilder("INSERT INTO \"SearchOutbox\" (\"Kind\", \"EntityId\", \"EnqueuedAt\") VALUES ");
        var parameters = new List<object>();
        foreach (var (kind, id) in rows)
        {
            if (parameters.Count > 0)
                sql.Append(", ");
            sql.Append(CultureInfo.InvariantCulture, $"({{{parameters.Count}}}, {{{parameters.Count + 1}}}, {{{parameters.Count + 2}}})");
            parameters.AddRange([kind, id, now]);
        }

        return new Write(context, sql.ToString(), [.. parameters]);
    }

    private void AfterWrite(DbContext context)
    {
        if (context.Database.CurrentTransaction is null)
            signal.Notify();
        else if (_pending.TryGetValue(context, out var pending))
            pending.AwaitingCommit = true;
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending) && pending.AwaitingCommit)
        {
            pending.AwaitingCommit = false;
            signal.Notify();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
            pending.Entities.Clear();
    }
}

/// <summary>Wakes the indexer when changes have been committed (it also looks on its own a few times a second).</summary>
public sealed class SearchIndexSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
                _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the indexer will pick everything up in one pass.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
