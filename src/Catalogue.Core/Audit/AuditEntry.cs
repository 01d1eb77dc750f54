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
    }

    internal AuditEntry(DateTime at, string? userId, string userName, string entityType, string entityKey, AuditAction action)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        EntityType = entityType;
        EntityKey = entityKey;
        Action = action;
        Changes = "[]";
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; }
    public string EntityType { get; private set; }
    public string EntityKey { get; private set; }
    public AuditAction Action { get; private set; }

    /// <summary>The field changes as JSON (a list of <see cref="FieldChange"/>).</summary>
    public string Changes { get; private set; }

    public IReadOnlyList<FieldChange> FieldChanges =>
        JsonSerializer.Deserialize<List<FieldChange>>(Changes, JsonOptions) ?? [];

    internal void SetChanges(IEnumerable<FieldChange> changes) =>
        Changes = JsonSerializer.Serialize(changes.OrderBy(c => c.Field, StringComparer.Ordinal).ToList(), JsonOptions);
}
