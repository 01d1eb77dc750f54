using System.Text.Json;

namespace Catalogue.Core.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One field's change: the value before and after, as text.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>
/// An append-only entry in the change history: who changed which record, when, and each field's
/// old and new value. Written in the same transaction as the change itself.
/// </summary>
public sealed class AuditEntry
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private AuditEntry()
    {
        UserName = string.Empty;
        EntityType = string.Empty;
        EntityKey = string.Empty;
        Changes = "[]";
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    internal AuditEntry(DateTime at, string? userId, string userName, string entityType, string entityKey, AuditAction action)
    {
        // Whole milliseconds, so the hashed timestamp survives every provider's precision unchanged.
        At = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        UserId = userId;
        UserName = userName;
        EntityType = entityType;
        EntityKey = entityKey;
        Action = action;
        Changes = "[]";
        PreviousHash = string.Empty;
        Hash = string.Empty;
        CreationOrder = Interlocked.Increment(ref _creationCounter);
    }

    private static long _creationCounter;

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; }
    public string EntityType { get; private set; }
    public string EntityKey { get; private set; }
    public AuditAction Action { get; private set; }

    /// <summary>The field changes as JSON (a list of <see cref="FieldChange"/>).</summary>
    public string Changes { get; private set; }

    /// <summary>The entry's place in the chain: 1, 2, 3, ... with no gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>The hash of the entry before this one (64 zeros for the first).</summary>
    public string PreviousHash { get; private set; }

    /// <summary>SHA-256 over this entry's content and <see cref="PreviousHash"/>, as lowercase hex.</summary>
    public string Hash { get; private set; }

    /// <summary>The order entries were made in this process, so a save links them in that order.</summary>
    internal long CreationOrder { get; }

    public IReadOnlyList<FieldChange> FieldChanges =>
        JsonSerializer.Deserialize<List<FieldChange>>(Changes, JsonOptions) ?? [];

    internal void Link(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
    }

    internal void SetChanges(IEnumerable<FieldChange> changes) =>
        Changes = JsonSerializer.Serialize(changes.OrderBy(c => c.Field, StringComparer.Ordinal).ToList(), JsonOptions);
}
