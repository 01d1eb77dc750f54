using Catalogue.Core.Common;
using Catalogue.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Excavation;

/// <summary>Create a site (no <see cref="Version"/>) or change one.</summary>
public sealed class SaveSiteCommand
{
    public string? Code { get; set; }
    public string? NameVi { get; set; }
    public string? NameFr { get; set; }
    public string? NameEn { get; set; }
    public string? Location { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    public string? DescriptionVi { get; set; }
    public string? DescriptionFr { get; set; }
    public string? DescriptionEn { get; set; }
    public int Version { get; set; }
}

public sealed class AddAreaCommand
{
    public string SiteCode { get; set; } = string.Empty;
    public string? Code { get; set; }
    public AreaKind Kind { get; set; } = AreaKind.Trench;
    public string? Description { get; set; }
}

public sealed class SaveSiteValidator : AbstractValidator<SaveSiteCommand>
{
    public SaveSiteValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Site code is required.")
            .Must(c => Site.IsWellFormedCode(c!.Trim().ToUpperInvariant())).When(x => !string.IsNullOrWhiteSpace(x.Code), ApplyConditionTo.CurrentValidator)
            .WithMessage("Site code must be 1 to 20 capital letters, digits and hyphens, e.g. HD18.");
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.NameVi) || !string.IsNullOrWhiteSpace(x.NameFr) || !string.IsNullOrWhiteSpace(x.NameEn))
            .OverridePropertyName(nameof(SaveSiteCommand.NameEn)).WithMessage("A site name is required in at least one language.");
        foreach (var (field, name) in new (System.Linq.Expressions.Expression<Func<SaveSiteCommand, string?>>, string)[]
                 { (x => x.NameVi, "Name (Vietnamese)"), (x => x.NameFr, "Name (French)"), (x => x.NameEn, "Name (English)") })
            RuleFor(field).MaximumLength(Site.NameMaxLength).WithMessage($"{name} must be at most {Site.NameMaxLength} characters.");
        foreach (var (field, name) in new (System.Linq.Expressions.Expression<Func<SaveSiteCommand, string?>>, string)[]
                 { (x => x.DescriptionVi, "Description (Vietnamese)"), (x => x.DescriptionFr, "Description (French)"), (x => x.DescriptionEn, "Description (English)") })
            RuleFor(field).MaximumLength(Site.DescriptionMaxLength).WithMessage($"{name} must be at most {Site.DescriptionMaxLength} characters.");
        RuleFor(x => x.Location).MaximumLength(Site.LocationMaxLength).WithMessage($"Location must be at most {Site.LocationMaxLength} characters.");
        RuleFor(x => x.Latitude).InclusiveBetween(-90m, 90m).When(x => x.Latitude is not null).WithMessage("Latitude must be between -90 and 90.");
        RuleFor(x => x.Longitude).InclusiveBetween(-180m, 180m).When(x => x.Longitude is not null).WithMessage("Longitude must be between -180 and 180.");
    }
}

/// <summary>Sites and their areas/trenches.</summary>
public sealed class SiteCommands(CatalogueDbContext db, IValidator<SaveSiteCommand> validator, InstitutionCalendar calendar)
{
    public async Task<CommandResult<Site>> SaveAsync(SaveSiteCommand command, bool isNew, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<Site>.Invalid(validation);
        var code = command.Code!.Trim().ToUpperInvariant();
        var existing = await db.Sites.SingleOrDefaultAsync(s => s.Code == code, cancellationToken);
        try
        {
            Site site;
            if (isNew)
            {
                if (existing is not null)
                    return CommandResult<Site>.Invalid(nameof(command.Code), $"Site code {code} is already used.");
                site = new Site(code, LocalizedText.Of(command.NameVi, command.NameFr, command.NameEn));
                db.Sites.Add(site);
            }
            else
            {
                if (existing is null)
                    return CommandResult<Site>.NotFound($"No site has the code {code}.");
                if (existing.Version != command.Version)
                    return Conflict(existing);
                site = existing;
                db.Entry(site).Property(s => s.Version).OriginalValue = command.Version;
            }

            site.Describe(LocalizedText.Of(command.NameVi, command.NameFr, command.NameEn), command.Location, command.Latitude, command.Longitude,
                LocalizedText.Of(command.DescriptionVi, command.DescriptionFr, command.DescriptionEn));
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Site>.Success(site);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Site>.Invalid(e.Field, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await db.Sites.AsNoTracking().SingleAsync(s => s.Code == code, cancellationToken));
        }
    }

    public async Task<CommandResult<Area>> AddAreaAsync(AddAreaCommand command, CancellationToken cancellationToken = default)
    {
        var siteCode = command.SiteCode.Trim().ToUpperInvariant();
        var site = await db.Sites.Include(s => s.Areas).SingleOrDefaultAsync(s => s.Code == siteCode, cancellationToken);
        if (site is null)
            return CommandResult<Area>.NotFound($"No site has the code {command.SiteCode}.");
        if (string.IsNullOrWhiteSpace(command.Code))
            return CommandResult<Area>.Invalid(nameof(command.Code), "Area or trench code is required.");
        if (command.Description?.Length > Area.DescriptionMaxLength)
            return CommandResult<Area>.Invalid(nameof(command.Description), $"Description must be at most {Area.DescriptionMaxLength} characters.");
        if (!Enum.IsDefined(command.Kind))
            return CommandResult<Area>.Invalid(nameof(command.Kind), "Kind must be area or trench.");
        try
        {
            var area = site.AddArea(command.Code, command.Kind, command.Description);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Area>.Success(area);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Area>.Invalid(e.Field, e.Message);
        }
    }

    private CommandResult<Site> Conflict(Site current) => CommandResult<Site>.Conflict(
        $"Site {current.Code} was changed by {current.UpdatedBy} at {calendar.Time(current.UpdatedAt)} after you opened it. Nothing was saved: reload and edit again.");
}
