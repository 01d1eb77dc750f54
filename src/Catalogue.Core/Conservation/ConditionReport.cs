using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Vocabularies;

namespace Catalogue.Core.Conservation;

public enum OverallCondition
{
    Good,
    Fair,
    Poor,
    Unacceptable,
}

public enum ConservationPriority
{
    Low,
    Medium,
    High,
    Urgent,
}

/// <summary>Why the object was examined.</summary>
public enum ConditionCheckPurpose
{
    Routine,
    Acquisition,
    LoanDeparture,
    LoanArrival,
    LoanReturn,
    LoanBeforeReturn,
    BeforeTreatment,
    AfterTreatment,
    Incident,
    Exhibition,
}

public enum DamageSeverity
{
    Minor,
    Moderate,
    Severe,
}

/// <summary>One kind of damage seen on the object, and where.</summary>
public sealed record ObservationDetails(int DamageTypeId, string? Location, DamageSeverity Severity, string? Notes);

/// <summary>What the examiner records in a condition report.</summary>
public sealed record ConditionReportDetails
{
    public required DateOnly ExaminedOn { get; init; }
    public required string Examiner { get; init; }
    public ConditionCheckPurpose Purpose { get; init; }
    public OverallCondition Overall { get; init; }
    public IReadOnlyList<ObservationDetails> Observations { get; init; } = [];
    public string? Hazards { get; init; }
    public ConservationPriority Priority { get; init; }
    public string? Recommendation { get; init; }
    public DateOnly? NextCheckDue { get; init; }
    public string? Notes { get; init; }

    /// <summary>The loan this check belongs to (departure, arrival, before return, return).</summary>
    public int? LoanId { get; init; }
}

/// <summary>A dated assessment of an object's condition by a named examiner.</summary>
public sealed class ConditionReport : ITrackedEntity, IAudited
{
    public const int ExaminerMaxLength = 200;
    public const int HazardsMaxLength = 1000;
    public const int TextMaxLength = 2000;
    public const int LocationMaxLength = 200;
    public const int ObservationNotesMaxLength = 1000;
    public const string AuditType = "ConditionReport";

    private readonly List<ConditionObservation> _observations = [];
    private readonly List<ConditionReportAmendment> _amendments = [];

    private ConditionReport()
    {
        Reference = string.Empty;
        Examiner = string.Empty;
    }

    public ConditionReport(string reference, Artifact artifact, ConditionReportDetails details) : this()
    {
        Reference = reference;
        Artifact = artifact;
        Revise(details);
    }

    public int Id { get; private set; }

    /// <summary>A readable, unique reference, e.g. CR-2026-0042.</summary>
    public string Reference { get; private set; }

    public int ArtifactId { get; private set; }
    public Artifact? Artifact { get; private set; }
    public DateOnly ExaminedOn { get; private set; }
    public string Examiner { get; private set; }
    public ConditionCheckPurpose Purpose { get; private set; }
    public OverallCondition Overall { get; private set; }
    public IReadOnlyCollection<ConditionObservation> Observations => _observations;
    public string? Hazards { get; private set; }
    public ConservationPriority Priority { get; private set; }
    public string? Recommendation { get; private set; }
    public DateOnly? NextCheckDue { get; private set; }
    public string? Notes { get; private set; }
    public int? LoanId { get; private set; }
    public Exhibitions.Loan? Loan { get; private set; }

    /// <summary>Corrections made after the day of correction, beside the text as it was recorded.</summary>
    public IReadOnlyList<ConditionReportAmendment> Amendments => _amendments.OrderBy(a => a.At).ToList();

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => Reference;

    /// <summary>How long after it is recorded a report may still be corrected; then it is a permanent record.</summary>
    public static readonly TimeSpan CorrectionWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// A report is corrected while its writing-up goes on (a typo, a damage forgotten, a photograph on the wrong report);
    /// a day after it was recorded it stands as written, and a later assessment is a new report.
    /// </summary>
    public bool IsOpenForCorrection(DateTime nowUtc) => nowUtc < CreatedAt + CorrectionWindow;

    /// <summary>
    /// A dated, attributed, reasoned correction to a report that stands as written (a wrong measurement, a damage
    /// misnamed): the report keeps what was recorded, and the correction is shown beside it.
    /// </summary>
    public ConditionReportAmendment Amend(string author, DateTime at, string? reason, string? section, string? text)
    {
        if (IsOpenForCorrection(at))
            throw new DomainRuleException(nameof(Amendments), $"{Reference} may still be corrected on the day it is recorded: edit it. Amendments are for a report that stands as written.");
        var amendment = new ConditionReportAmendment(this, at, author, reason, section, text);
        _amendments.Add(amendment);
        return amendment;
    }

