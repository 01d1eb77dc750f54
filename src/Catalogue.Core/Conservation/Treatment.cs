using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Vocabularies;

namespace Catalogue.Core.Conservation;

/// <summary>proposal → approved → in progress → completed → signed off.</summary>
public enum TreatmentStatus
{
    Proposed,
    Approved,
    InProgress,
    Completed,
    SignedOff,
}

/// <summary>What a reviewer decided about a proposed treatment.</summary>
public enum TreatmentReviewDecision
{
    Approved,
    ReturnedForRevision,
}

/// <summary>What the proposal states and the conservators later complete.</summary>
public sealed record TreatmentDetails
{
    public required string Title { get; init; }
    public string? Proposal { get; init; }
    public string? Conservators { get; init; }
    public string? ConditionBefore { get; init; }
    public string? ConditionAfter { get; init; }
    public string? Outcome { get; init; }
}

public sealed record MaterialDetails(string Product, string? Concentration, string? Solvent, string? Batch);

public sealed record StepDetails
{
    public required int StepTypeId { get; init; }
    public string? Description { get; init; }
    public string? PerformedBy { get; init; }
    public DateOnly? PerformedOn { get; init; }
    public int? MinutesSpent { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<MaterialDetails> Materials { get; init; } = [];
}

/// <summary>
/// A conservation treatment. Its record is permanent: every stage says who and when; once signed off
/// it is read-only and corrections are added as dated amendments beside the original text.
/// </summary>
public sealed class Treatment : ITrackedEntity, IAudited
{
    public const int TitleMaxLength = 200;
    public const int LongTextMaxLength = 4000;
    public const int ConservatorsMaxLength = 500;
    public const int NameMaxLength = 200;
    public const string AuditType = "Treatment";

    private readonly List<TreatmentStep> _steps = [];
    private readonly List<TreatmentAmendment> _amendments = [];
    private readonly List<TreatmentReview> _reviews = [];

    private Treatment()
    {
        Reference = string.Empty;
        Title = string.Empty;
        ProposedBy = string.Empty;
    }

    public Treatment(string reference, Artifact artifact, TreatmentDetails details, string proposedBy, DateOnly proposedOn) : this()
    {
        Reference = reference;
        Artifact = artifact;
        ProposedBy = Name(nameof(ProposedBy), proposedBy);
        ProposedOn = proposedOn;
        Status = TreatmentStatus.Proposed;
        Apply(details);
    }

    public int Id { get; private set; }

    /// <summary>A readable, unique reference, e.g. TR-2026-0007.</summary>
    public string Reference { get; private set; }

