using Catalogue.Core.Conservation;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Catalogue.Core.Samples;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Samples;

/// <summary>The shipped storage, movement, exhibition and loan sample (samples/locations.json), loaded once (then again); the tests only read.</summary>
public sealed class LocationSampleDataTests
{
    private const string ToulouseLoan = "LN-2019-0001";

    private TestCatalogue _catalogue = null!;
    private SampleLoadResult _first = null!;
    private SampleLoadResult _second = null!;
    private LocationRowCounts _afterFirst = null!;
    private LocationRowCounts _afterSecond = null!;

    [OneTimeSetUp]
    public async Task LoadTheSamplesTwice()
    {
        Assert.That(Path.Combine(TestCatalogue.SamplesDirectory, "locations.json"), Does.Exist, "The locations sample is copied beside the tests.");
        _catalogue = await TestCatalogue.StartAsync(seedTerms: false);
        await using (var scope = _catalogue.As("system"))
            _first = await scope.Get<SampleDataLoader>().LoadAsync(TestCatalogue.SamplesDirectory, progress: null);
        _afterFirst = await _catalogue.CountLocationRowsAsync();
        await using (var scope = _catalogue.As("system"))
            _second = await scope.Get<SampleDataLoader>().LoadAsync(TestCatalogue.SamplesDirectory, progress: null);
        _afterSecond = await _catalogue.CountLocationRowsAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public void Load_StoresTheHierarchyTheMovesAndTheLoansOutAndBack()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That((_first.Locations, _afterFirst.Locations), Is.EqualTo((164, 164)));
            Assert.That(_first.Moves, Is.EqualTo(675 + (2 * 24)), "The file's moves, plus each returned loan's 12 objects going out and coming back.");
            Assert.That(_afterFirst.Movements, Is.EqualTo(_first.Moves));
            Assert.That((_first.Exhibitions, _first.Loans, _first.LoanChecks), Is.EqualTo((3, 3, 94)));
        }
    }

    [Test]
    public void LoadingAgain_AddsNothing()
    {
        Assert.That((_second.Locations, _second.Moves, _second.Exhibitions, _second.Loans, _second.LoanChecks), Is.EqualTo((0, 0, 0, 0, 0)));
        Assert.That(_afterSecond with { AuditEntries = 0 }, Is.EqualTo(_afterFirst with { AuditEntries = 0 }));
    }

    [Test]
    public async Task EverySampleArtifact_IsInAStorageLocationOrOnLoan()
    {
        await using var scope = _catalogue.As("reader");
        var ids = await scope.Db.Artifacts.Select(a => a.Id).ToListAsync();
        var placements = await scope.Get<LocationQueries>().PlacementsAsync(ids);

        Assert.That(ids, Has.Count.EqualTo(360));
        Assert.That(placements.Keys, Is.EquivalentTo(ids));
        Assert.That(placements.Values.Where(p => p.LocationCode is null && p.LoanReference is null), Is.Empty);
        Assert.That(placements.Values.Count(p => p.LoanReference is not null), Is.Zero, "Both sample loans that left have come back.");
    }

    [Test]
    public async Task TheCurrentLocation_IsTheLatestMoveOfTheFile()
    {
        await using var scope = _catalogue.As("reader");
        var placement = await scope.Get<LocationQueries>().PlacementOfAsync("TL.2004.0049");

        Assert.That(placement!.LocationCode, Is.EqualTo("HT-M1-T4-N1-H02"));
        Assert.That(placement.Since, Is.EqualTo(new DateTime(2026, 10, 30, 8, 0, 0, DateTimeKind.Utc)));
        Assert.That(placement.Where, Does.StartWith("HT › HT-M1 › "));
    }

    [Test]
    public async Task TheToulouseExhibition_TravelledFromHanoiToToulouseAndBack()
    {
        await using var scope = _catalogue.As("reader");
        var view = await scope.Get<ExhibitionQueries>().DetailsAsync("EX-2019-TLS", publicOnly: false);

        Assert.That(view!.Exhibition.Venues.Select(v => v.City), Is.EqualTo(new[] { "Hanoi", "Toulouse", "Hanoi" }));
        Assert.That(view.Objects, Has.Count.EqualTo(25));
        Assert.That(view.Objects.Select(o => o.Label), Has.All.Matches<Core.Common.LocalizedText>(l => l.Vi != null && l.Fr != null && l.En != null));
        Assert.That(view.Loans, Is.EqualTo(new[] { ToulouseLoan }));
    }

    [Test]
    public async Task TheToulouseLoan_IsReturnedWithItsObjectsMovedOutAndBack()
    {
        await using var scope = _catalogue.As("reader");
        var loan = (await scope.Get<ExhibitionQueries>().LoanAsync(ToulouseLoan))!;
        var moves = await scope.Db.Movements.Where(m => m.LoanId == loan.Id).ToListAsync();

        Assert.That(loan.Status, Is.EqualTo(LoanStatus.Returned));
        Assert.That((loan.DispatchedOn, loan.ReturnedOn), Is.EqualTo(((DateOnly?)new DateOnly(2019, 9, 30), (DateOnly?)new DateOnly(2020, 7, 13))));
        Assert.That(loan.Objects, Has.Count.EqualTo(12));
        Assert.That(moves.Count(m => m.ToLocationId is null), Is.EqualTo(12));
        Assert.That(moves.Where(m => m.ToLocationId is not null).Select(m => m.MovedAt).Distinct(), Is.EqualTo(new[] { new DateTime(2020, 7, 13, 12, 0, 0, DateTimeKind.Utc) }));
    }

    [Test]
    public async Task TheToulouseLoan_HasEveryCheckButTheTwoBeforeReturnChecksTheSampleLeavesOutOnPurpose()
    {
        await using var scope = _catalogue.As("reader");
        var queries = scope.Get<ExhibitionQueries>();
        var checks = (await queries.ChecksAsync(ToulouseLoan))!;

        Assert.That(checks, Has.Count.EqualTo(48));
        Assert.That(checks.Where(c => c.IsMissing).Select(c => (c.AccessionNumber, c.Stage)),
            Is.EquivalentTo(new[] { ("TL.2003.0046", LoanStage.BeforeReturn), ("TL.2004.0026", LoanStage.BeforeReturn) }),
            "samples/README.md: these two are missing so that the loan page has something to warn about.");
        Assert.That((await queries.ChecksAsync("LN-2025-0001"))!.Where(c => c.IsMissing), Is.Empty);
        Assert.That((await queries.ChecksAsync("LN-2026-0001"))!.Where(c => c.IsDue), Is.Empty, "An agreed loan that has not left needs no check yet.");
    }

    [Test]
    public async Task TheLoanReportsOfTheConservationSample_AreLinkedToTheirLoansNotDuplicated()
    {
        await using var scope = _catalogue.As("reader");
        var loanPurposes = new[] { ConditionCheckPurpose.LoanDeparture, ConditionCheckPurpose.LoanArrival, ConditionCheckPurpose.LoanBeforeReturn, ConditionCheckPurpose.LoanReturn };
        var reports = await scope.Db.ConditionReports.Where(r => loanPurposes.Contains(r.Purpose))
            .Select(r => new { r.ArtifactId, r.Purpose, r.ExaminedOn, r.LoanId }).ToListAsync();

        Assert.That(_first.ConditionReports + (_first.LoanChecks - 72), Is.EqualTo(_afterFirst.ConditionReports), "72 checks were already in conservation.json; the 22 before-return checks are new.");
        Assert.That(reports, Has.Count.EqualTo(94));
        Assert.That(reports.Where(r => r.LoanId is null), Is.Empty);
        Assert.That(reports.GroupBy(r => (r.ArtifactId, r.Purpose, r.ExaminedOn)).Where(g => g.Count() > 1), Is.Empty);
    }

    [Test]
    public async Task AnObjectThatTravelled_HasItsExhibitionVenuesAndLoanOnItsJourney()
    {
        await using var scope = _catalogue.As("reader");
        var journey = await scope.Get<JourneyQueries>().ForArtifactAsync("TL.2002.0001");

        Assert.That(journey.Where(e => e.Kind == JourneyEventKind.Exhibited && e.Reference == "EX-2019-TLS").Select(e => e.Date),
            Is.EqualTo(new[] { new DateOnly(2019, 4, 20), new DateOnly(2019, 10, 11), new DateOnly(2020, 10, 1) }));
        Assert.That(journey.Where(e => e.Reference == ToulouseLoan).Select(e => (e.Kind, e.Date)), Is.EqualTo(new[]
        {
            (JourneyEventKind.LoanDispatched, new DateOnly(2019, 9, 30)),
            (JourneyEventKind.LoanReturned, new DateOnly(2020, 7, 13)),
        }));
        Assert.That(journey.Where(e => e.Kind == JourneyEventKind.Moved), Is.Not.Empty);
        Assert.That(journey.Select(e => e.Date), Is.Ordered);
    }
}
