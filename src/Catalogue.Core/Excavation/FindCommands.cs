using System.Globalization;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Vocabularies;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Excavation;

/// <summary>Register a find in the field (no <see cref="Version"/>), or correct one.</summary>
public sealed class SaveFindCommand
{
    /// <summary>Left empty on registration, the next number of the site is used.</summary>
    public string? FindNumber { get; set; }

    public string SiteCode { get; set; } = string.Empty;
    public int? ContextNumber { get; set; }
    public int? MaterialId { get; set; }
    public int? ObjectTypeId { get; set; }
    public int? Count { get; set; } = 1;
    public decimal? WeightGrams { get; set; }
    public decimal? X { get; set; }
    public decimal? Y { get; set; }
    public decimal? Z { get; set; }
    public DateOnly? FoundOn { get; set; }
    public string? RecordedBy { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }

    public FindDetails ToDetails() => new()
    {
        MaterialId = MaterialId,
        ObjectTypeId = ObjectTypeId,
        Count = Count ?? 1,
        WeightGrams = WeightGrams,
        X = X,
        Y = Y,
        Z = Z,
        FoundOn = FoundOn,
        RecordedBy = RecordedBy,
        Notes = Notes,
    };
}

public sealed class SaveFindValidator : AbstractValidator<SaveFindCommand>
{
    public SaveFindValidator(CatalogueDbContext db, InstitutionCalendar calendar)
    {
        RuleFor(x => x.FoundOn).Must(on => calendar.IsRecordDay(on!.Value)).When(x => x.FoundOn is not null)
            .WithMessage($"Found on must be a day from {InstitutionCalendar.EarliestRecord.Year} to today, not in the future.");
        RuleFor(x => x.FindNumber).Must(n => Find.IsWellFormedNumber(Find.NormalizeNumber(n!))).When(x => !string.IsNullOrWhiteSpace(x.FindNumber))
            .WithMessage("Find number must be 1 to 32 capital letters, digits, dots, hyphens and slashes, e.g. HD18-0042.");
        RuleFor(x => x.ContextNumber).NotNull().WithMessage("Context is required: every find comes from one context.")
            .MustAsync(async (cmd, n, ct) => await db.Contexts.AnyAsync(c => c.SiteCode == cmd.SiteCode && c.Number == n, ct))
            .When(x => x.ContextNumber is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(x => $"Site {x.SiteCode} has no context {x.ContextNumber}; record the context first.");
        RuleFor(x => x.Count).NotNull().WithMessage("Count is required.").GreaterThanOrEqualTo(1).WithMessage("Count must be at least 1.");
        RuleFor(x => x.WeightGrams).GreaterThan(0).When(x => x.WeightGrams is not null).WithMessage("Weight must be greater than zero.");
        RuleFor(x => x.MaterialId).MustAsync(async (id, ct) => await db.Terms.AnyAsync(t => t.Id == id && t.Vocabulary == Vocabulary.Material, ct))
            .When(x => x.MaterialId is not null).WithMessage("Material must be a term of the material list.");
        RuleFor(x => x.ObjectTypeId).MustAsync(async (id, ct) => await db.Terms.AnyAsync(t => t.Id == id && t.Vocabulary == Vocabulary.ObjectType, ct))
            .When(x => x.ObjectTypeId is not null).WithMessage("Object type must be a term of the object type list.");
        RuleFor(x => x.Notes).MaximumLength(Find.NotesMaxLength).WithMessage($"Notes must be at most {Find.NotesMaxLength} characters.");
        RuleFor(x => x.RecordedBy).MaximumLength(Find.RecordedByMaxLength).WithMessage($"Recorded by must be at most {Find.RecordedByMaxLength} characters.");
    }
}

/// <summary>The finds register.</summary>
public sealed class FindCommands(CatalogueDbContext db, IValidator<SaveFindCommand> validator, InstitutionCalendar calendar)
{
    public async Task<CommandResult<Find>> RegisterAsync(SaveFindCommand command, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<Find>.Invalid(validation);
        var context = await db.Contexts.SingleOrDefaultAsync(c => c.SiteCode == command.SiteCode && c.Number == command.ContextNumber, cancellationToken);
        if (context is null)
            return CommandResult<Find>.NotFound($"Site {command.SiteCode} has no context {command.ContextNumber}.");
        var number = string.IsNullOrWhiteSpace(command.FindNumber)
            ? await NextNumberAsync(command.SiteCode, cancellationToken)
            : Find.NormalizeNumber(command.FindNumber);
        if (await db.Finds.AnyAsync(f => f.FindNumber == number, cancellationToken))
            return CommandResult<Find>.Invalid(nameof(command.FindNumber), $"Find number {number} is already registered.");
        try
        {
            var find = new Find(number, context, command.ToDetails());
            db.Finds.Add(find);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Find>.Success(find);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Find>.Invalid(e.Field, e.Message);
        }
        catch (DbUpdateException e) when (e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Find>.Invalid(nameof(command.FindNumber), $"Find number {number} is already registered.");
        }
    }

    public async Task<CommandResult<Find>> UpdateAsync(SaveFindCommand command, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<Find>.Invalid(validation);
        var number = Find.NormalizeNumber(command.FindNumber ?? string.Empty);
        var find = await db.Finds.Include(f => f.Context).SingleOrDefaultAsync(f => f.FindNumber == number, cancellationToken);
        if (find is null)
            return CommandResult<Find>.NotFound($"No find has the number {number}.");
        if (find.Version != command.Version)
            return Conflict(find);
        try
        {
            find.Revise(command.ToDetails());
            db.Entry(find).Property(f => f.Version).OriginalValue = command.Version;
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Find>.Success(find);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Find>.Invalid(e.Field, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await db.Finds.AsNoTracking().SingleAsync(f => f.FindNumber == number, cancellationToken));
        }
    }

    public async Task<CommandResult<Find>> DiscardAsync(string findNumber, CancellationToken cancellationToken = default)
    {
        findNumber = Find.NormalizeNumber(findNumber);
        var find = await db.Finds.SingleOrDefaultAsync(f => f.FindNumber == findNumber, cancellationToken);
        if (find is null)
            return CommandResult<Find>.NotFound($"No find has the number {findNumber}.");
        try
        {
            find.Discard();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Find>.Success(find);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Find>.Invalid(e.Field, e.Message);
        }
    }

    /// <summary>The number proposed for the next find of a site: SITE-0001, SITE-0002, ...</summary>
    public async Task<string> NextNumberAsync(string siteCode, CancellationToken cancellationToken = default)
    {
        var prefix = siteCode + "-";
        var numbers = await db.Finds.Where(f => f.FindNumber.StartsWith(prefix)).Select(f => f.FindNumber).ToListAsync(cancellationToken);
        var highest = numbers
            .Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
        return $"{prefix}{highest + 1:0000}";
    }

    private CommandResult<Find> Conflict(Find current) => CommandResult<Find>.Conflict(
        $"Find {current.FindNumber} was changed by {current.UpdatedBy} at {calendar.Time(current.UpdatedAt)} after you opened it. Nothing was saved: reload and edit again.");
}