    public int ArtifactId { get; private set; }
    public Artifact? Artifact { get; private set; }
    public string Title { get; private set; }
    public string? Proposal { get; private set; }
    public string ProposedBy { get; private set; }
    public DateOnly ProposedOn { get; private set; }
    public TreatmentStatus Status { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? SignedOffBy { get; private set; }
    public DateOnly? SignedOffOn { get; private set; }
    public string? Conservators { get; private set; }
    public string? ConditionBefore { get; private set; }
    public string? ConditionAfter { get; private set; }
    public string? Outcome { get; private set; }
    public IReadOnlyList<TreatmentStep> Steps => _steps.OrderBy(s => s.Order).ToList();
    public IReadOnlyList<TreatmentAmendment> Amendments => _amendments.OrderBy(a => a.At).ToList();

    /// <summary>Every approval and every return for revision, with who decided, when and what they said.</summary>
    public IReadOnlyList<TreatmentReview> Reviews => _reviews.OrderBy(r => r.On).ThenBy(r => r.Id).ToList();

    /// <summary>Returned for revision, and its title or proposal not revised since: the proposer's turn.</summary>
    public bool AwaitingRevision { get; private set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => Reference;

    public bool IsSignedOff => Status == TreatmentStatus.SignedOff;

    /// <summary>Steps may be planned from the proposal on, and recorded as done once the work has started, until the treatment is completed.</summary>
    public bool StepsEditable => Status is TreatmentStatus.Proposed or TreatmentStatus.Approved or TreatmentStatus.InProgress;

    /// <summary>
    /// Revises the text. What was approved, the title and the proposal, is what gets done: changing either before the
    /// work starts withdraws the approval (the treatment goes back to proposed, for someone else to approve again), and
    /// once the work has started they no longer change at all.
    /// </summary>
    public void Revise(TreatmentDetails details)
    {
        EnsureNotSignedOff();
        var changesProposal = ChangesProposal(details);
        var changesApproved = Status >= TreatmentStatus.Approved && changesProposal;
        if (changesApproved && Status > TreatmentStatus.Approved)
        {
            throw new DomainRuleException(nameof(Proposal),
                $"{Reference} was approved as proposed and its work has started: its title and proposal no longer change. Record what was done differently in its steps and outcome.");
        }

        Apply(details);
        if (changesProposal)
            AwaitingRevision = false;
        if (changesApproved)
        {
            ApprovedBy = null;
            ApprovedOn = null;
            Status = TreatmentStatus.Proposed;
        }
    }

    /// <summary>Whether these details change the title or the proposal, the part an approval covers.</summary>
    public bool ChangesProposal(TreatmentDetails details) =>
        !string.Equals(Text.Clean(details.Title), Title, StringComparison.Ordinal) || !string.Equals(Text.Clean(details.Proposal), Proposal, StringComparison.Ordinal);

    /// <summary>Approves the proposal as it stands, with what the approver wants said (a condition, a caution), if anything.</summary>
    public void Approve(string approvedBy, DateOnly on, string? comment = null)
    {
        Require(TreatmentStatus.Proposed, "approved");
        var approver = Reviewer(nameof(ApprovedBy), approvedBy, on, "approved");
        Text.Check(TreatmentReview.CommentField, comment, TreatmentReview.CommentMaxLength);
        ApprovedBy = approver;
        ApprovedOn = on;
        Status = TreatmentStatus.Approved;
        AwaitingRevision = false;
        _reviews.Add(new TreatmentReview(this, TreatmentReviewDecision.Approved, approver, on, Text.Clean(comment)));
    }

    /// <summary>
    /// Sends the proposal back to its proposer with what it needs before it can be approved. It stays proposed; the
    /// comment stays on the record, and the treatment shows as awaiting revision until its title or proposal changes.
    /// </summary>
    public void ReturnForRevision(string reviewedBy, DateOnly on, string? comment)
    {
        Require(TreatmentStatus.Proposed, "returned for revision");
        var reviewer = Reviewer(TreatmentReview.ReviewerField, reviewedBy, on, "returned for revision");
        if (string.IsNullOrWhiteSpace(comment))
            throw new DomainRuleException(TreatmentReview.CommentField, "Say what the proposal needs before it can be approved.");
        Text.Check(TreatmentReview.CommentField, comment, TreatmentReview.CommentMaxLength);
        AwaitingRevision = true;
        _reviews.Add(new TreatmentReview(this, TreatmentReviewDecision.ReturnedForRevision, reviewer, on, Text.Clean(comment)));
    }

    private string Reviewer(string field, string name, DateOnly on, string decided)
    {
        var reviewer = Name(field, name);
        if (string.Equals(reviewer, ProposedBy, StringComparison.OrdinalIgnoreCase))
            throw new DomainRuleException(field, $"A treatment is {decided} by someone other than the person who proposed it.");
        if (on < ProposedOn)
            throw new DomainRuleException(nameof(ApprovedOn), "A review cannot be dated before the proposal.");
        return reviewer;
    }

    public void Start(DateOnly on)
    {
        Require(TreatmentStatus.Approved, "started");
        if (on < ApprovedOn)
            throw new DomainRuleException(nameof(StartedOn), "Work cannot start before the approval date.");
        StartedOn = on;
        Status = TreatmentStatus.InProgress;
    }

    public void Complete(DateOnly on, string? conditionAfter, string? outcome)
    {
        Require(TreatmentStatus.InProgress, "completed");
        if (_steps.Count == 0)
            throw new DomainRuleException(nameof(Steps), "Record at least one step before completing the treatment.");
        if (string.IsNullOrWhiteSpace(outcome))
            throw new DomainRuleException(nameof(Outcome), "State the outcome when completing the treatment.");
        if (on < StartedOn)
            throw new DomainRuleException(nameof(CompletedOn), "Completion cannot be dated before the start.");
        if (_steps.Any(s => s.PerformedOn > on))
            throw new DomainRuleException(nameof(CompletedOn), "Completion cannot be dated before a recorded step.");
        Text.Check(nameof(ConditionAfter), conditionAfter, LongTextMaxLength);
        Text.Check(nameof(Outcome), outcome, LongTextMaxLength);
        ConditionAfter = Text.Clean(conditionAfter);
        Outcome = Text.Clean(outcome);
        CompletedOn = on;
        Status = TreatmentStatus.Completed;
    }

    public void SignOff(string signedOffBy, DateOnly on)
    {
        EnsureNotSignedOff();
        if (Status != TreatmentStatus.Completed)
            throw new DomainRuleException(nameof(Status), $"A treatment is signed off only once completed; {Reference} is {Describe(Status)}.");
        if (on < CompletedOn)
            throw new DomainRuleException(nameof(SignedOffOn), "Sign-off cannot be dated before completion.");
        SignedOffBy = Name(nameof(SignedOffBy), signedOffBy);
        SignedOffOn = on;
        Status = TreatmentStatus.SignedOff;
    }

    public TreatmentStep AddStep(StepDetails details)
    {
        EnsureStepsEditable();
        var step = new TreatmentStep(this, _steps.Count == 0 ? 1 : _steps.Max(s => s.Order) + 1);
        step.Revise(details, StartedOn);
        _steps.Add(step);
        return step;
    }

    public void ReviseStep(int stepId, StepDetails details)
    {
        EnsureStepsEditable();
        StepById(stepId).Revise(details, StartedOn);
    }

    public void RemoveStep(int stepId)
    {
        EnsureStepsEditable();
        var step = StepById(stepId);
        step.Detach(Reference);
        _steps.Remove(step);
        var order = 0;
        foreach (var s in _steps.OrderBy(s => s.Order))
            s.Renumber(++order);
    }

    /// <summary>A dated, attributed correction to a signed-off record; the original text stays as it was.</summary>
    public TreatmentAmendment Amend(string author, DateTime at, string? reason, string? section, string? text)
    {
        if (!IsSignedOff)
            throw new DomainRuleException(nameof(Amendments), "Amendments are for signed-off treatments; until then, edit the record itself.");
        var amendment = new TreatmentAmendment(this, at, author, reason, section, text);
        _amendments.Add(amendment);
        return amendment;
    }

    /// <summary>Sample and import data arrive with their stages already dated; they pass through the same rules.</summary>
    internal void Restore(TreatmentStatus status, string? approvedBy, DateOnly? approvedOn, DateOnly? startedOn, DateOnly? completedOn,
        string? conditionAfter, string? outcome, string? signedOffBy, DateOnly? signedOffOn, IEnumerable<StepDetails> steps)
    {
        if (status >= TreatmentStatus.Approved)
            Approve(approvedBy ?? string.Empty, approvedOn ?? ProposedOn);
        if (status >= TreatmentStatus.InProgress)
            Start(startedOn ?? ApprovedOn!.Value);
        foreach (var step in steps)
            AddStep(step);
        if (status >= TreatmentStatus.Completed)
            Complete(completedOn ?? StartedOn!.Value, conditionAfter, outcome);
        if (status >= TreatmentStatus.SignedOff)
            SignOff(signedOffBy ?? string.Empty, signedOffOn ?? CompletedOn!.Value);
    }

    public static string Describe(TreatmentStatus status) => status switch
    {
        TreatmentStatus.InProgress => "in progress",
        TreatmentStatus.SignedOff => "signed off",
        _ => status.ToString().ToLowerInvariant(),
    };

    private void Apply(TreatmentDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Title))
            throw new DomainRuleException(nameof(Title), "A treatment needs a title saying what it is for.");
        Text.Check(nameof(Title), details.Title, TitleMaxLength);
        Text.Check(nameof(Proposal), details.Proposal, LongTextMaxLength);
        Text.Check(nameof(Conservators), details.Conservators, ConservatorsMaxLength);
        Text.Check(nameof(ConditionBefore), details.ConditionBefore, LongTextMaxLength);
        Text.Check(nameof(ConditionAfter), details.ConditionAfter, LongTextMaxLength);
        Text.Check(nameof(Outcome), details.Outcome, LongTextMaxLength);
        Title = Text.Clean(details.Title)!;
        Proposal = Text.Clean(details.Proposal);
        Conservators = Text.Clean(details.Conservators);
        ConditionBefore = Text.Clean(details.ConditionBefore);
        if (Status >= TreatmentStatus.Completed)
        {
            if (string.IsNullOrWhiteSpace(details.Outcome))
                throw new DomainRuleException(nameof(Outcome), "A completed treatment keeps its outcome.");
            ConditionAfter = Text.Clean(details.ConditionAfter);
            Outcome = Text.Clean(details.Outcome);
        }
    }

