using Catalogue.Core.Common;
using Catalogue.Core.Vocabularies;

namespace Catalogue.Core.Artifacts;

/// <summary>Everything a cataloguer edits on an artifact, checked as one whole by <see cref="Artifact"/>.</summary>
public sealed record ArtifactDetails
{
    public required int ObjectTypeId { get; init; }
    public IReadOnlyCollection<int> MaterialIds { get; init; } = [];
    public IReadOnlyCollection<int> TechniqueIds { get; init; } = [];
    public int? PeriodId { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText Description { get; init; } = LocalizedText.Empty;
    public string? InscriptionText { get; init; }
    public LocalizedText InscriptionTranslation { get; init; } = LocalizedText.Empty;
    public Dimensions Dimensions { get; init; } = Dimensions.None;
    public Weight Weight { get; init; } = Weight.None;
    public Dating Dating { get; init; } = Dating.None;
    public string? Provenance { get; init; }
    public string? CreditLine { get; init; }
    public string? Rights { get; init; }

    /// <summary>The day the object entered the collection (not the day its record was typed in).</summary>
    public DateOnly? AccessionDate { get; init; }
}

/// <summary>A catalogue object, identified by its accession number.</summary>
public sealed class Artifact : ITrackedEntity, IAudited
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int InscriptionMaxLength = 2000;
    public const int ProvenanceMaxLength = 1000;
    public const int CreditLineMaxLength = 500;
    public const int RightsMaxLength = 500;

    private readonly List<ArtifactTerm> _terms = [];

    private Artifact()
    {
        AccessionNumber = string.Empty;
        Title = LocalizedText.Empty;
        Description = LocalizedText.Empty;
        InscriptionTranslation = LocalizedText.Empty;
        Dimensions = Dimensions.None;
        Weight = Weight.None;
        Dating = Dating.None;
    }

    public Artifact(string accessionNumber, ArtifactDetails details, PublicationStatus status = PublicationStatus.Draft) : this()
    {
        var normalized = Artifacts.AccessionNumber.Normalize(accessionNumber);
        if (!Artifacts.AccessionNumber.IsWellFormed(normalized))
            throw new DomainRuleException(nameof(AccessionNumber), $"The accession number must look like {Artifacts.AccessionNumber.FormatDescription}.");
        AccessionNumber = normalized;
        Status = status;
        Revise(details);
    }

    public int Id { get; private set; }
    public string AccessionNumber { get; private set; }
    public int ObjectTypeId { get; private set; }
    public VocabularyTerm? ObjectType { get; private set; }
    public int? PeriodId { get; private set; }
    public VocabularyTerm? Period { get; private set; }
    public LocalizedText Title { get; private set; }
    public LocalizedText Description { get; private set; }

    /// <summary>The inscription as written on the object (often Chinese characters, Hán-Nôm).</summary>
    public string? InscriptionText { get; private set; }

    /// <summary>Reading and translation of the inscription.</summary>
    public LocalizedText InscriptionTranslation { get; private set; }

    public Dimensions Dimensions { get; private set; }
    public Weight Weight { get; private set; }
    public Dating Dating { get; private set; }
    public string? Provenance { get; private set; }
    public string? CreditLine { get; private set; }
    public string? Rights { get; private set; }
    public PublicationStatus Status { get; private set; }

    /// <summary>The day the object entered the collection; null when not recorded.</summary>
    public DateOnly? AccessionDate { get; private set; }

    /// <summary>No accession date before this day is plausible (a mistyped year, usually).</summary>
    public static readonly DateOnly EarliestAccessionDate = new(1800, 1, 1);

    public IReadOnlyCollection<ArtifactTerm> Terms => _terms;

    /// <summary>The field find this artifact was accessioned from, if any.</summary>
    public Excavation.Find? Find { get; private set; }
    public IEnumerable<int> MaterialIds => _terms.Where(t => t.Role == ArtifactTermRole.Material).Select(t => t.TermId);
    public IEnumerable<int> TechniqueIds => _terms.Where(t => t.Role == ArtifactTermRole.Technique).Select(t => t.TermId);

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => AccessionNumber;

    public const string AuditType = "Artifact";

    public bool IsPublished => Status == PublicationStatus.Published;

