using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Vocabularies;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Conservation;

public sealed class ObservationInput
{
    public int? DamageTypeId { get; set; }
    public string? Location { get; set; }
    public DamageSeverity Severity { get; set; } = DamageSeverity.Minor;
    public string? Notes { get; set; }

    public bool IsBlank => DamageTypeId is null && string.IsNullOrWhiteSpace(Location) && string.IsNullOrWhiteSpace(Notes);
}

/// <summary>A condition report as the form sends it; blank observation rows are ignored.</summary>
public sealed class ConditionReportInput
{
    public string? AccessionNumber { get; set; }
    public DateOnly? ExaminedOn { get; set; }
    public string? Examiner { get; set; }
    public ConditionCheckPurpose Purpose { get; set; } = ConditionCheckPurpose.Routine;
    /// <summary>No default: a report records the condition the examiner chose, never one a skipped field left.</summary>
    public OverallCondition? Overall { get; set; }
    public List<ObservationInput> Observations { get; set; } = [];
    public string? Hazards { get; set; }
    public ConservationPriority Priority { get; set; } = ConservationPriority.Low;
    public string? Recommendation { get; set; }
    public DateOnly? NextCheckDue { get; set; }
    public string? Notes { get; set; }

    /// <summary>The loan this check belongs to (e.g. LN-2019-0001); on an edit, left empty keeps the report's loan.</summary>
    public string? LoanReference { get; set; }

    public int Version { get; set; }

    public IEnumerable<ObservationInput> Filled => Observations.Where(o => !o.IsBlank);

    public ConditionReportDetails ToDetails() => new()
    {
        ExaminedOn = ExaminedOn ?? default,
        Examiner = Examiner ?? string.Empty,
        Purpose = Purpose,
        Overall = Overall.GetValueOrDefault(),
        Observations = Filled.Select(o => new ObservationDetails(o.DamageTypeId ?? 0, o.Location, o.Severity, o.Notes)).ToList(),
        Hazards = Hazards,
        Priority = Priority,
        Recommendation = Recommendation,
        NextCheckDue = NextCheckDue,
        Notes = Notes,
    };

    public static ConditionReportInput From(ConditionReport r) => new()
    {
        AccessionNumber = r.Artifact?.AccessionNumber,
        ExaminedOn = r.ExaminedOn,
        Examiner = r.Examiner,
        Purpose = r.Purpose,
        Overall = r.Overall,
        Observations = r.Observations.OrderBy(o => o.Order)
            .Select(o => new ObservationInput { DamageTypeId = o.DamageTypeId, Location = o.Location, Severity = o.Severity, Notes = o.Notes }).ToList(),
        Hazards = r.Hazards,
        Priority = r.Priority,
        Recommendation = r.Recommendation,
        NextCheckDue = r.NextCheckDue,
        Notes = r.Notes,
        LoanReference = r.Loan?.Reference,
        Version = r.Version,
    };
}