    private void Require(TreatmentStatus status, string action)
    {
        EnsureNotSignedOff();
        if (Status != status)
            throw new DomainRuleException(nameof(Status), $"{Reference} is {Describe(Status)}; only a treatment that is {Describe(status)} can be {action}.");
    }

    private void EnsureNotSignedOff()
    {
        if (IsSignedOff)
            throw new DomainRuleException(nameof(Status), $"{Reference} is signed off and read-only; add an amendment to correct it.");
    }

    private void EnsureStepsEditable()
    {
        EnsureNotSignedOff();
        if (!StepsEditable)
            throw new DomainRuleException(nameof(Steps), $"{Reference} is {Describe(Status)}; its steps can no longer change.");
    }

    private TreatmentStep StepById(int stepId) =>
        _steps.SingleOrDefault(s => s.Id == stepId) ?? throw new DomainRuleException(nameof(Steps), $"{Reference} has no such step.");

    private static string Name(string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainRuleException(field, $"{field} must name a person.");
        Text.Check(field, value, NameMaxLength);
        return value.Trim();
    }
}

/// <summary>One ordered step of a treatment, with the materials used.</summary>
public sealed class TreatmentStep : IAudited, IAuditedPart
{
    public const string AuditType = "TreatmentStep";

    public const int DescriptionMaxLength = 2000;

