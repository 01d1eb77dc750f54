using System.Text.RegularExpressions;
using Catalogue.Core.Common;

namespace Catalogue.Core.Vocabularies;

/// <summary>The controlled lists an artifact draws its terms from.</summary>
public enum Vocabulary
{
    ObjectType,
    Material,
    Technique,
    Period,
    Damage,
    TreatmentStep,
}

/// <summary>A controlled term with labels in vi/fr/en and an optional Getty AAT identifier.</summary>
public sealed partial class VocabularyTerm : ITrackedEntity, IAudited
{
    public const int CodeMaxLength = 40;
    public const int LabelMaxLength = 200;

    private VocabularyTerm()
    {
        Code = string.Empty;
        Label = LocalizedText.Empty;
    }

    public VocabularyTerm(Vocabulary vocabulary, string code, LocalizedText label, string? aatId = null, int? startYear = null, int? endYear = null)
    {
        Vocabulary = vocabulary;
        Code = NormalizeCode(code);
        Label = label;
        Relabel(label, aatId, startYear, endYear, sortOrder: 0);
    }

    public int Id { get; private set; }
    public Vocabulary Vocabulary { get; private set; }

    /// <summary>A stable lowercase slug, unique within its vocabulary (e.g. <c>celadon-glaze</c>).</summary>
    public string Code { get; private set; }

    public LocalizedText Label { get; private set; }

    /// <summary>Getty Art &amp; Architecture Thesaurus subject id, digits only (e.g. 300152200).</summary>
    public string? AatId { get; private set; }

    /// <summary>For periods: the first and last year the period covers (negative years are BCE).</summary>
    public int? StartYear { get; private set; }
    public int? EndYear { get; private set; }

    public int SortOrder { get; private set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => "Term";
    string IAudited.AuditKey => $"{Vocabulary}/{Code}";

    public string AatUri => AatId is null ? string.Empty : $"http://vocab.getty.edu/page/aat/{AatId}";

    public static bool IsWellFormedCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static bool IsWellFormedAatId(string? aat) => aat is null || AatPattern().IsMatch(aat);

    public void Relabel(LocalizedText label, string? aatId, int? startYear, int? endYear, int sortOrder)
    {
        if (label.IsEmpty)
            throw new DomainRuleException(nameof(Label), "A term needs a label in at least one language.");
        aatId = string.IsNullOrWhiteSpace(aatId) ? null : aatId.Trim();
        if (!IsWellFormedAatId(aatId))
            throw new DomainRuleException(nameof(AatId), "A Getty AAT id is 6 to 9 digits.");
        if (Vocabulary == Vocabulary.Period)
        {
            if (startYear is null || endYear is null)
                throw new DomainRuleException(nameof(StartYear), "A period needs its first and last year.");
            if (startYear > endYear)
                throw new DomainRuleException(nameof(EndYear), "A period's last year cannot be before its first year.");
        }
        else
        {
            startYear = null;
            endYear = null;
        }

        Label = label;
        AatId = aatId;
        StartYear = startYear;
        EndYear = endYear;
        SortOrder = sortOrder;
    }

    private static string NormalizeCode(string code)
    {
        var normalized = code.Trim().ToLowerInvariant();
        if (!IsWellFormedCode(normalized))
            throw new DomainRuleException(nameof(Code), "A code is 1 to 40 lowercase letters, digits and hyphens.");
        return normalized;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,39}\z")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[0-9]{6,9}\z")]
    private static partial Regex AatPattern();
}
