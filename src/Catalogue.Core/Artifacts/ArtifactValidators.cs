using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Vocabularies;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Artifacts;

/// <summary>The rules every artifact edit must pass; messages name the field and the rule.</summary>
public abstract class ArtifactInputValidator<T> : AbstractValidator<T> where T : ArtifactInput
{
    protected ArtifactInputValidator(CatalogueDbContext db, InstitutionCalendar calendar)
    {
        RuleFor(x => x.ObjectTypeId)
            .NotNull().WithMessage("Object type is required.")
            .MustAsync((id, ct) => TermExists(db, Vocabulary.ObjectType, id, ct)).WithMessage("Object type must be a term of the object type list.")
            .When(x => x.ObjectTypeId is not null, ApplyConditionTo.CurrentValidator);
        RuleFor(x => x.PeriodId)
            .MustAsync((id, ct) => TermExists(db, Vocabulary.Period, id, ct)).When(x => x.PeriodId is not null)
            .WithMessage("Period must be a term of the period list.");
        RuleFor(x => x.MaterialIds)
            .MustAsync((ids, ct) => TermsExist(db, Vocabulary.Material, ids, ct)).WithMessage("Every material must be a term of the material list.")
            .Must(ids => ids.Count <= 20).WithMessage("At most 20 materials.");
        RuleFor(x => x.TechniqueIds)
            .MustAsync((ids, ct) => TermsExist(db, Vocabulary.Technique, ids, ct)).WithMessage("Every technique must be a term of the technique list.")
            .Must(ids => ids.Count <= 20).WithMessage("At most 20 techniques.");

        RuleFor(x => x)
            .Must(x => !string.IsNullOrWhiteSpace(x.TitleVi) || !string.IsNullOrWhiteSpace(x.TitleFr) || !string.IsNullOrWhiteSpace(x.TitleEn))
            .WithName("Title").OverridePropertyName(nameof(ArtifactInput.TitleEn))
            .WithMessage("A title is required in at least one language (Vietnamese, French or English).");
        Length(x => x.TitleVi, "Title (Vietnamese)", Artifact.TitleMaxLength);
        Length(x => x.TitleFr, "Title (French)", Artifact.TitleMaxLength);
        Length(x => x.TitleEn, "Title (English)", Artifact.TitleMaxLength);
        Length(x => x.DescriptionVi, "Description (Vietnamese)", Artifact.DescriptionMaxLength);
        Length(x => x.DescriptionFr, "Description (French)", Artifact.DescriptionMaxLength);
        Length(x => x.DescriptionEn, "Description (English)", Artifact.DescriptionMaxLength);
        Length(x => x.InscriptionText, "Inscription", Artifact.InscriptionMaxLength);
        Length(x => x.InscriptionVi, "Inscription reading (Vietnamese)", Artifact.InscriptionMaxLength);
        Length(x => x.InscriptionFr, "Inscription reading (French)", Artifact.InscriptionMaxLength);
        Length(x => x.InscriptionEn, "Inscription reading (English)", Artifact.InscriptionMaxLength);
        Length(x => x.DateText, "Date as written", Dating.TextMaxLength);
        Length(x => x.Provenance, "Provenance", Artifact.ProvenanceMaxLength);
        Length(x => x.CreditLine, "Credit line", Artifact.CreditLineMaxLength);
        Length(x => x.Rights, "Rights", Artifact.RightsMaxLength);
        RuleFor(x => x.AccessionDate).Must(on => on <= calendar.Today)
            .When(x => x.AccessionDate is not null).WithMessage("Accession date cannot be in the future.");
        RuleFor(x => x.AccessionDate).Must(on => on >= Artifact.EarliestAccessionDate)
            .When(x => x.AccessionDate is not null).WithMessage($"Accession date must be in {Artifact.EarliestAccessionDate.Year} or later.");

        Positive(x => x.Length, "Length");
        Positive(x => x.Width, "Width");
        Positive(x => x.Height, "Height");
        Positive(x => x.Diameter, "Diameter");
        Positive(x => x.Thickness, "Thickness");
        RuleFor(x => x.DimensionUnit)
            .Must(u => u is not null && Dimensions.Units.Contains(u))
            .When(x => x.Length is not null || x.Width is not null || x.Height is not null || x.Diameter is not null || x.Thickness is not null)
            .WithMessage("Dimension unit must be mm, cm or m when a dimension is given.");
        Positive(x => x.WeightValue, "Weight");
        RuleFor(x => x.WeightUnit)
            .Must(u => u is not null && Weight.Units.Contains(u)).When(x => x.WeightValue is not null)
            .WithMessage("Weight unit must be g or kg when a weight is given.");

        RuleFor(x => x.EarliestYear).InclusiveBetween(Dating.MinYear, Dating.MaxYear).When(x => x.EarliestYear is not null)
            .WithMessage($"Earliest year must be between {Dating.MinYear} and {Dating.MaxYear}.");
        RuleFor(x => x.LatestYear).InclusiveBetween(Dating.MinYear, Dating.MaxYear).When(x => x.LatestYear is not null)
            .WithMessage($"Latest year must be between {Dating.MinYear} and {Dating.MaxYear}.");
        RuleFor(x => x.LatestYear)
            .GreaterThanOrEqualTo(x => x.EarliestYear).When(x => x.EarliestYear is not null && x.LatestYear is not null)
            .WithMessage(x => $"Latest year ({x.LatestYear}) cannot be before the earliest year ({x.EarliestYear}).");
    }

