using System.Text.RegularExpressions;
using Catalogue.Core.Common;

namespace Catalogue.Core.Locations;

public enum LocationKind
{
    Building,
    Room,
    Unit,
    Shelf,
    Box,
    Other,
}

/// <summary>A place in the storage hierarchy (building / room / unit / shelf / box, any depth).</summary>
public sealed partial class StorageLocation : ITrackedEntity, IAudited
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const string AuditType = "Location";

    private StorageLocation()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public StorageLocation(string code, string name, LocationKind kind, StorageLocation? parent) : this()
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(normalized))
            throw new DomainRuleException(nameof(Code), "A location code is 1 to 40 capital letters, digits, dots, hyphens and slashes, e.g. K1-R2-U3.");
        Code = normalized;
        Rename(name, kind);
        Parent = parent;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public LocationKind Kind { get; private set; }
    public int? ParentId { get; private set; }
    public StorageLocation? Parent { get; private set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => Code;

    public void Rename(string name, LocationKind kind)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainRuleException(nameof(Name), "A location needs a name.");
        Text.Check(nameof(Name), name, NameMaxLength);
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException(nameof(Kind), "Kind must be building, room, unit, shelf, box or other.");
        Name = Text.Clean(name)!;
        Kind = kind;
    }

    /// <summary>Moves this location under another; refused if that would put it inside itself.</summary>
    public void PlaceUnder(StorageLocation? parent, IReadOnlyDictionary<int, int?> parentOf)
    {
        for (var id = parent?.Id; id is not null; id = parentOf.GetValueOrDefault(id.Value))
        {
            if (id == Id)
                throw new DomainRuleException("ParentCode", $"{Code} cannot be placed inside itself or one of its own sub-locations.");
        }

        Parent = parent;
        ParentId = parent?.Id;
    }

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9./-]{0,39}\z")]
    private static partial Regex CodePattern();
}
