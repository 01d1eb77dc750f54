using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Excavation.Stratigraphy;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Support;

/// <summary>How many excavation rows a refused command must leave untouched.</summary>
public sealed record ExcavationRowCounts(int Sites, int Areas, int Contexts, int Relations, int Finds, int Artifacts, int AuditEntries);

/// <summary>
/// Records sites, contexts, relations and finds through the real commands, each in its own scope,
/// failing the test when the setup itself is refused.
/// </summary>
public static class ExcavationSetup
{
    public const string Archaeologist = "hoa.archaeologist";

    public static async Task<Site> CreateSiteAsync(this TestCatalogue catalogue, SiteBuilder site, string userName = Archaeologist)
    {
        await using var scope = catalogue.As(userName);
        var result = await scope.Get<SiteCommands>().SaveAsync(site.Build(), isNew: true);
        AssertSucceeded(result, "Creating the site");
        return result.Value!;
    }

    public static Task<Site> CreateSiteAsync(this TestCatalogue catalogue, string code) => catalogue.CreateSiteAsync(new SiteBuilder(code));

    public static async Task<Area> AddAreaAsync(this TestCatalogue catalogue, string siteCode, string areaCode, AreaKind kind = AreaKind.Trench)
    {
        await using var scope = catalogue.As(Archaeologist);
        var result = await scope.Get<SiteCommands>().AddAreaAsync(new AddAreaCommand { SiteCode = siteCode, Code = areaCode, Kind = kind });
        AssertSucceeded(result, "Adding the area");
        return result.Value!;
    }

    public static async Task<Context> CreateContextAsync(this TestCatalogue catalogue, ContextBuilder context, string userName = Archaeologist)
    {
        await using var scope = catalogue.As(userName);
        var result = await scope.Get<ContextCommands>().SaveAsync(context.Build(), isNew: true);
        AssertSucceeded(result, "Recording the context");
        return result.Value!;
    }

    /// <summary>Records plain deposits with the given numbers.</summary>
    public static async Task CreateContextsAsync(this TestCatalogue catalogue, string siteCode, params int[] numbers)
    {
        foreach (var number in numbers)
            await catalogue.CreateContextAsync(new ContextBuilder(siteCode, number));
    }

    /// <summary>Records relations written one per statement ("1 above 2"), all in one batch.</summary>
    public static async Task RelateAsync(this TestCatalogue catalogue, string siteCode, params string[] statements)
    {
        await using var scope = catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddStatementsAsync(siteCode, string.Join('\n', statements));
        AssertSucceeded(result, "Recording the relations");
    }

    public static async Task<Find> RegisterFindAsync(this TestCatalogue catalogue, FindBuilder find, string userName = Archaeologist)
    {
        await using var scope = catalogue.As(userName);
        var result = await scope.Get<FindCommands>().RegisterAsync(find.Build());
        AssertSucceeded(result, "Registering the find");
        return result.Value!;
    }

    /// <summary>The stored find with its context, site and artifact, read in a fresh scope (nothing cached).</summary>
    public static async Task<Find?> ReadFindAsync(this TestCatalogue catalogue, string findNumber)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Db.Finds.AsNoTracking()
            .Include(f => f.Context).ThenInclude(c => c!.Site)
            .Include(f => f.Artifact)
            .SingleOrDefaultAsync(f => f.FindNumber == findNumber);
    }

    public static async Task<Context?> ReadContextAsync(this TestCatalogue catalogue, string siteCode, int number)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Db.Contexts.AsNoTracking().SingleOrDefaultAsync(c => c.SiteCode == siteCode && c.Number == number);
    }

    public static async Task<Site?> ReadSiteAsync(this TestCatalogue catalogue, string code)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Db.Sites.AsNoTracking().Include(s => s.Areas).SingleOrDefaultAsync(s => s.Code == code);
    }

    /// <summary>A site's stored relations as the engine reads them, e.g. "3 above 5".</summary>
    public static async Task<List<string>> ReadRelationsAsync(this TestCatalogue catalogue, string siteCode)
    {
        await using var scope = catalogue.As("reader");
        var rows = await scope.Db.ContextRelations.AsNoTracking().Where(r => r.SiteCode == siteCode)
            .OrderBy(r => r.Id).Select(r => new { From = r.From!.Number, r.Type, To = r.To!.Number }).ToListAsync();
        return rows.Select(r => new StratigraphicRelation(SiteStratigraphy.Key(r.From), r.Type, SiteStratigraphy.Key(r.To)).Describe()).ToList();
    }

    public static async Task<ExcavationRowCounts> CountExcavationRowsAsync(this TestCatalogue catalogue)
    {
        await using var scope = catalogue.As("reader");
        var db = scope.Db;
        return new ExcavationRowCounts(
            await db.Sites.CountAsync(), await db.Areas.CountAsync(), await db.Contexts.CountAsync(), await db.ContextRelations.CountAsync(),
            await db.Finds.CountAsync(), await db.Artifacts.CountAsync(), await db.AuditEntries.CountAsync());
    }

    /// <summary>Asserts a command was refused as invalid with a message on <paramref name="field"/>, and returns that message.</summary>
    public static string AssertRefusedOn<T>(CommandResult<T> result, string field)
    {
        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid), () => $"Expected a refusal on {field}; got {result.Failure}: {TestCatalogue.Describe(result.Errors)}");
        Assert.That(result.Value, Is.Null);
        Assert.That(result.Errors.Select(e => e.Field), Does.Contain(field), () => TestCatalogue.Describe(result.Errors));
        var message = string.Join(" ", result.Errors.Where(e => e.Field == field).Select(e => e.Message));
        Assert.That(message, Is.Not.Empty);
        return message;
    }

    public static void AssertSucceeded<T>(CommandResult<T> result, string what = "The command") =>
        Assert.That(result.Succeeded, Is.True, () => $"{what} failed ({result.Failure}): {TestCatalogue.Describe(result.Errors)}");
}