    /// <summary>Replaces the descriptive record after checking every rule; nothing changes if one fails.</summary>
    public void Revise(ArtifactDetails details)
    {
        if (details.Title.IsEmpty)
            throw new DomainRuleException("Title", "An artifact needs a title in at least one language.");
        CheckLength("Title", details.Title, TitleMaxLength);
        CheckLength("Description", details.Description, DescriptionMaxLength);
        CheckLength("InscriptionTranslation", details.InscriptionTranslation, InscriptionMaxLength);
        CheckLength(nameof(InscriptionText), details.InscriptionText, InscriptionMaxLength);
        CheckLength(nameof(Provenance), details.Provenance, ProvenanceMaxLength);
        CheckLength(nameof(CreditLine), details.CreditLine, CreditLineMaxLength);
        CheckLength(nameof(Rights), details.Rights, RightsMaxLength);
        CheckLength("Dating.Text", details.Dating.Text, Dating.TextMaxLength);
        if (details.AccessionDate is { } accessioned && accessioned < EarliestAccessionDate)
            throw new DomainRuleException(nameof(AccessionDate), $"Accession date must be in {EarliestAccessionDate.Year} or later.");
        var dimensions = details.Dimensions.Validated();
        var weight = details.Weight.Validated();
        var dating = details.Dating.Validated();

        ObjectTypeId = details.ObjectTypeId;
        PeriodId = details.PeriodId;
        Title = details.Title;
        Description = details.Description;
        InscriptionText = Clean(details.InscriptionText);
        InscriptionTranslation = details.InscriptionTranslation;
        Dimensions = dimensions;
        Weight = weight;
        Dating = dating with { Text = Clean(dating.Text) };
        Provenance = Clean(details.Provenance);
        CreditLine = Clean(details.CreditLine);
        Rights = Clean(details.Rights);
        AccessionDate = details.AccessionDate;
        SetTerms(ArtifactTermRole.Material, details.MaterialIds);
        SetTerms(ArtifactTermRole.Technique, details.TechniqueIds);
    }

    public void ChangeStatus(PublicationStatus status)
    {
        if (!Enum.IsDefined(status))
            throw new DomainRuleException(nameof(Status), "Unknown publication status.");
        Status = status;
    }

    private void SetTerms(ArtifactTermRole role, IEnumerable<int> termIds)
    {
        var wanted = termIds.Distinct().ToHashSet();
        _terms.RemoveAll(t => t.Role == role && !wanted.Contains(t.TermId));
        foreach (var id in wanted.Where(id => !_terms.Any(t => t.Role == role && t.TermId == id)))
            _terms.Add(new ArtifactTerm(this, role, id));
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Normalize(System.Text.NormalizationForm.FormC);
    }

    private static void CheckLength(string field, LocalizedText text, int max)
    {
        foreach (var language in LocalizedText.Languages)
            CheckLength($"{field}.{char.ToUpperInvariant(language[0])}{language[1..]}", text[language], max);
    }

    private static void CheckLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
            throw new DomainRuleException(field, $"{field} must be at most {max} characters (it has {value.Length}).");
    }
}

public enum ArtifactTermRole
{
    Material,
    Technique,
}

/// <summary>A material or technique term attached to an artifact.</summary>
public sealed class ArtifactTerm : IAuditedCollectionItem
{
    private ArtifactTerm()
    {
    }

    internal ArtifactTerm(Artifact artifact, ArtifactTermRole role, int termId)
    {
        Artifact = artifact;
        Role = role;
        TermId = termId;
    }

    public int ArtifactId { get; private set; }
    public Artifact? Artifact { get; private set; }
    public ArtifactTermRole Role { get; private set; }
    public int TermId { get; private set; }
    public VocabularyTerm? Term { get; private set; }

    IAudited? IAuditedCollectionItem.OwnerIn(Microsoft.EntityFrameworkCore.DbContext context) =>
        Artifact ?? context.Set<Artifact>().Find(ArtifactId);

    string IAuditedCollectionItem.CollectionName => Role == ArtifactTermRole.Material ? "Materials" : "Techniques";

    string IAuditedCollectionItem.DescribeFor(Microsoft.EntityFrameworkCore.DbContext context) =>
        (Term ?? context.Set<VocabularyTerm>().Find(TermId))?.Code ?? TermId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
