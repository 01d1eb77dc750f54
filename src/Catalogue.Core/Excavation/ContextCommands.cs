using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Vocabularies;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Excavation;

/// <summary>Record a context (create when <see cref="Version"/> is 0) or change one.</summary>
public sealed class SaveContextCommand
{
    public string SiteCode { get; set; } = string.Empty;
    public int? Number { get; set; }
    public ContextType Type { get; set; } = ContextType.Deposit;
    public int? AreaId { get; set; }
    public string? Description { get; set; }
    public string? MunsellColour { get; set; }
    public string? Composition { get; set; }
    public decimal? TopLevel { get; set; }
    public decimal? BottomLevel { get; set; }
    public string? Excavator { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? Phase { get; set; }
    public int? PeriodId { get; set; }
    public int Version { get; set; }

    public ContextDetails ToDetails() => new()
    {
        Type = Type,
        AreaId = AreaId,
        Description = Description,
        MunsellColour = MunsellColour,
        Composition = Composition,
        TopLevel = TopLevel,
        BottomLevel = BottomLevel,
        Excavator = Excavator,
        OpenedOn = OpenedOn,
        ClosedOn = ClosedOn,
        Phase = Phase,
        PeriodId = PeriodId,
    };

    public static SaveContextCommand From(Context c) => new()
    {
        SiteCode = c.SiteCode,
        Number = c.Number,
        Type = c.Type,
        AreaId = c.AreaId,
        Description = c.Description,
        MunsellColour = c.MunsellColour,
        Composition = c.Composition,
        TopLevel = c.TopLevel,
        BottomLevel = c.BottomLevel,
        Excavator = c.Excavator,
        OpenedOn = c.OpenedOn,
        ClosedOn = c.ClosedOn,
        Phase = c.Phase,
        PeriodId = c.PeriodId,
        Version = c.Version,
    };
}

public sealed class SaveContextValidator : AbstractValidator<SaveContextCommand>
{
    public SaveContextValidator(CatalogueDbContext db, InstitutionCalendar calendar)
    {
        RuleFor(x => x.OpenedOn).Must(on => calendar.IsRecordDay(on!.Value)).When(x => x.OpenedOn is not null)
            .WithMessage($"Opened on must be a day from {InstitutionCalendar.EarliestRecord.Year} to today, not in the future.");
        RuleFor(x => x.ClosedOn).Must(on => calendar.IsRecordDay(on!.Value)).When(x => x.ClosedOn is not null)
            .WithMessage($"Closed on must be a day from {InstitutionCalendar.EarliestRecord.Year} to today, not in the future.");
        RuleFor(x => x.Number).NotNull().WithMessage("Context number is required.")
            .InclusiveBetween(1, Context.MaxNumber).When(x => x.Number is not null, ApplyConditionTo.CurrentValidator).WithMessage($"Context number must be between 1 and {Context.MaxNumber}.");
        RuleFor(x => x.Type).IsInEnum().WithMessage("Context type must be deposit, cut, fill, structure or interface.");
        RuleFor(x => x.MunsellColour).Must(m => Context.IsWellFormedMunsell(m!.Trim().ToUpperInvariant())).When(x => !string.IsNullOrWhiteSpace(x.MunsellColour))
            .WithMessage("Munsell colour must look like 10YR 4/3 or 7.5YR 5/6 (or N 5/ for neutral greys).");
        RuleFor(x => x.BottomLevel).LessThanOrEqualTo(x => x.TopLevel).When(x => x.TopLevel is not null && x.BottomLevel is not null)
            .WithMessage(x => $"The bottom level ({x.BottomLevel} m) cannot be higher than the top level ({x.TopLevel} m).");
        RuleFor(x => x.ClosedOn).GreaterThanOrEqualTo(x => x.OpenedOn).When(x => x.OpenedOn is not null && x.ClosedOn is not null)
            .WithMessage("Closed on cannot be before opened on.");
        RuleFor(x => x.Description).Must(d => !string.IsNullOrWhiteSpace(d))
            .WithMessage("Description is required: say what the context is (for example, dark brown silty fill of pit 12).");
        RuleFor(x => x.Description).MaximumLength(Context.DescriptionMaxLength).WithMessage($"Description must be at most {Context.DescriptionMaxLength} characters.");
        RuleFor(x => x.Composition).MaximumLength(Context.CompositionMaxLength).WithMessage($"Composition must be at most {Context.CompositionMaxLength} characters.");
        RuleFor(x => x.Excavator).MaximumLength(Context.ExcavatorMaxLength).WithMessage($"Excavator must be at most {Context.ExcavatorMaxLength} characters.");
        RuleFor(x => x.Phase).MaximumLength(Context.PhaseMaxLength).WithMessage($"Phase must be at most {Context.PhaseMaxLength} characters.");
        RuleFor(x => x.PeriodId)
            .MustAsync(async (id, ct) => await db.Terms.AnyAsync(t => t.Id == id && t.Vocabulary == Vocabulary.Period, ct))
            .When(x => x.PeriodId is not null).WithMessage("Period must be a term of the period list.");
        RuleFor(x => x.AreaId)
            .MustAsync(async (cmd, id, ct) => await db.Areas.AnyAsync(a => a.Id == id && a.SiteCode == cmd.SiteCode, ct))
            .When(x => x.AreaId is not null).WithMessage("Area or trench must belong to this site.");
    }
}

/// <summary>Record and revise contexts.</summary>
public sealed class ContextCommands(CatalogueDbContext db, IValidator<SaveContextCommand> validator, InstitutionCalendar calendar)
{
    public async Task<CommandResult<Context>> SaveAsync(SaveContextCommand command, bool isNew, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<Context>.Invalid(validation);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Code == command.SiteCode, cancellationToken);
        if (site is null)
            return CommandResult<Context>.NotFound($"No site has the code {command.SiteCode}.");
        var existing = await db.Contexts.SingleOrDefaultAsync(c => c.SiteId == site.Id && c.Number == command.Number, cancellationToken);
        try
        {
            Context context;
            if (isNew)
            {
                if (existing is not null)
                    return CommandResult<Context>.Invalid(nameof(command.Number), $"Context {command.Number} already exists in site {site.Code}.");
                context = new Context(site, command.Number!.Value, command.ToDetails());
                db.Contexts.Add(context);
            }
            else
            {
                if (existing is null)
                    return CommandResult<Context>.NotFound($"Site {site.Code} has no context {command.Number}.");
                if (existing.Version != command.Version)
                    return Conflict(existing);
                context = existing;
                context.Revise(command.ToDetails());
                db.Entry(context).Property(c => c.Version).OriginalValue = command.Version;
            }

            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Context>.Success(context);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Context>.Invalid(e.Field, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await db.Contexts.AsNoTracking().SingleAsync(c => c.SiteId == site.Id && c.Number == command.Number, cancellationToken));
        }
        catch (DbUpdateException e) when (e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Context>.Invalid(nameof(command.Number), $"Context {command.Number} already exists in site {site.Code}.");
        }
    }

    /// <summary>The next free context number in a site (one more than the highest).</summary>
    public async Task<int> NextNumberAsync(string siteCode, CancellationToken cancellationToken = default) =>
        (await db.Contexts.Where(c => c.SiteCode == siteCode).MaxAsync(c => (int?)c.Number, cancellationToken) ?? 0) + 1;

    private CommandResult<Context> Conflict(Context current) => CommandResult<Context>.Conflict(
        $"Context {current.Number} was changed by {current.UpdatedBy} at {calendar.Time(current.UpdatedAt)} after you opened it. Nothing was saved: reload and edit again.");
}
