namespace Catalogue.Core.Search;

/// <summary>
/// A record whose search document must be rebuilt, written in the same transaction as the change itself
/// (by <see cref="SearchOutboxInterceptor"/>) and deleted once the index has committed it. Rows left behind by a crash
/// between the database commit and the index update are applied on the next start.
/// </summary>
public sealed class SearchOutboxEntry
{
    public const string ArtifactKind = "artifact";
    public const string FindKind = "find";
    public const string ContextKind = "context";

    /// <summary>A vocabulary term: every record that shows its labels.</summary>
    public const string TermKind = "term";

    /// <summary>A site: its contexts, finds and the artifacts accessioned from them.</summary>
    public const string SiteKind = "site";

    private SearchOutboxEntry()
    {
        Kind = string.Empty;
    }

    public SearchOutboxEntry(string kind, int entityId, DateTime enqueuedAt)
    {
        Kind = kind;
        EntityId = entityId;
        EnqueuedAt = enqueuedAt;
    }

    public long Id { get; private set; }
    public string Kind { get; private set; }
    public int EntityId { get; private set; }
    public DateTime EnqueuedAt { get; private set; }
}
