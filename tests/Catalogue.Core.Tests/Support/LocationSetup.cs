using Catalogue.Core.Audit;
using Catalogue.Core.Conservation;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Microsoft.EntityFrameworkCore;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Support;

/// <summary>What a refused location, move or loan command must leave untouched.</summary>
public sealed record LocationRowCounts(int Locations, int Movements, int InventoryChecks, int Exhibitions, int Loans, int ConditionReports, int AuditEntries);

/// <summary>
/// Records storage locations, moves, exhibitions and loans through the real commands, each in its own scope,
/// failing the test when the setup itself is refused.
/// </summary>
public static class LocationSetup
{
    public const string Curator = "mai.curator";
    public const string Registrar = "anh.registrar";

    /// <summary>A day well in the past, so any sequence of test moves stays out of the future.</summary>
    public static readonly DateTime Day1 = new(2024, 3, 4, 9, 0, 0, DateTimeKind.Utc);

    public static async Task<StorageLocation> CreateLocationAsync(this TestCatalogue catalogue, string code, string? parent = null, LocationKind kind = LocationKind.Box, string? name = null)
    {
        await using var scope = catalogue.As(Curator);
        var result = await scope.Get<LocationCommands>().SaveAsync(new SaveLocationCommand { Code = code, Name = name ?? $"Location {code}", Kind = kind, ParentCode = parent }, isNew: true);
        AssertSucceeded(result, $"Creating location {code}");
        return result.Value!;
    }

    /// <summary>Store K1 › room R1 › shelf S1 › boxes B1 and B2, and room R2 with box B3.</summary>
    public static async Task CreateStoreAsync(this TestCatalogue catalogue)
    {
        await catalogue.CreateLocationAsync("K1", kind: LocationKind.Building);
        await catalogue.CreateLocationAsync("K1-R1", "K1", LocationKind.Room);
        await catalogue.CreateLocationAsync("K1-R1-S1", "K1-R1", LocationKind.Shelf);
        await catalogue.CreateLocationAsync("K1-R1-S1-B1", "K1-R1-S1");
        await catalogue.CreateLocationAsync("K1-R1-S1-B2", "K1-R1-S1");
        await catalogue.CreateLocationAsync("K1-R2", "K1", LocationKind.Room);
        await catalogue.CreateLocationAsync("K1-R2-B3", "K1-R2");
    }

    public static async Task<Core.Common.CommandResult<int>> MoveAsync(this TestCatalogue catalogue, string to, DateTime? at, params string[] accessionNumbers)
    {
        await using var scope = catalogue.As(Registrar);
        return await scope.Get<LocationCommands>().MoveAsync(new MoveCommand
        {
            AccessionNumbers = [.. accessionNumbers],
            ToLocationCode = to,
            MovedAt = at,
            Reason = "Rehousing",
        });
    }

    /// <summary>Asserts a move was refused as invalid with a message on <paramref name="field"/> (its value is a count, never null).</summary>
    public static string AssertMoveRefusedOn(Core.Common.CommandResult<int> result, string field)
    {
        Assert.That(result.Failure, Is.EqualTo(Core.Common.FailureKind.Invalid), () => $"Expected a refusal on {field}; got {result.Failure}: {TestCatalogue.Describe(result.Errors)}");
        Assert.That(result.Errors.Select(e => e.Field), Does.Contain(field), () => TestCatalogue.Describe(result.Errors));
        return string.Join(" ", result.Errors.Where(e => e.Field == field).Select(e => e.Message));
    }

    public static async Task MovedAsync(this TestCatalogue catalogue, string to, DateTime? at, params string[] accessionNumbers) =>
        AssertSucceeded(await catalogue.MoveAsync(to, at, accessionNumbers), $"Moving {string.Join(", ", accessionNumbers)} to {to}");

