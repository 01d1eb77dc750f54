using Catalogue.Core.Excavation;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Infrastructure;

/// <summary>
/// Sites, contexts, relations and finds recorded through the app's own commands (each in its own scope, as a request
/// would), for tests whose subject is what comes after the field record: the matrix, the API, accession, the public view.
/// Every failure stops the test with the command's own messages.
/// </summary>
public sealed class ExcavationRecords(IServiceProvider services)
{
    private static int nextSite;

    /// <summary>A site code no sample uses and no other test has taken (WT1, WT2, ...).</summary>
    public static string NewSiteCode() => $"WT{Interlocked.Increment(ref nextSite)}";

    /// <summary>Records a new site with the given code (a new one when none is given) and returns its code.</summary>
    public async Task<string> SiteAsync(
        string? code = null, string? nameEn = null, string? nameVi = null, decimal? latitude = null, decimal? longitude = null, params (string Code, AreaKind Kind)[] areas)
    {
        code ??= NewSiteCode();
        await InScopeAsync(async scope =>
        {
            var commands = scope.GetRequiredService<SiteCommands>();
            var site = await commands.SaveAsync(new SaveSiteCommand
            {
                Code = code, NameEn = nameEn ?? $"Test site {code}", NameVi = nameVi, Latitude = latitude, Longitude = longitude,
            }, isNew: true);
            Expect(site.Succeeded, $"recording site {code}", site.Errors);
            foreach (var (areaCode, kind) in areas)
            {
                var area = await commands.AddAreaAsync(new AddAreaCommand { SiteCode = code, Code = areaCode, Kind = kind });
                Expect(area.Succeeded, $"adding {kind} {areaCode} to {code}", area.Errors);
            }
        });
        return code;
    }

    /// <summary>Records a site with deposits of the given numbers.</summary>
    public async Task<string> SiteWithContextsAsync(params int[] numbers)
    {
        var code = await SiteAsync();
        foreach (var number in numbers)
            await ContextAsync(code, number);
        return code;
    }

    public Task ContextAsync(string siteCode, int number, ContextType type = ContextType.Deposit, int? periodId = null, string? phase = null) =>
        InScopeAsync(async scope =>
        {
            var result = await scope.GetRequiredService<ContextCommands>().SaveAsync(new SaveContextCommand
            {
                SiteCode = siteCode, Number = number, Type = type, PeriodId = periodId, Phase = phase, Description = $"Context {number}",
            }, isNew: true);
            Expect(result.Succeeded, $"recording context {siteCode}/{number}", result.Errors);
        });

    /// <summary>Records relations written one per line, as on the Relations page ("12 above 15").</summary>
    public Task RelationsAsync(string siteCode, params string[] statements) =>
        InScopeAsync(async scope =>
        {
            var result = await scope.GetRequiredService<SiteStratigraphy>().AddStatementsAsync(siteCode, string.Join('\n', statements));
            Expect(result.Succeeded, $"recording relations in {siteCode}", result.Errors);
        });

    /// <summary>Registers a find (the next number of the site unless the command names one) and returns its number.</summary>
    public async Task<string> FindAsync(SaveFindCommand command)
    {
        string number = string.Empty;
        await InScopeAsync(async scope =>
        {
            var result = await scope.GetRequiredService<FindCommands>().RegisterAsync(command);
            Expect(result.Succeeded, $"registering a find in {command.SiteCode}/{command.ContextNumber}", result.Errors);
            number = result.Value!.FindNumber;
        });
        return number;
    }

    /// <summary>
    /// A bowl of stoneware found in a context of the Lý dynasty (phase "Phase 3") that has one context directly above it
    /// and one directly below, on a site with coordinates, the find itself with a grid position: everything a provenance can show.
    /// </summary>
    public async Task<ExcavatedFind> StratifiedFindAsync(int context = 2)
    {
        var bowl = await TermAsync(Vocabulary.ObjectType, "bowl");
        var stoneware = await TermAsync(Vocabulary.Material, "stoneware");
        var ly = await TermAsync(Vocabulary.Period, "ly");
        var code = NewSiteCode();
        var name = $"Citadel test site {code}";
        await SiteAsync(code, nameEn: name, nameVi: "Hoàng thành Thăng Long", latitude: ExcavatedFind.Latitude, longitude: ExcavatedFind.Longitude);
        await ContextAsync(code, context - 1);
        await ContextAsync(code, context, periodId: ly.Id, phase: "Phase 3");
        await ContextAsync(code, context + 1);
        await RelationsAsync(code, $"{context - 1} above {context}", $"{context} above {context + 1}");
        var find = await FindAsync(new SaveFindCommand
        {
            SiteCode = code, ContextNumber = context, ObjectTypeId = bowl.Id, MaterialId = stoneware.Id,
            X = ExcavatedFind.X, Y = ExcavatedFind.Y, Z = ExcavatedFind.Z, FoundOn = new DateOnly(2024, 3, 15), RecordedBy = "Nguyễn Thị Hoa",
        });
        return new ExcavatedFind(code, name, context - 1, context, context + 1, find, bowl, stoneware, ly);
    }

    public Task DiscardAsync(string findNumber) =>
        InScopeAsync(async scope =>
        {
            var result = await scope.GetRequiredService<FindCommands>().DiscardAsync(findNumber);
            Expect(result.Succeeded, $"discarding {findNumber}", result.Errors);
        });

    /// <summary>A term of the sample vocabularies, by its code (e.g. "bowl", "stoneware", "ly").</summary>
    public async Task<VocabularyTerm> TermAsync(Vocabulary vocabulary, string code)
    {
        VocabularyTerm? term = null;
        await InScopeAsync(async scope => term = await scope.GetRequiredService<Core.Data.CatalogueDbContext>().Terms.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Vocabulary == vocabulary && t.Code == code));
        return term ?? throw new AssertionException($"The sample vocabularies have no {vocabulary} term '{code}'; these tests need it.");
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private static void Expect(bool succeeded, string what, IEnumerable<Core.Common.FieldError> errors)
    {
        if (!succeeded)
            throw new AssertionException($"Test setup failed {what}: {string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
    }
}

/// <summary>A registered find with its site and the contexts around it (see <see cref="ExcavationRecords.StratifiedFindAsync"/>).</summary>
public sealed record ExcavatedFind(
    string Site, string SiteName, int ContextAbove, int Context, int ContextBelow, string FindNumber,
    VocabularyTerm ObjectType, VocabularyTerm Material, VocabularyTerm Period)
{
    public const decimal Latitude = 21.0343m;
    public const decimal Longitude = 105.8402m;
    public const decimal X = 12.345m;
    public const decimal Y = 67.891m;
    public const decimal Z = 3.217m;
}