    /// <summary>Records that this check was made for a loan (the sample loader links existing loan reports this way).</summary>
    internal void BelongTo(int loanId) => LoanId = loanId;

    public void Revise(ConditionReportDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Examiner))
            throw new DomainRuleException(nameof(Examiner), "A condition report names its examiner.");
        Text.Check(nameof(Examiner), details.Examiner, ExaminerMaxLength);
        Text.Check(nameof(Hazards), details.Hazards, HazardsMaxLength);
        Text.Check(nameof(Recommendation), details.Recommendation, TextMaxLength);
        Text.Check(nameof(Notes), details.Notes, TextMaxLength);
        if (!Enum.IsDefined(details.Purpose) || !Enum.IsDefined(details.Overall) || !Enum.IsDefined(details.Priority))
            throw new DomainRuleException(nameof(Overall), "Purpose, overall condition and priority must be values from their lists.");
        if (details.NextCheckDue is { } due && due <= details.ExaminedOn)
            throw new DomainRuleException(nameof(NextCheckDue), "The next check must be due after the examination date.");
        if (details.Overall != OverallCondition.Good && details.Observations.Count == 0)
            throw new DomainRuleException(nameof(Observations), "Record at least one observed damage when the condition is not good.");
        foreach (var o in details.Observations)
        {
            Text.Check("Location", o.Location, LocationMaxLength);
            Text.Check("Observation notes", o.Notes, ObservationNotesMaxLength);
            if (!Enum.IsDefined(o.Severity))
                throw new DomainRuleException("Severity", "Severity must be minor, moderate or severe.");
        }

        ExaminedOn = details.ExaminedOn;
        Examiner = details.Examiner.Trim();
        Purpose = details.Purpose;
        Overall = details.Overall;
        Hazards = Text.Clean(details.Hazards);
        Priority = details.Priority;
        Recommendation = Text.Clean(details.Recommendation);
        NextCheckDue = details.NextCheckDue;
        Notes = Text.Clean(details.Notes);
        LoanId = details.LoanId;
        _observations.Clear();
        var order = 0;
        foreach (var o in details.Observations)
            _observations.Add(new ConditionObservation(this, ++order, o.DamageTypeId, Text.Clean(o.Location), o.Severity, Text.Clean(o.Notes)));
    }
}

/// <summary>One observed damage of a condition report.</summary>
public sealed class ConditionObservation : IAuditedCollectionItem
{
    private ConditionObservation()
    {
    }

    internal ConditionObservation(ConditionReport report, int order, int damageTypeId, string? location, DamageSeverity severity, string? notes)
    {
        Report = report;
        Order = order;
        DamageTypeId = damageTypeId;
        Location = location;
        Severity = severity;
        Notes = notes;
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public ConditionReport? Report { get; private set; }
    public int Order { get; private set; }
    public int DamageTypeId { get; private set; }
    public VocabularyTerm? DamageType { get; private set; }
    public string? Location { get; private set; }
    public DamageSeverity Severity { get; private set; }
    public string? Notes { get; private set; }

    IAudited? IAuditedCollectionItem.OwnerIn(Microsoft.EntityFrameworkCore.DbContext context) =>
        Report ?? context.Set<ConditionReport>().Find(ReportId);

    string IAuditedCollectionItem.CollectionName => "Observations";

    string IAuditedCollectionItem.DescribeFor(Microsoft.EntityFrameworkCore.DbContext context) =>
        $"{(DamageType ?? context.Set<VocabularyTerm>().Find(DamageTypeId))?.Code ?? DamageTypeId.ToString(System.Globalization.CultureInfo.InvariantCulture)}" +
        $"{(Location is null ? string.Empty : $" at {Location}")} ({Severity.ToString().ToLowerInvariant()}){(Notes is null ? string.Empty : $": {Notes}")}";
}

/// <summary>A correction to a condition report that stands as written.</summary>
public sealed class ConditionReportAmendment : Amendment
{
    private ConditionReportAmendment()
    {
    }

    internal ConditionReportAmendment(ConditionReport report, DateTime at, string author, string? reason, string? section, string? text)
        : base(at, author, reason, section, text, ConditionReport.TextMaxLength)
    {
        Report = report;
    }

    public int ReportId { get; private set; }
    public ConditionReport? Report { get; private set; }

    protected override IAudited? Owner(Microsoft.EntityFrameworkCore.DbContext context) => Report ?? context.Set<ConditionReport>().Find(ReportId);
}
