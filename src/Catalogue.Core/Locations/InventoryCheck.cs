using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;

namespace Catalogue.Core.Locations;

public enum InventoryResult
{
    Present,
    Missing,
    FoundHere,
}

/// <summary>A dated check of what is physically in a location (and its sub-locations).</summary>
public sealed class InventoryCheck : IAudited
{
    private readonly List<InventoryItem> _items = [];

    private InventoryCheck()
    {
        CheckedBy = string.Empty;
        LocationCode = string.Empty;
    }

    internal InventoryCheck(StorageLocation location, DateTime checkedAt, string checkedBy, string? notes)
    {
        Location = location;
        LocationCode = location.Code;
        CheckedAt = checkedAt;
        CheckedBy = checkedBy;
        Text.Check(nameof(Notes), notes, 2000);
        Notes = Text.Clean(notes);
    }

    public int Id { get; private set; }
    public int LocationId { get; private set; }
    public StorageLocation? Location { get; private set; }
    public string LocationCode { get; private set; }
    public DateTime CheckedAt { get; private set; }
    public string CheckedBy { get; private set; }
    public string? Notes { get; private set; }
    public IReadOnlyCollection<InventoryItem> Items => _items;

    public int Present => _items.Count(i => i.Result == InventoryResult.Present);
    public int Missing => _items.Count(i => i.Result == InventoryResult.Missing);
    public int FoundHere => _items.Count(i => i.Result == InventoryResult.FoundHere);

    string IAudited.AuditType => "InventoryCheck";
    string IAudited.AuditKey => $"{LocationCode}@{CheckedAt:yyyy-MM-ddTHH:mm:ss}";

    internal void Add(Artifact artifact, InventoryResult result) => _items.Add(new InventoryItem(this, artifact, result));
}

public sealed class InventoryItem
{
    private InventoryItem()
    {
        AccessionNumber = string.Empty;
    }

    internal InventoryItem(InventoryCheck check, Artifact artifact, InventoryResult result)
    {
        Check = check;
        Artifact = artifact;
        AccessionNumber = artifact.AccessionNumber;
        Result = result;
    }

    public int Id { get; private set; }
    public int CheckId { get; private set; }
    public InventoryCheck? Check { get; private set; }
    public int ArtifactId { get; private set; }
    public Artifact? Artifact { get; private set; }
    public string AccessionNumber { get; private set; }
    public InventoryResult Result { get; private set; }
}
