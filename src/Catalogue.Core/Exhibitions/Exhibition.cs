using System.Text.RegularExpressions;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;

namespace Catalogue.Core.Exhibitions;

/// <summary>An exhibition, possibly travelling to several venues, with the objects shown and their label texts.</summary>
public sealed partial class Exhibition : ITrackedEntity, IAudited
{
    public const int CodeMaxLength = 20;
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int LabelMaxLength = 2000;
    public const string AuditType = "Exhibition";

    private readonly List<ExhibitionVenue> _venues = [];
    private readonly List<ExhibitionObject> _objects = [];

    private Exhibition()
    {
        Code = string.Empty;
        Title = LocalizedText.Empty;
        Description = LocalizedText.Empty;
    }

    public Exhibition(string code, LocalizedText title, LocalizedText description, bool isPublic) : this()
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(normalized))
            throw new DomainRuleException(nameof(Code), "An exhibition code is 1 to 20 capital letters, digits and hyphens, e.g. EX-2024-TLS.");
        Code = normalized;
        Describe(title, description, isPublic);
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public LocalizedText Title { get; private set; }
    public LocalizedText Description { get; private set; }

    /// <summary>Shown on the public site (with its published objects only).</summary>
    public bool IsPublic { get; private set; }

    public IReadOnlyList<ExhibitionVenue> Venues => _venues.OrderBy(v => v.OpensOn).ToList();
    public IReadOnlyList<ExhibitionObject> Objects => _objects.OrderBy(o => o.Order).ToList();

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => Code;

    public void Describe(LocalizedText title, LocalizedText description, bool isPublic)
    {
        if (title.IsEmpty)
            throw new DomainRuleException(nameof(Title), "An exhibition needs a title in at least one language.");
        foreach (var language in LocalizedText.Languages)
        {
            Text.Check("Title", title[language], TitleMaxLength);
            Text.Check("Description", description[language], DescriptionMaxLength);
        }

        Title = title;
        Description = description;
        IsPublic = isPublic;
    }

    public ExhibitionVenue AddVenue(string institution, string city, string? country, DateOnly opensOn, DateOnly closesOn)
    {
        if (string.IsNullOrWhiteSpace(institution) || string.IsNullOrWhiteSpace(city))
            throw new DomainRuleException("Institution", "A venue names its institution and city.");
        Text.Check("Institution", institution, 200);
        Text.Check("City", city, 100);
        Text.Check("Country", country, 100);
        if (closesOn < opensOn)
            throw new DomainRuleException("ClosesOn", "A venue cannot close before it opens.");
        if (_venues.FirstOrDefault(v => v.OpensOn <= closesOn && opensOn <= v.ClosesOn) is { } overlap)
            throw new DomainRuleException("OpensOn", $"The dates overlap the venue {overlap.Institution} ({overlap.OpensOn:yyyy-MM-dd} to {overlap.ClosesOn:yyyy-MM-dd}).");
        var venue = new ExhibitionVenue(this, Text.Clean(institution)!, Text.Clean(city)!, Text.Clean(country), opensOn, closesOn);
        _venues.Add(venue);
        return venue;
    }

    public void RemoveVenue(int venueId) =>
        _venues.Remove(_venues.SingleOrDefault(v => v.Id == venueId) ?? throw new DomainRuleException("Venue", "No such venue."));

    /// <summary>Adds an object with its label text, or replaces the label text of one already shown.</summary>
    public void Show(Artifact artifact, LocalizedText label)
    {
        foreach (var language in LocalizedText.Languages)
            Text.Check("Label", label[language], LabelMaxLength);
        var existing = _objects.SingleOrDefault(o => o.ArtifactId == artifact.Id && artifact.Id != 0 || ReferenceEquals(o.Artifact, artifact));
        if (existing is not null)
        {
            existing.Relabel(label);
            return;
        }

        _objects.Add(new ExhibitionObject(this, artifact, label, _objects.Count == 0 ? 1 : _objects.Max(o => o.Order) + 1));
    }

    public void Withdraw(int artifactId) =>
        _objects.Remove(_objects.SingleOrDefault(o => o.ArtifactId == artifactId) ?? throw new DomainRuleException("Artifact", "That object is not in this exhibition."));

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{0,19}\z")]
    private static partial Regex CodePattern();
}

public sealed class ExhibitionVenue : IAuditedCollectionItem
{
    private ExhibitionVenue()
    {
        Institution = string.Empty;
        City = string.Empty;
    }

    internal ExhibitionVenue(Exhibition exhibition, string institution, string city, string? country, DateOnly opensOn, DateOnly closesOn)
    {
        Exhibition = exhibition;
        Institution = institution;
        City = city;
        Country = country;
        OpensOn = opensOn;
        ClosesOn = closesOn;
    }

    public int Id { get; private set; }
    public int ExhibitionId { get; private set; }
    public Exhibition? Exhibition { get; private set; }
    public string Institution { get; private set; }
    public string City { get; private set; }
    public string? Country { get; private set; }
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }

    IAudited? IAuditedCollectionItem.OwnerIn(Microsoft.EntityFrameworkCore.DbContext context) => Exhibition ?? context.Set<Exhibition>().Find(ExhibitionId);
    string IAuditedCollectionItem.CollectionName => "Venues";
    string IAuditedCollectionItem.DescribeFor(Microsoft.EntityFrameworkCore.DbContext context) => $"{Institution}, {City} {OpensOn:yyyy-MM-dd}–{ClosesOn:yyyy-MM-dd}";
}

public sealed class ExhibitionObject : IAuditedCollectionItem
{
    private ExhibitionObject()
    {
        Label = LocalizedText.Empty;
    }

    internal ExhibitionObject(Exhibition exhibition, Artifact artifact, LocalizedText label, int order)
    {
        Exhibition = exhibition;
        Artifact = artifact;
        Label = label;
        Order = order;
    }

    public int Id { get; private set; }
    public int ExhibitionId { get; private set; }
    public Exhibition? Exhibition { get; private set; }
    public int ArtifactId { get; private set; }
    public Artifact? Artifact { get; private set; }
    public int Order { get; private set; }

    /// <summary>The interpretive text shown beside the object, in vi/fr/en.</summary>
    public LocalizedText Label { get; private set; }

    internal void Relabel(LocalizedText label) => Label = label;

    IAudited? IAuditedCollectionItem.OwnerIn(Microsoft.EntityFrameworkCore.DbContext context) => Exhibition ?? context.Set<Exhibition>().Find(ExhibitionId);
    string IAuditedCollectionItem.CollectionName => "Objects";
    string IAuditedCollectionItem.DescribeFor(Microsoft.EntityFrameworkCore.DbContext context) =>
        (Artifact ?? context.Set<Artifact>().Find(ArtifactId))?.AccessionNumber ?? ArtifactId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
