using Catalogue.Core.Excavation;

namespace Catalogue.Core.Tests.Support;

/// <summary>Builds a <see cref="SaveSiteCommand"/>: a valid new site by default, changed one field at a time.</summary>
public sealed class SiteBuilder(string? code)
{
    private readonly SaveSiteCommand _command = new() { Code = code, NameEn = $"Site {code}" };

    /// <summary>An edit of a stored site, claiming the editor saw <paramref name="version"/>.</summary>
    public static SiteBuilder Editing(Site site, int? version = null)
    {
        var builder = new SiteBuilder(site.Code);
        var c = builder._command;
        (c.NameVi, c.NameFr, c.NameEn) = (site.Name.Vi, site.Name.Fr, site.Name.En);
        (c.DescriptionVi, c.DescriptionFr, c.DescriptionEn) = (site.Description.Vi, site.Description.Fr, site.Description.En);
        (c.Location, c.Latitude, c.Longitude) = (site.Location, site.Latitude, site.Longitude);
        c.Version = version ?? site.Version;
        return builder;
    }

    public SiteBuilder Named(string? vi, string? fr, string? en) => Step(c => (c.NameVi, c.NameFr, c.NameEn) = (vi, fr, en));

    public SiteBuilder NamedEn(string? en) => Step(c => c.NameEn = en);

    public SiteBuilder WithoutName() => Named(null, null, null);

    public SiteBuilder At(decimal? latitude, decimal? longitude) => Step(c => (c.Latitude, c.Longitude) = (latitude, longitude));

    public SiteBuilder LocatedIn(string? location) => Step(c => c.Location = location);

    public SaveSiteCommand Build() => new()
    {
        Code = _command.Code,
        NameVi = _command.NameVi,
        NameFr = _command.NameFr,
        NameEn = _command.NameEn,
        Location = _command.Location,
        Latitude = _command.Latitude,
        Longitude = _command.Longitude,
        DescriptionVi = _command.DescriptionVi,
        DescriptionFr = _command.DescriptionFr,
        DescriptionEn = _command.DescriptionEn,
        Version = _command.Version,
    };

    private SiteBuilder Step(Action<SaveSiteCommand> step)
    {
        step(_command);
        return this;
    }
}

/// <summary>
/// Builds a <see cref="SaveContextCommand"/>: a described deposit of the given site and number by default,
/// e.g. <c>new ContextBuilder("HD18", 12).Cut().Levels(9.5m, 8.7m).Build()</c>.
/// </summary>
public sealed class ContextBuilder(string siteCode, int? number)
{
    private SaveContextCommand _command = new() { SiteCode = siteCode, Number = number, Description = "Mid brown silty clay" };

    /// <summary>An edit of a stored context, claiming the editor saw <paramref name="version"/>.</summary>
    public static ContextBuilder Editing(Context context, int? version = null)
    {
        var builder = new ContextBuilder(context.SiteCode, context.Number) { _command = SaveContextCommand.From(context) };
        builder._command.Version = version ?? context.Version;
        return builder;
    }

    public ContextBuilder Deposit() => Of(ContextType.Deposit);

    public ContextBuilder Cut() => Of(ContextType.Cut);

    public ContextBuilder Fill() => Of(ContextType.Fill);

    public ContextBuilder Structure() => Of(ContextType.Structure);

    public ContextBuilder Of(ContextType type) => Step(c => c.Type = type);

    public ContextBuilder Levels(decimal? top, decimal? bottom) => Step(c => (c.TopLevel, c.BottomLevel) = (top, bottom));

    public ContextBuilder Munsell(string? colour) => Step(c => c.MunsellColour = colour);

    public ContextBuilder Dug(DateOnly? opened, DateOnly? closed) => Step(c => (c.OpenedOn, c.ClosedOn) = (opened, closed));

    public ContextBuilder InPeriod(int? periodId) => Step(c => c.PeriodId = periodId);

    public ContextBuilder InArea(int? areaId) => Step(c => c.AreaId = areaId);

    public ContextBuilder Phase(string? phase) => Step(c => c.Phase = phase);

    public ContextBuilder Described(string? description) => Step(c => c.Description = description);

    public ContextBuilder DugBy(string? excavator) => Step(c => c.Excavator = excavator);

    /// <summary>A fresh command each time, so a builder can be reused after one was sent.</summary>
    public SaveContextCommand Build() => Copy(_command);

    private static SaveContextCommand Copy(SaveContextCommand c) => new()
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

    private ContextBuilder Step(Action<SaveContextCommand> step)
    {
        step(_command);
        return this;
    }
}

/// <summary>Builds a <see cref="SaveFindCommand"/>: one find from the given context, number left for the register to propose.</summary>
public sealed class FindBuilder(string siteCode, int? contextNumber)
{
    private readonly SaveFindCommand _command = new() { SiteCode = siteCode, ContextNumber = contextNumber };

    /// <summary>A correction of a stored find, claiming the editor saw <paramref name="version"/>.</summary>
    public static FindBuilder Editing(Find find, string siteCode, int contextNumber, int? version = null)
    {
        var builder = new FindBuilder(siteCode, contextNumber).Numbered(find.FindNumber);
        var c = builder._command;
        (c.MaterialId, c.ObjectTypeId, c.Count, c.WeightGrams) = (find.MaterialId, find.ObjectTypeId, find.Count, find.WeightGrams);
        (c.X, c.Y, c.Z, c.FoundOn, c.RecordedBy, c.Notes) = (find.X, find.Y, find.Z, find.FoundOn, find.RecordedBy, find.Notes);
        c.Version = version ?? find.Version;
        return builder;
    }

    public FindBuilder Numbered(string? findNumber) => Step(c => c.FindNumber = findNumber);

    public FindBuilder OfMaterial(int? materialId) => Step(c => c.MaterialId = materialId);

    public FindBuilder OfType(int? objectTypeId) => Step(c => c.ObjectTypeId = objectTypeId);

    public FindBuilder Counting(int? count) => Step(c => c.Count = count);

    public FindBuilder Weighing(decimal? grams) => Step(c => c.WeightGrams = grams);

    public FindBuilder At(decimal? x, decimal? y, decimal? z) => Step(c => (c.X, c.Y, c.Z) = (x, y, z));

    public FindBuilder FoundOn(DateOnly? date) => Step(c => c.FoundOn = date);

    public FindBuilder RecordedBy(string? name) => Step(c => c.RecordedBy = name);

    public FindBuilder WithNotes(string? notes) => Step(c => c.Notes = notes);

    public SaveFindCommand Build() => new()
    {
        FindNumber = _command.FindNumber,
        SiteCode = _command.SiteCode,
        ContextNumber = _command.ContextNumber,
        MaterialId = _command.MaterialId,
        ObjectTypeId = _command.ObjectTypeId,
        Count = _command.Count,
        WeightGrams = _command.WeightGrams,
        X = _command.X,
        Y = _command.Y,
        Z = _command.Z,
        FoundOn = _command.FoundOn,
        RecordedBy = _command.RecordedBy,
        Notes = _command.Notes,
        Version = _command.Version,
    };

    private FindBuilder Step(Action<SaveFindCommand> step)
    {
        step(_command);
        return this;
    }
}