    private void Length(System.Linq.Expressions.Expression<Func<T, string?>> field, string name, int max)
    {
        var value = field.Compile();
        RuleFor(field).MaximumLength(max).WithMessage(x => $"{name} must be at most {max} characters (it has {value(x)?.Length}).");
    }

    private void Positive(System.Linq.Expressions.Expression<Func<T, decimal?>> field, string name)
    {
        var value = field.Compile();
        RuleFor(field).GreaterThan(0m).When(x => value(x) is not null).WithMessage($"{name} must be greater than zero.");
    }

    private static async Task<bool> TermExists(CatalogueDbContext db, Vocabulary vocabulary, int? id, CancellationToken ct) =>
        id is null || await db.Terms.AnyAsync(t => t.Id == id && t.Vocabulary == vocabulary, ct);

    private static async Task<bool> TermsExist(CatalogueDbContext db, Vocabulary vocabulary, List<int> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        return distinct.Count == 0 || await db.Terms.CountAsync(t => distinct.Contains(t.Id) && t.Vocabulary == vocabulary, ct) == distinct.Count;
    }
}

public sealed class CreateArtifactValidator : ArtifactInputValidator<CreateArtifactCommand>
{
    public CreateArtifactValidator(CatalogueDbContext db, InstitutionCalendar calendar) : base(db, calendar)
    {
        // Each condition guards only its own check: a condition applied to the whole chain would skip NotEmpty too.
        RuleFor(x => x.AccessionNumber)
            .NotEmpty().WithMessage("Accession number is required.")
            .Must(n => AccessionNumber.IsWellFormed(AccessionNumber.Normalize(n!))).When(x => !string.IsNullOrWhiteSpace(x.AccessionNumber), ApplyConditionTo.CurrentValidator)
            .WithMessage($"Accession number must look like {AccessionNumber.FormatDescription}.")
            .MustAsync(async (n, ct) => !await db.Artifacts.AnyAsync(a => a.AccessionNumber == AccessionNumber.Normalize(n!), ct))
            .When(x => AccessionNumber.IsWellFormed(AccessionNumber.Normalize(x.AccessionNumber ?? string.Empty)), ApplyConditionTo.CurrentValidator)
            .WithMessage(x => $"Accession number {AccessionNumber.Normalize(x.AccessionNumber!)} is already used by another artifact.");
        RuleFor(x => x.Status).IsInEnum().WithMessage("Publication status must be draft, internal or published.");
        RuleFor(x => x.FindNumber)
            .MustAsync(async (n, ct) =>
            {
                var number = Excavation.Find.NormalizeNumber(n!);
                return await db.Finds.AnyAsync(f => f.FindNumber == number && f.Status == Excavation.FindStatus.Registered, ct);
            })
            .When(x => !string.IsNullOrWhiteSpace(x.FindNumber))
            .WithMessage(x => $"Find {x.FindNumber} is not a registered find waiting to be accessioned.");
    }
}

public sealed class UpdateArtifactValidator : ArtifactInputValidator<UpdateArtifactCommand>
{
    public UpdateArtifactValidator(CatalogueDbContext db, InstitutionCalendar calendar) : base(db, calendar)
    {
        RuleFor(x => x.Version).GreaterThan(0).WithMessage("The record version is missing; reload the page and edit again.");
    }
}
