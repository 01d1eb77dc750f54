using System.Globalization;
using Catalogue.Core.Common;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Catalogue.Core.Audit;

/// <summary>
/// On every save: stamps created/updated by and at, bumps the version of changed records and
/// appends their change history, all inside the same SaveChanges (and so the same transaction).
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(ITrackedEntity.CreatedAt), nameof(ITrackedEntity.CreatedBy), nameof(ITrackedEntity.UpdatedAt),
        nameof(ITrackedEntity.UpdatedBy), nameof(ITrackedEntity.Version),
    ];

    // Identity columns that change on every sign-in or are secrets: never written to the history.
    private static readonly HashSet<string> Unrecorded =
    [
        nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp), nameof(IdentityUser.AccessFailedCount),
        nameof(IdentityUser.NormalizedEmail), nameof(IdentityUser.NormalizedUserName),
        nameof(ApiToken.Hash), nameof(ApiToken.LastUsedAt),
    ];

    // The transaction this interceptor opened around a save (when the caller had none), per context.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, IDbContextTransaction> _own = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (context.Database.CurrentTransaction is null)
                _own.AddOrUpdate(context, context.Database.BeginTransaction());
            Record(context, now);
            LinkChain(context, LastLink(context));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            // The time is read before the transaction opens; then the write lock is taken (BEGIN IMMEDIATE on SQLite)
            // before the chain's last link is read, so two saves can never link to the same entry.
            var now = clock.GetUtcNow().UtcDateTime;
            if (context.Database.CurrentTransaction is null)
                _own.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken));
            Record(context, now);
            if (HasPendingEntries(context))
            {
                await LockChainAsync(context, cancellationToken);
                LinkChain(context, await LastLinkQuery(context).FirstOrDefaultAsync(cancellationToken));
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _own.TryGetValue(context, out var transaction))
        {
            _own.Remove(context);
            transaction.Commit();
            transaction.Dispose();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _own.TryGetValue(context, out var transaction))
        {
            _own.Remove(context);
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => EndOwnTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EndOwnTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => EndOwnTransaction(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        EndOwnTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    private void EndOwnTransaction(DbContext? context)
    {
        if (context is not null && _own.TryGetValue(context, out var transaction))
        {
            _own.Remove(context);
            transaction.Dispose(); // rolls back
        }
    }

    private static bool HasPendingEntries(DbContext context) =>
        context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);

    private static IQueryable<ChainLink> LastLinkQuery(DbContext context) =>
        context.Set<AuditEntry>().AsNoTracking().Where(e => e.Hash != string.Empty).OrderByDescending(e => e.Sequence)
            .Select(e => new ChainLink(e.Sequence, e.Hash));

    private static ChainLink? LastLink(DbContext context)
    {
        if (!HasPendingEntries(context))
            return null;
        if (context.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
            context.Database.ExecuteSqlRaw("SELECT pg_advisory_xact_lock(7342001)");
        return LastLinkQuery(context).FirstOrDefault();
    }

    private static async Task LockChainAsync(DbContext context, CancellationToken cancellationToken)
    {
        // SQLite's BEGIN IMMEDIATE already holds the write lock; PostgreSQL needs an explicit one for the chain.
        if (context.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
            await context.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7342001)", cancellationToken);
    }

    /// <summary>Gives every new entry of this save its place in the chain, in the order they were made.</summary>
    private static void LinkChain(DbContext context, ChainLink? last)
    {
        var pending = context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).OrderBy(e => e.CreationOrder).ToList();
        var (sequence, previous) = last is null ? (0L, AuditChain.Genesis) : (last.Sequence, last.Hash);
        foreach (var entry in pending)
        {
            entry.Link(++sequence, previous);
            previous = entry.Hash;
        }
    }

    private sealed record ChainLink(long Sequence, string Hash);

    private void Record(DbContext context, DateTime now)
    {
        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries().ToList();
        var history = new Dictionary<object, (AuditEntry Entry, List<FieldChange> Changes)>(ReferenceEqualityComparer.Instance);

        foreach (var entry in entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entry.Entity is not IAudited && entry.Entity is not CatalogueUser)
                continue;
            var changes = DescribeChanges(context, entry).ToList();
            if (entry.State == EntityState.Modified && changes.Count == 0)
                continue;
            HistoryOf(entry.Entity, entry.State).Changes.AddRange(changes);
        }

        foreach (var group in CollectionChanges(context, entries))
            HistoryOf(group.Owner, EntityState.Modified).Changes.Add(group.Change);

        foreach (var (owner, (auditEntry, changes)) in history)
        {
            auditEntry.SetChanges(changes);
            context.Add(auditEntry);
            if (owner is ITrackedEntity tracked)
                Stamp(context.Entry(tracked), tracked, now);
        }

        // A changed part (a treatment's step) moves its whole's version on, once, unless the whole changed itself.
        var wholes = history.Keys.OfType<IAuditedPart>().Select(p => p.WholeIn(context)).OfType<ITrackedEntity>()
            .Where(w => !history.ContainsKey(w)).Distinct<ITrackedEntity>(ReferenceEqualityComparer.Instance).ToList();
        foreach (var whole in wholes)
            Stamp(context.Entry(whole), whole, now);

        (AuditEntry Entry, List<FieldChange> Changes) HistoryOf(object owner, EntityState state)
        {
            if (!history.TryGetValue(owner, out var item))
            {
                var ownerState = context.Entry(owner).State;
                var action = ownerState switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => state == EntityState.Deleted ? AuditAction.Deleted : AuditAction.Updated,
                };
                var (type, key) = owner switch
                {
                    IAudited a => (a.AuditType, a.AuditKey),
                    CatalogueUser u => ("User", u.Email ?? u.UserName ?? u.Id),
                    _ => (owner.GetType().Name, "?"),
                };
                item = (new AuditEntry(now, currentUser.UserId, currentUser.Name, type, key, action), []);
                history[owner] = item;
            }

            return item;
        }
    }

    private void Stamp(EntityEntry entry, ITrackedEntity tracked, DateTime now)
    {
        if (entry.State == EntityState.Added)
        {
            tracked.CreatedAt = now;
            tracked.CreatedBy = currentUser.Name;
            tracked.Version = 1;
        }
        else if (entry.State != EntityState.Deleted)
        {
            // The original value stays what the editor saw, so EF's concurrency check still compares against it.
            entry.Property(nameof(ITrackedEntity.Version)).CurrentValue = tracked.Version + 1;
        }

        entry.Property(nameof(ITrackedEntity.UpdatedAt)).CurrentValue = now;
        entry.Property(nameof(ITrackedEntity.UpdatedBy)).CurrentValue = currentUser.Name;
    }

    private static IEnumerable<FieldChange> DescribeChanges(DbContext context, EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (property.Metadata.IsPrimaryKey() || Bookkeeping.Contains(name) || Unrecorded.Contains(name))
                continue;
            if (Change(context, entry.State, name, property) is { } change)
                yield return change;
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                if (Change(context, entry.State, $"{complex.Metadata.Name}.{property.Metadata.Name}", property) is { } change)
                    yield return change;
            }
        }
    }

    private static FieldChange? Change(DbContext context, EntityState state, string field, MemberEntry property)
    {
        // A reference to a term or to another record is written as what people know it by (the term's code, the
        // record's accession number, site code or reference), never as a database id: an id means nothing to a reader,
        // and a record added in the same save only has a temporary one, which the chain would keep for ever.
        var principal = property.Metadata is Microsoft.EntityFrameworkCore.Metadata.IProperty p
            ? p.GetContainingForeignKeys().Where(fk => fk.Properties.Count == 1).Select(fk => fk.PrincipalEntityType.ClrType)
                .FirstOrDefault(t => t == typeof(VocabularyTerm) || typeof(IAudited).IsAssignableFrom(t))
            : null;
        var isForeignKey = principal is not null;
        var label = isForeignKey && field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field;
        if (field == nameof(IdentityUser.PasswordHash))
        {
            return state == EntityState.Modified && property.IsModified && !Equals(OriginalValue(property), property.CurrentValue)
                ? new FieldChange("Password", null, "(changed)")
                : null;
        }

        return state switch
        {
            EntityState.Added when property.CurrentValue is not null =>
                new FieldChange(label, null, Format(context, property.CurrentValue, principal)),
            EntityState.Deleted when OriginalValue(property) is not null =>
                new FieldChange(label, Format(context, OriginalValue(property), principal), null),
            EntityState.Modified when property.IsModified && !Equals(OriginalValue(property), property.CurrentValue) =>
                new FieldChange(label, Format(context, OriginalValue(property), principal), Format(context, property.CurrentValue, principal)),
            _ => null,
        };
    }

    private static object? OriginalValue(MemberEntry property) =>
        property is PropertyEntry p ? p.OriginalValue : property.CurrentValue;

    private static IEnumerable<(object Owner, FieldChange Change)> CollectionChanges(DbContext context, List<EntityEntry> entries)
    {
        var items = entries
            .Where(e => e.Entity is IAuditedCollectionItem)
            .Select(e => (Entry: e, Item: (IAuditedCollectionItem)e.Entity, Owner: ((IAuditedCollectionItem)e.Entity).OwnerIn(context)))
            .Where(x => x.Owner is not null)
            .GroupBy(x => (Owner: (object)x.Owner!, x.Item.CollectionName));
        foreach (var group in items)
        {
            if (group.All(x => x.Entry.State == EntityState.Unchanged))
                continue;
            var before = group.Where(x => x.Entry.State is EntityState.Unchanged or EntityState.Deleted or EntityState.Modified).Select(x => x.Item.DescribeFor(context));
            var after = group.Where(x => x.Entry.State is EntityState.Unchanged or EntityState.Added or EntityState.Modified).Select(x => x.Item.DescribeFor(context));
            var (old, current) = (JoinSorted(before), JoinSorted(after));
            // A list replaced by an identical one is not a change.
            if (old != current)
                yield return (group.Key.Owner, new FieldChange(group.Key.CollectionName, old, current));
        }

        var roleChanges = entries
            .Where(e => e.Entity is IdentityUserRole<string> && e.State is EntityState.Added or EntityState.Deleted)
            .GroupBy(e => ((IdentityUserRole<string>)e.Entity).UserId);
        foreach (var group in roleChanges)
        {
            if (context.Set<CatalogueUser>().Find(group.Key) is not { } user)
                continue;
            var added = group.Where(e => e.State == EntityState.Added).Select(e => RoleName(context, (IdentityUserRole<string>)e.Entity));
            var removed = group.Where(e => e.State == EntityState.Deleted).Select(e => RoleName(context, (IdentityUserRole<string>)e.Entity));
            yield return (user, new FieldChange("Roles", JoinSorted(removed), JoinSorted(added)));
        }

        var claimChanges = entries
            .Where(e => e.Entity is IdentityUserClaim<string> && e.State is EntityState.Added or EntityState.Deleted)
            .GroupBy(e => ((IdentityUserClaim<string>)e.Entity).UserId);
        foreach (var group in claimChanges)
        {
            if (context.Set<CatalogueUser>().Find(group.Key) is not { } user)
                continue;
            static string Describe(EntityEntry e) => $"{((IdentityUserClaim<string>)e.Entity).ClaimType}={((IdentityUserClaim<string>)e.Entity).ClaimValue}";
            yield return (user, new FieldChange("Claims",
                JoinSorted(group.Where(e => e.State == EntityState.Deleted).Select(Describe)),
                JoinSorted(group.Where(e => e.State == EntityState.Added).Select(Describe))));
        }
    }

    private static string RoleName(DbContext context, IdentityUserRole<string> link) =>
        context.Set<IdentityRole>().Find(link.RoleId)?.Name ?? link.RoleId;

    private static string? JoinSorted(IEnumerable<string> values)
    {
        var list = values.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join(", ", list);
    }

    /// <summary>A value as the history shows it; an id of a <paramref name="principal"/> (a term or a record) as its code or key.</summary>
    private static string? Format(DbContext context, object? value, Type? principal = null) => value switch
    {
        null => null,
        int id when principal == typeof(VocabularyTerm) && context.Set<VocabularyTerm>().Find(id) is { } term => term.Code,
        int id when principal is not null && context.Find(principal, id) is IAudited record => record.AuditKey,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