    private readonly List<TreatmentMaterial> _materials = [];

    private TreatmentStep()
    {
    }

    internal TreatmentStep(Treatment treatment, int order)
    {
        Treatment = treatment;
        Order = order;
    }

    public int Id { get; private set; }
    public int TreatmentId { get; private set; }
    public Treatment? Treatment { get; private set; }
    public int Order { get; private set; }
    public int StepTypeId { get; private set; }
    public VocabularyTerm? StepType { get; private set; }
    public string? Description { get; private set; }
    public string? PerformedBy { get; private set; }
    public DateOnly? PerformedOn { get; private set; }
    public int? MinutesSpent { get; private set; }
    public string? Notes { get; private set; }
    public IReadOnlyList<TreatmentMaterial> Materials => _materials;

    /// <summary>The materials as one line; stored so that a change of materials shows in the step's history.</summary>
    public string? MaterialsText { get; private set; }

    // EF clears the navigation of a step removed from its treatment; its removal is still recorded under the treatment.
    private string? _removedFrom;

    string IAudited.AuditType => AuditType;

    /// <summary>Keyed under its treatment, e.g. "TR-2026-0007/step 2", so the treatment's history includes it.</summary>
    string IAudited.AuditKey => $"{Treatment?.Reference ?? _removedFrom}/step {Order}";

    ITrackedEntity? IAuditedPart.WholeIn(Microsoft.EntityFrameworkCore.DbContext context) =>
        Treatment ?? context.Set<Treatment>().Find(TreatmentId);

    /// <summary>The first field that says the step was done (rather than planned), if any.</summary>
    private static string? Performed(StepDetails details) =>
        details.PerformedOn is not null ? nameof(PerformedOn)
        : !string.IsNullOrWhiteSpace(details.PerformedBy) ? nameof(PerformedBy)
        : details.MinutesSpent is not null ? nameof(MinutesSpent)
        : null;