public sealed class ConditionReportInputValidator : AbstractValidator<ConditionReportInput>
{
    public ConditionReportInputValidator(CatalogueDbContext db, InstitutionCalendar calendar)
    {
        RuleFor(x => x.ExaminedOn).NotNull().WithMessage("Examined on is required.");
        RuleFor(x => x.ExaminedOn).Must(on => on <= calendar.Today)
            .When(x => x.ExaminedOn is not null).WithMessage("Examined on cannot be in the future.");
        RuleFor(x => x.ExaminedOn).Must(on => on >= InstitutionCalendar.EarliestRecord)
            .When(x => x.ExaminedOn is not null).WithMessage($"Examined on must be in {InstitutionCalendar.EarliestRecord.Year} or later.");
        RuleFor(x => x.Examiner).NotEmpty().WithMessage("Examiner is required: a condition report names who examined the object.")
            .MaximumLength(ConditionReport.ExaminerMaxLength).WithMessage($"Examiner must be at most {ConditionReport.ExaminerMaxLength} characters.");
        RuleFor(x => x.Purpose).IsInEnum().WithMessage("Purpose must be a value from the list.");
        RuleFor(x => x.Overall).NotNull().WithMessage("Overall condition is required: choose good, fair, poor or unacceptable.")
            .IsInEnum().WithMessage("Overall condition must be good, fair, poor or unacceptable.");
        RuleFor(x => x.Priority).IsInEnum().WithMessage("Priority must be low, medium, high or urgent.");
        RuleFor(x => x.NextCheckDue).GreaterThan(x => x.ExaminedOn).When(x => x.NextCheckDue is not null && x.ExaminedOn is not null)
            .WithMessage("Next check due must be after the examination date.");
        RuleFor(x => x).Must(x => x.Overall == OverallCondition.Good || x.Filled.Any()).When(x => x.Overall is not null)
            .OverridePropertyName("Observations").WithMessage("Record at least one observed damage when the condition is not good.");
        RuleFor(x => x.Hazards).MaximumLength(ConditionReport.HazardsMaxLength).WithMessage($"Hazards must be at most {ConditionReport.HazardsMaxLength} characters.");
        RuleFor(x => x.Recommendation).MaximumLength(ConditionReport.TextMaxLength).WithMessage($"Recommendation must be at most {ConditionReport.TextMaxLength} characters.");
        RuleFor(x => x.Notes).MaximumLength(ConditionReport.TextMaxLength).WithMessage($"Notes must be at most {ConditionReport.TextMaxLength} characters.");
        RuleForEach(x => x.Observations).ChildRules(o =>
        {
            o.RuleFor(x => x.DamageTypeId).NotNull().When(x => !x.IsBlank).WithMessage("Each observation names the kind of damage.");
            o.RuleFor(x => x.Location).MaximumLength(ConditionReport.LocationMaxLength).WithMessage($"Location must be at most {ConditionReport.LocationMaxLength} characters.");
            o.RuleFor(x => x.Notes).MaximumLength(ConditionReport.ObservationNotesMaxLength).WithMessage($"Observation notes must be at most {ConditionReport.ObservationNotesMaxLength} characters.");
            o.RuleFor(x => x.Severity).IsInEnum().WithMessage("Severity must be minor, moderate or severe.");
        });
        RuleFor(x => x.Filled.Select(o => o.DamageTypeId).ToList())
            .MustAsync(async (ids, ct) =>
            {
                var distinct = ids.Where(i => i is not null).Distinct().ToList();
                return await db.Terms.CountAsync(t => distinct.Contains(t.Id) && t.Vocabulary == Vocabulary.Damage, ct) == distinct.Count;
            })
            .OverridePropertyName("Observations").WithMessage("Every damage must be a term of the damage list.");
    }
}

public sealed class MaterialInput
{
    public string? Product { get; set; }
    public string? Concentration { get; set; }
    public string? Solvent { get; set; }
    public string? Batch { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Product) && string.IsNullOrWhiteSpace(Concentration) && string.IsNullOrWhiteSpace(Solvent) && string.IsNullOrWhiteSpace(Batch);
}

/// <summary>A treatment step as the form sends it; blank material rows are ignored.</summary>
public sealed class StepInput
{
    public int? StepTypeId { get; set; }
    public string? Description { get; set; }
    public string? PerformedBy { get; set; }
    public DateOnly? PerformedOn { get; set; }
    public int? MinutesSpent { get; set; }
    public string? Notes { get; set; }
    public List<MaterialInput> Materials { get; set; } = [];

    public StepDetails ToDetails() => new()
    {
        StepTypeId = StepTypeId ?? 0,
        Description = Description,
        PerformedBy = PerformedBy,
        PerformedOn = PerformedOn,
        MinutesSpent = MinutesSpent,
        Notes = Notes,
        Materials = Materials.Where(m => !m.IsBlank).Select(m => new MaterialDetails(m.Product ?? string.Empty, m.Concentration, m.Solvent, m.Batch)).ToList(),
    };

    public static StepInput From(TreatmentStep s) => new()
    {
        StepTypeId = s.StepTypeId,
        Description = s.Description,
        PerformedBy = s.PerformedBy,
        PerformedOn = s.PerformedOn,
        MinutesSpent = s.MinutesSpent,
        Notes = s.Notes,
        Materials = s.Materials.Select(m => new MaterialInput { Product = m.Product, Concentration = m.Concentration, Solvent = m.Solvent, Batch = m.Batch }).ToList(),
    };
}

