using System.Text.RegularExpressions;
using Catalogue.Core.Common;

namespace Catalogue.Core.Excavation;

/// <summary>An excavation site, e.g. Hoàng Diệu 18 in the Thăng Long citadel.</summary>
public sealed partial class Site : ITrackedEntity, IAudited
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 200;
    public const int LocationMaxLength = 500;
    public const int DescriptionMaxLength = 4000;
    public const string AuditType = "Site";

    private readonly List<Area> _areas = [];

    private Site()
    {
        Code = string.Empty;
        Name = LocalizedText.Empty;
        Description = LocalizedText.Empty;
    }

    public Site(string code, LocalizedText name) : this()
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (!IsWellFormedCode(normalized))
            throw new DomainRuleException(nameof(Code), "A site code is 1 to 20 capital letters, digits and hyphens, e.g. HD18.");
        Code = normalized;
        Describe(name, null, null, null, LocalizedText.Empty);
    }

    public int Id { get; private set; }

    /// <summary>The short code used in context and find references, e.g. <c>HD18</c>.</summary>
    public string Code { get; private set; }

    public LocalizedText Name { get; private set; }

    /// <summary>Where the site is (address, district); shown to staff only.</summary>
    public string? Location { get; private set; }

    /// <summary>WGS84 coordinates; never shown to the public.</summary>
    public decimal? Latitude { get; private set; }
    public decimal? Longitude { get; private set; }

    public LocalizedText Description { get; private set; }
    public IReadOnlyCollection<Area> Areas => _areas;

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => Code;

    public static bool IsWellFormedCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public void Describe(LocalizedText name, string? location, decimal? latitude, decimal? longitude, LocalizedText description)
    {
        if (name.IsEmpty)
            throw new DomainRuleException(nameof(Name), "A site needs a name in at least one language.");
        if (latitude is < -90 or > 90)
            throw new DomainRuleException(nameof(Latitude), "Latitude must be between -90 and 90.");
        if (longitude is < -180 or > 180)
            throw new DomainRuleException(nameof(Longitude), "Longitude must be between -180 and 180.");
        Name = name;
        Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
        Latitude = latitude;
        Longitude = longitude;
        Description = description;
    }

    /// <summary>Adds an area or trench; its code must be new within the site (the areas must be loaded).</summary>
    public Area AddArea(string code, AreaKind kind, string? description)
    {
        var area = new Area(this, code, kind, description);
        if (_areas.Any(a => a.Code == area.Code))
            throw new DomainRuleException(nameof(Area.Code), $"The site {Code} already has an area or trench {area.Code}.");
        _areas.Add(area);
        return area;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,19}$")]
    private static partial Regex CodePattern();
}

public enum AreaKind
{
    Area,
    Trench,
}

/// <summary>An area or trench of a site, e.g. area A, trench A20.</summary>
public sealed partial class Area : ITrackedEntity, IAudited
{
    public const int CodeMaxLength = 20;
    public const int DescriptionMaxLength = 2000;

    private Area()
    {
        Code = string.Empty;
        SiteCode = string.Empty;
    }

    internal Area(Site site, string code, AreaKind kind, string? description)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(normalized))
            throw new DomainRuleException(nameof(Code), "An area or trench code is 1 to 20 letters, digits, dots and hyphens, e.g. A20.");
        Site = site;
        SiteCode = site.Code;
        Code = normalized;
        Kind = kind;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public Site? Site { get; private set; }
    public string Code { get; private set; }
    public AreaKind Kind { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Copied from the site for the audit key (the site is not always loaded).</summary>
    public string SiteCode { get; private set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => "Area";
    string IAudited.AuditKey => $"{SiteCode}/{Code}";

    [GeneratedRegex("^[A-Z0-9][A-Z0-9.-]{0,19}$")]
    private static partial Regex CodePattern();
}
