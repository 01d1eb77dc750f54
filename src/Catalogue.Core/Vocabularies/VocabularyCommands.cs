using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Vocabularies;

/// <summary>Create a term (no <see cref="Id"/>) or change one (with the <see cref="Version"/> the editor saw).</summary>
public sealed class SaveTermCommand
{
    public int? Id { get; set; }
    public Vocabulary Vocabulary { get; set; }
    public string? Code { get; set; }
    public string? LabelVi { get; set; }
    public string? LabelFr { get; set; }
    public string? LabelEn { get; set; }
    public string? AatId { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

public sealed class SaveTermValidator : AbstractValidator<SaveTermCommand>
{
    public SaveTermValidator(CatalogueDbContext db)
    {
        RuleFor(x => x.Vocabulary).IsInEnum().WithMessage("Vocabulary must be object type, material, technique or period.");
        // Each condition guards only its own check: a condition applied to the whole chain would skip NotEmpty too.
        RuleFor(x => x.Code)
            .NotEmpty().WithMessage("Code is required.")
            .Must(c => VocabularyTerm.IsWellFormedCode(c!.Trim().ToLowerInvariant())).When(x => !string.IsNullOrWhiteSpace(x.Code), ApplyConditionTo.CurrentValidator)
            .WithMessage("Code must be 1 to 40 lowercase letters, digits and hyphens, e.g. celadon-glaze.")
            .MustAsync(async (cmd, code, ct) =>
            {
                var normalized = code!.Trim().ToLowerInvariant();
                return !await db.Terms.AnyAsync(t => t.Vocabulary == cmd.Vocabulary && t.Code == normalized && t.Id != cmd.Id, ct);
            })
            .When(x => !string.IsNullOrWhiteSpace(x.Code), ApplyConditionTo.CurrentValidator)
            .WithMessage(x => $"Code {x.Code} is already used in this vocabulary.");
        RuleFor(x => x)
            .Must(x => !string.IsNullOrWhiteSpace(x.LabelVi) || !string.IsNullOrWhiteSpace(x.LabelFr) || !string.IsNullOrWhiteSpace(x.LabelEn))
            .OverridePropertyName(nameof(SaveTermCommand.LabelEn))
            .WithMessage("A label is required in at least one language.");
        RuleFor(x => x.LabelVi).MaximumLength(VocabularyTerm.LabelMaxLength).WithMessage($"Label (Vietnamese) must be at most {VocabularyTerm.LabelMaxLength} characters.");
        RuleFor(x => x.LabelFr).MaximumLength(VocabularyTerm.LabelMaxLength).WithMessage($"Label (French) must be at most {VocabularyTerm.LabelMaxLength} characters.");
        RuleFor(x => x.LabelEn).MaximumLength(VocabularyTerm.LabelMaxLength).WithMessage($"Label (English) must be at most {VocabularyTerm.LabelMaxLength} characters.");
        RuleFor(x => x.AatId)
            .Must(a => VocabularyTerm.IsWellFormedAatId(a!.Trim())).When(x => !string.IsNullOrWhiteSpace(x.AatId))
            .WithMessage("Getty AAT id must be 6 to 9 digits, e.g. 300010662.");
        RuleFor(x => x.StartYear).NotNull().When(x => x.Vocabulary == Vocabulary.Period).WithMessage("A period needs its first year.");
        RuleFor(x => x.EndYear).NotNull().When(x => x.Vocabulary == Vocabulary.Period).WithMessage("A period needs its last year.");
        RuleFor(x => x.EndYear)
            .GreaterThanOrEqualTo(x => x.StartYear).When(x => x.Vocabulary == Vocabulary.Period && x.StartYear is not null && x.EndYear is not null)
            .WithMessage(x => $"Last year ({x.EndYear}) cannot be before the first year ({x.StartYear}).");
    }
}

public sealed class VocabularyCommands(CatalogueDbContext db, IValidator<SaveTermCommand> validator, InstitutionCalendar calendar)
{
    public async Task<CommandResult<VocabularyTerm>> SaveAsync(SaveTermCommand command, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<VocabularyTerm>.Invalid(validation);
        var label = LocalizedText.Of(command.LabelVi, command.LabelFr, command.LabelEn);
        try
        {
            VocabularyTerm term;
            if (command.Id is null)
            {
                term = new VocabularyTerm(command.Vocabulary, command.Code!, label, command.AatId, command.StartYear, command.EndYear);
                term.Relabel(label, command.AatId, command.StartYear, command.EndYear, command.SortOrder);
                db.Terms.Add(term);
            }
            else
            {
                var found = await db.Terms.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken);
                if (found is null)
                    return CommandResult<VocabularyTerm>.NotFound($"No term has the id {command.Id}.");
                term = found;
                if (term.Version != command.Version)
                    return Conflict(term);
                if (!string.Equals(term.Code, command.Code!.Trim(), StringComparison.OrdinalIgnoreCase))
                    return CommandResult<VocabularyTerm>.Invalid(nameof(command.Code), "A term's code cannot change once created: records and imports refer to it.");
                term.Relabel(label, command.AatId, command.StartYear, command.EndYear, command.SortOrder);
                db.Entry(term).Property(t => t.Version).OriginalValue = command.Version;
            }

            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<VocabularyTerm>.Success(term);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<VocabularyTerm>.Invalid(e.Field, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Terms.AsNoTracking().SingleAsync(t => t.Id == command.Id, cancellationToken);
            return Conflict(current);
        }
    }

    /// <summary>Removes a term that no record uses; a term in use is refused with the count of its uses.</summary>
    public async Task<CommandResult<bool>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var term = await db.Terms.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (term is null)
            return CommandResult<bool>.NotFound($"No term has the id {id}.");
        var uses = await db.Artifacts.CountAsync(a => a.ObjectTypeId == id || a.PeriodId == id, cancellationToken)
            + await db.Set<ArtifactTerm>().CountAsync(t => t.TermId == id, cancellationToken);
        if (uses > 0)
            return CommandResult<bool>.Invalid(string.Empty, $"{term.Code} is used by {uses} record(s) and cannot be deleted.");
        db.Terms.Remove(term);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<bool>.Success(true);
    }

    private CommandResult<VocabularyTerm> Conflict(VocabularyTerm current) => CommandResult<VocabularyTerm>.Conflict(
        $"The term {current.Code} was changed by {current.UpdatedBy} at {calendar.Time(current.UpdatedAt)} after you opened it. Nothing was saved: reload and edit again.");
}
