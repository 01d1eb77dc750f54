using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Audit;

public sealed record HistoryItem(DateTime At, string UserName, AuditAction Action, IReadOnlyList<FieldChange> Changes);

/// <summary>Reads the change history of one record, newest first.</summary>
public sealed class HistoryQueries(CatalogueDbContext db)
{
    public async Task<IReadOnlyList<HistoryItem>> ForRecordAsync(string entityType, string entityKey, CancellationToken cancellationToken = default)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityKey == entityKey)
            .OrderByDescending(e => e.Id)
            .ToListAsync(cancellationToken);
        return entries.Select(e => new HistoryItem(e.At, e.UserName, e.Action, e.FieldChanges)).ToList();
    }

    /// <summary>A record's history together with that of its parts (e.g. a treatment and its steps, keyed "REF/step n").</summary>
    public async Task<IReadOnlyList<HistoryItem>> ForRecordWithPartsAsync(string entityType, string partType, string entityKey, CancellationToken cancellationToken = default)
    {
        var prefix = entityKey + "/";
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == entityType && e.EntityKey == entityKey) || (e.EntityType == partType && e.EntityKey.StartsWith(prefix)))
            .OrderByDescending(e => e.Id)
            .ToListAsync(cancellationToken);
        return entries.Select(e => new HistoryItem(e.At, e.UserName, e.Action,
            e.EntityType == partType ? e.FieldChanges.Select(c => c with { Field = $"{e.EntityKey[prefix.Length..]}: {c.Field}" }).ToList() : e.FieldChanges)).ToList();
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
}
