using System.Text.RegularExpressions;
using Catalogue.Core.Common;
using Catalogue.Core.Vocabularies;

namespace Catalogue.Core.Excavation;

public enum FindStatus
{
    Registered,
    Accessioned,
    Discarded,
}

/// <summary>What is recorded about a find in the field.</summary>
public sealed record FindDetails
{
    public int? MaterialId { get; init; }
    public int? ObjectTypeId { get; init; }
    public int Count { get; init; } = 1;
    public decimal? WeightGrams { get; init; }
    public decimal? X { get; init; }
    public decimal? Y { get; init; }
    public decimal? Z { get; init; }
    public DateOnly? FoundOn { get; init; }
    public string? RecordedBy { get; init; }
    public string? Notes { get; init; }
}

/// <summary>An object or lot registered in the field, from one context; it may later be accessioned as an artifact.</summary>
public sealed partial class Find : ITrackedEntity, IAudited
{
    public const int NumberMaxLength = 32;
    public const int NotesMaxLength = 2000;
    public const int RecordedByMaxLength = 200;
    public const string AuditType = "Find";

    private Find()
    {
        FindNumber = string.Empty;
    }

    public Find(string findNumber, Context context, FindDetails details) : this()
    {
        var normalized = NormalizeNumber(findNumber);
        if (!IsWellFormedNumber(normalized))
            throw new DomainRuleException(nameof(FindNumber), "A find number is 1 to 32 capital letters, digits, dots, hyphens and slashes, e.g. HD18-0042.");
        FindNumber = normalized;
        Context = context;
        SiteId = context.SiteId;
        Status = FindStatus.Registered;
        Revise(details);
    }

    public int Id { get; private set; }
    public string FindNumber { get; private set; }
    public int SiteId { get; private set; }
    public int ContextId { get; private set; }
    public Context? Context { get; private set; }
    public int? MaterialId { get; private set; }
    public VocabularyTerm? Material { get; private set; }
    public int? ObjectTypeId { get; private set; }
    public VocabularyTerm? ObjectType { get; private set; }
    public int Count { get; private set; }
    public decimal? WeightGrams { get; private set; }

    /// <summary>Position in the site grid (metres); never shown to the public.</summary>
    public decimal? X { get; private set; }
    public decimal? Y { get; private set; }
    public decimal? Z { get; private set; }

    public DateOnly? FoundOn { get; private set; }
    public string? RecordedBy { get; private set; }
    public string? Notes { get; private set; }
    public FindStatus Status { get; private set; }

    /// <summary>The catalogue artifact this find became, once accessioned.</summary>
    public int? ArtifactId { get; private set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => FindNumber;

    public static string NormalizeNumber(string? value) => value?.Trim().ToUpperInvariant() ?? string.Empty;

    public static bool IsWellFormedNumber(string? value) => value is not null && NumberPattern().IsMatch(value);

    public void Revise(FindDetails details)
    {
        if (details.Count < 1)
            throw new DomainRuleException(nameof(Count), "Count must be at least 1.");
        if (details.WeightGrams is <= 0)
            throw new DomainRuleException(nameof(WeightGrams), "Weight must be greater than zero.");
        if (details.Notes?.Trim().Length > NotesMaxLength)
            throw new DomainRuleException(nameof(Notes), $"Notes must be at most {NotesMaxLength} characters.");
        if (details.RecordedBy?.Trim().Length > RecordedByMaxLength)
            throw new DomainRuleException(nameof(RecordedBy), $"Recorded by must be at most {RecordedByMaxLength} characters.");
        MaterialId = details.MaterialId;
        ObjectTypeId = details.ObjectTypeId;
        Count = details.Count;
        WeightGrams = details.WeightGrams;
        (X, Y, Z) = (details.X, details.Y, details.Z);
        FoundOn = details.FoundOn;
        RecordedBy = string.IsNullOrWhiteSpace(details.RecordedBy) ? null : details.RecordedBy.Trim();
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
    }

    /// <summary>Links the find to the artifact it became; a find is accessioned once.</summary>
    public void MarkAccessioned(Artifacts.Artifact artifact)
    {
        if (Status == FindStatus.Accessioned)
            throw new DomainRuleException(nameof(Status), $"Find {FindNumber} is already accessioned.");
        if (Status == FindStatus.Discarded)
            throw new DomainRuleException(nameof(Status), $"Find {FindNumber} was discarded and cannot be accessioned.");
        Status = FindStatus.Accessioned;
        Artifact = artifact;
    }

    public Artifacts.Artifact? Artifact { get; private set; }

    public void Discard()
    {
        if (Status == FindStatus.Accessioned)
            throw new DomainRuleException(nameof(Status), $"Find {FindNumber} is accessioned; deaccession the artifact instead.");
        Status = FindStatus.Discarded;
    }

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9./-]{0,31}$")]
    private static partial Regex NumberPattern();
}