    internal void Revise(StepDetails details, DateOnly? startedOn)
    {
        Text.Check(nameof(Description), details.Description, DescriptionMaxLength);
        Text.Check(nameof(Notes), details.Notes, DescriptionMaxLength);
        Text.Check(nameof(PerformedBy), details.PerformedBy, Treatment.NameMaxLength);
        if (details.MinutesSpent is < 0 or > 100_000)
            throw new DomainRuleException(nameof(MinutesSpent), "Time spent must be between 0 and 100000 minutes.");
        if (startedOn is null && Performed(details) is { } field)
        {
            throw new DomainRuleException(field,
                "Until the work starts, steps are planned: who performed a step, when and for how long are recorded once the treatment has started.");
        }

        if (details.PerformedOn is { } on && startedOn is { } start && on < start)
            throw new DomainRuleException(nameof(PerformedOn), "A step cannot be dated before the treatment started.");
        foreach (var m in details.Materials)
        {
            if (string.IsNullOrWhiteSpace(m.Product))
                throw new DomainRuleException("Product", "Each material names its product.");
            Text.Check("Product", m.Product, 200);
            Text.Check("Concentration", m.Concentration, 50);
            Text.Check("Solvent", m.Solvent, 100);
            Text.Check("Batch", m.Batch, 50);
        }

        StepTypeId = details.StepTypeId;
        Description = Text.Clean(details.Description);
        PerformedBy = Text.Clean(details.PerformedBy);
        PerformedOn = details.PerformedOn;
        MinutesSpent = details.MinutesSpent;
        Notes = Text.Clean(details.Notes);
        _materials.Clear();
        foreach (var m in details.Materials)
            _materials.Add(new TreatmentMaterial(Text.Clean(m.Product)!, Text.Clean(m.Concentration), Text.Clean(m.Solvent), Text.Clean(m.Batch)));
        MaterialsText = _materials.Count == 0 ? null : string.Join("; ", _materials.Select(m => m.ToString()));
    }

    internal void Renumber(int order) => Order = order;

    internal void Detach(string treatmentReference) => _removedFrom = treatmentReference;
}

/// <summary>A material used in a step: product, concentration, solvent and batch.</summary>
public sealed record TreatmentMaterial(string Product, string? Concentration, string? Solvent, string? Batch)
{
    public override string ToString() =>
        string.Join(", ", new[] { Product, Concentration, Solvent is null ? null : $"in {Solvent}", Batch is null ? null : $"batch {Batch}" }.Where(x => x is not null));
}

/// <summary>A correction added to a signed-off treatment: when, by whom, why, and the corrected text.</summary>
public sealed class TreatmentAmendment : Amendment
{
    private TreatmentAmendment()
    {
    }

    internal TreatmentAmendment(Treatment treatment, DateTime at, string author, string? reason, string? section, string? text)
        : base(at, author, reason, section, text, Treatment.LongTextMaxLength)
    {
        Treatment = treatment;
    }

    public int TreatmentId { get; private set; }
    public Treatment? Treatment { get; private set; }

    protected override IAudited? Owner(Microsoft.EntityFrameworkCore.DbContext context) => Treatment ?? context.Set<Treatment>().Find(TreatmentId);
}

/// <summary>A reviewer's decision on a proposed treatment: approved, or returned for revision with what it needs.</summary>
public sealed class TreatmentReview : IAuditedCollectionItem
{
    public const int CommentMaxLength = 1000;
    public const string CommentField = "Comment";
    public const string ReviewerField = "ReviewedBy";

    private TreatmentReview()
    {
        ReviewedBy = string.Empty;
    }

    internal TreatmentReview(Treatment treatment, TreatmentReviewDecision decision, string reviewedBy, DateOnly on, string? comment)
    {
        Treatment = treatment;
        Decision = decision;
        ReviewedBy = reviewedBy;
        On = on;
        Comment = comment;
    }

    public int Id { get; private set; }
    public int TreatmentId { get; private set; }
    public Treatment? Treatment { get; private set; }
    public TreatmentReviewDecision Decision { get; private set; }
    public string ReviewedBy { get; private set; }
    public DateOnly On { get; private set; }
    public string? Comment { get; private set; }

    IAudited? IAuditedCollectionItem.OwnerIn(Microsoft.EntityFrameworkCore.DbContext context) =>
        Treatment ?? context.Set<Treatment>().Find(TreatmentId);

    string IAuditedCollectionItem.CollectionName => "Reviews";

    string IAuditedCollectionItem.DescribeFor(Microsoft.EntityFrameworkCore.DbContext context) =>
        Decision == TreatmentReviewDecision.Approved
            ? $"approved by {ReviewedBy} on {On:yyyy-MM-dd}{(Comment is null ? "" : $": {Comment}")}"
            : $"returned for revision by {ReviewedBy} on {On:yyyy-MM-dd}: {Comment}";
}