    public static async Task<Placement?> PlacementOfAsync(this TestCatalogue catalogue, string accessionNumber)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Get<LocationQueries>().PlacementOfAsync(accessionNumber);
    }

    public static async Task<IReadOnlyList<MovementView>> MoveHistoryAsync(this TestCatalogue catalogue, string accessionNumber)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Get<LocationQueries>().HistoryAsync(accessionNumber);
    }

    /// <summary>Creates artifacts TL.2023.0001, TL.2023.0002, ... and returns their numbers.</summary>
    public static async Task<string[]> CreateArtifactsAsync(this TestCatalogue catalogue, int count)
    {
        var numbers = Enumerable.Range(1, count).Select(i => $"TL.2023.{i:0000}").ToArray();
        foreach (var number in numbers)
            await catalogue.CreateArtifactAsync(catalogue.Artifact(number).WithTitleEn($"Bowl {number}"));
        return numbers;
    }

    public static async Task<Exhibition> CreateExhibitionAsync(this TestCatalogue catalogue, string code, string titleEn = "Thăng Long treasures")
    {
        await using var scope = catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().SaveAsync(new SaveExhibitionCommand { Code = code, TitleEn = titleEn, TitleVi = "Báu vật Thăng Long", TitleFr = "Trésors de Thăng Long" }, isNew: true);
        AssertSucceeded(result, $"Creating exhibition {code}");
        return result.Value!;
    }

    public static async Task AddVenueAsync(this TestCatalogue catalogue, string exhibition, string institution, string city, DateOnly opens, DateOnly closes)
    {
        await using var scope = catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().AddVenueAsync(exhibition, new VenueInput { Institution = institution, City = city, OpensOn = opens, ClosesOn = closes });
        AssertSucceeded(result, $"Adding venue {institution}");
    }

    public static async Task ShowAsync(this TestCatalogue catalogue, string exhibition, string accessionNumber, string labelEn = "A celadon bowl.")
    {
        await using var scope = catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().ShowAsync(exhibition, new ExhibitObjectInput { AccessionNumber = accessionNumber, LabelEn = labelEn, LabelVi = "Bát men ngọc.", LabelFr = "Bol céladon." });
        AssertSucceeded(result, $"Showing {accessionNumber}");
    }

    /// <summary>A loan out to Toulouse with these objects, still requested; returns its reference.</summary>
    public static async Task<string> CreateLoanAsync(this TestCatalogue catalogue, string? exhibition, params string[] accessionNumbers)
    {
        await using var scope = catalogue.As(Registrar);
        var commands = scope.Get<ExhibitionCommands>();
        var created = await commands.SaveLoanAsync(null, new SaveLoanCommand
        {
            Institution = "Musée Saint-Raymond",
            Contact = "Hélène Castagné, registrar",
            AgreementFrom = new DateOnly(2024, 4, 1),
            AgreementTo = new DateOnly(2024, 10, 31),
            Courier = "Lê Thị Hoa",
            ExhibitionCode = exhibition,
        });
        AssertSucceeded(created, "Creating the loan");
        foreach (var number in accessionNumbers)
            AssertSucceeded(await commands.IncludeAsync(created.Value!.Reference, number, 45000m, "eur"), $"Including {number}");
        return created.Value!.Reference;
    }

    public static async Task<Loan> ReadLoanAsync(this TestCatalogue catalogue, string reference)
    {
        await using var scope = catalogue.As("reader");
        return (await scope.Get<ExhibitionQueries>().LoanAsync(reference))!;
    }

    /// <summary>Runs one loan command as the registrar, from the loan's current version.</summary>
    public static async Task<Core.Common.CommandResult<Loan>> OnLoanAsync(this TestCatalogue catalogue, string reference, Func<ExhibitionCommands, int, Task<Core.Common.CommandResult<Loan>>> command)
    {
        var version = (await catalogue.ReadLoanAsync(reference)).Version;
        await using var scope = catalogue.As(Registrar);
        return await command(scope.Get<ExhibitionCommands>(), version);
    }

    /// <summary>A condition report made through the conservation commands, optionally as a check for a loan.</summary>
    public static async Task<Core.Common.CommandResult<ConditionReport>> ReportAsync(
        this TestCatalogue catalogue, string accessionNumber, ConditionCheckPurpose purpose, DateOnly on, string? loan)
    {
        await using var scope = catalogue.As("thu.conservator");
        return await scope.Get<ConservationCommands>().CreateReportAsync(new ConditionReportInput
        {
            AccessionNumber = accessionNumber,
            ExaminedOn = on,
            Examiner = "Nguyễn Thu Trang",
            Purpose = purpose,
            Overall = OverallCondition.Good,
            LoanReference = loan,
        });
    }

    public static async Task<IReadOnlyList<LoanCheck>> ChecksAsync(this TestCatalogue catalogue, string reference)
    {
        await using var scope = catalogue.As("reader");
        return (await scope.Get<ExhibitionQueries>().ChecksAsync(reference))!;
    }

    public static async Task<LocationRowCounts> CountLocationRowsAsync(this TestCatalogue catalogue)
    {
        await using var scope = catalogue.As("reader");
        var db = scope.Db;
        return new LocationRowCounts(
            await db.Locations.CountAsync(), await db.Movements.CountAsync(), await db.InventoryChecks.CountAsync(), await db.Exhibitions.CountAsync(),
            await db.Loans.CountAsync(), await db.ConditionReports.CountAsync(), await db.AuditEntries.CountAsync());
    }

    public static async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(this TestCatalogue catalogue, string entityType, string? key = null)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType && (key == null || e.EntityKey == key))
            .OrderBy(e => e.Sequence).ToListAsync();
    }
}