public sealed class StepInputValidator : AbstractValidator<StepInput>
{
    public StepInputValidator(CatalogueDbContext db)
    {
        RuleFor(x => x.StepTypeId).NotNull().WithMessage("Step type is required.")
            .MustAsync(async (id, ct) => await db.Terms.AnyAsync(t => t.Id == id && t.Vocabulary == Vocabulary.TreatmentStep, ct))
            .When(x => x.StepTypeId is not null, ApplyConditionTo.CurrentValidator).WithMessage("Step type must be a term of the treatment step list.");
        RuleFor(x => x.Description).MaximumLength(TreatmentStep.DescriptionMaxLength).WithMessage($"Description must be at most {TreatmentStep.DescriptionMaxLength} characters.");
        RuleFor(x => x.Notes).MaximumLength(TreatmentStep.DescriptionMaxLength).WithMessage($"Notes must be at most {TreatmentStep.DescriptionMaxLength} characters.");
        RuleFor(x => x.PerformedBy).MaximumLength(Treatment.NameMaxLength).WithMessage($"Performed by must be at most {Treatment.NameMaxLength} characters.");
        RuleFor(x => x.MinutesSpent).InclusiveBetween(0, 100_000).When(x => x.MinutesSpent is not null).WithMessage("Time spent must be between 0 and 100000 minutes.");
        RuleForEach(x => x.Materials).ChildRules(m =>
        {
            m.RuleFor(x => x.Product).NotEmpty().When(x => !x.IsBlank).WithMessage("Each material names its product.");
            m.RuleFor(x => x.Product).MaximumLength(200).WithMessage("Product must be at most 200 characters.");
            m.RuleFor(x => x.Concentration).MaximumLength(50).WithMessage("Concentration must be at most 50 characters.");
            m.RuleFor(x => x.Solvent).MaximumLength(100).WithMessage("Solvent must be at most 100 characters.");
            m.RuleFor(x => x.Batch).MaximumLength(50).WithMessage("Batch must be at most 50 characters.");
        });
    }
}

/// <summary>A treatment proposal (or its revision) as the form sends it.</summary>
public sealed class TreatmentInput
{
    public string? AccessionNumber { get; set; }
    public string? Title { get; set; }
    public string? Proposal { get; set; }
    public string? Conservators { get; set; }
    public string? ConditionBefore { get; set; }
    public string? ConditionAfter { get; set; }
    public string? Outcome { get; set; }
    public int Version { get; set; }

    public TreatmentDetails ToDetails() => new()
    {
        Title = Title ?? string.Empty,
        Proposal = Proposal,
        Conservators = Conservators,
        ConditionBefore = ConditionBefore,
        ConditionAfter = ConditionAfter,
        Outcome = Outcome,
    };

    public static TreatmentInput From(Treatment t) => new()
    {
        AccessionNumber = t.Artifact?.AccessionNumber,
        Title = t.Title,
        Proposal = t.Proposal,
        Conservators = t.Conservators,
        ConditionBefore = t.ConditionBefore,
        ConditionAfter = t.ConditionAfter,
        Outcome = t.Outcome,
        Version = t.Version,
    };
}

public sealed class TreatmentInputValidator : AbstractValidator<TreatmentInput>
{
    public TreatmentInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Title is required: say what the treatment is for.")
            .MaximumLength(Treatment.TitleMaxLength).WithMessage($"Title must be at most {Treatment.TitleMaxLength} characters.");
        RuleFor(x => x.Proposal).MaximumLength(Treatment.LongTextMaxLength).WithMessage($"Proposal must be at most {Treatment.LongTextMaxLength} characters.");
        RuleFor(x => x.Conservators).MaximumLength(Treatment.ConservatorsMaxLength).WithMessage($"Conservators must be at most {Treatment.ConservatorsMaxLength} characters.");
        RuleFor(x => x.ConditionBefore).MaximumLength(Treatment.LongTextMaxLength).WithMessage($"Condition before must be at most {Treatment.LongTextMaxLength} characters.");
        RuleFor(x => x.ConditionAfter).MaximumLength(Treatment.LongTextMaxLength).WithMessage($"Condition after must be at most {Treatment.LongTextMaxLength} characters.");
        RuleFor(x => x.Outcome).MaximumLength(Treatment.LongTextMaxLength).WithMessage($"Outcome must be at most {Treatment.LongTextMaxLength} characters.");
    }
}
