using Catalogue.Core.Conservation;
using Catalogue.Core.Tests.Support;
using static Catalogue.Core.Tests.Support.ExcavationSetup;
using static Catalogue.Core.Tests.Support.LocationSetup;

namespace Catalogue.Core.Tests.Journey;

/// <summary>Moves, exhibitions and loans on an object's journey.</summary>
public sealed class JourneyTests
{
    private TestCatalogue _catalogue = null!;
    private string[] _objects = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateStoreAsync();
        _objects = await _catalogue.CreateArtifactsAsync(2);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    private async Task<IReadOnlyList<JourneyEvent>> JourneyOfAsync(string accessionNumber, params JourneyEventKind[] kinds)
    {
        await using var scope = _catalogue.As("reader");
        return (await scope.Get<JourneyQueries>().ForArtifactAsync(accessionNumber)).Where(e => kinds.Contains(e.Kind)).ToList();
    }

    [Test]
    public async Task EveryMove_IsOnTheJourneyWithWhereFromWhereToAndWhy()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0]);
        await _catalogue.MovedAsync("K1-R2-B3", Day1.AddDays(10), _objects[0]);

        var moves = await JourneyOfAsync(_objects[0], JourneyEventKind.Moved);

        Assert.That(moves.Select(Line), Is.EqualTo(new[]
        {
            (DateOnly.FromDateTime(Day1), JourneyEventKind.Moved, "K1-R1-S1-B1: Rehousing", "K1-R1-S1-B1"),
            (DateOnly.FromDateTime(Day1.AddDays(10)), JourneyEventKind.Moved, "K1-R1-S1-B1 → K1-R2-B3: Rehousing", "K1-R2-B3"),
        }));
    }

    [Test]
    public async Task ALoan_IsOnTheJourneyAsItsDispatchAndReturnRatherThanAsPlainMoves()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0]);
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await _catalogue.OnLoanAsync(loan, (c, v) => c.AgreeAsync(loan, v)));
        AssertSucceeded(await _catalogue.OnLoanAsync(loan, (c, v) => c.DispatchAsync(loan, v, new DateOnly(2024, 4, 18), withoutDepartureChecks: true)));
        AssertSucceeded(await _catalogue.OnLoanAsync(loan, (c, v) => c.ReturnAsync(loan, v, new DateOnly(2024, 10, 10), "K1-R2-B3")));

        var journey = await JourneyOfAsync(_objects[0], JourneyEventKind.Moved, JourneyEventKind.LoanDispatched, JourneyEventKind.LoanReturned);

        Assert.That(journey.Select(Line), Is.EqualTo(new[]
        {
            (DateOnly.FromDateTime(Day1), JourneyEventKind.Moved, "K1-R1-S1-B1: Rehousing", "K1-R1-S1-B1"),
            (new DateOnly(2024, 4, 18), JourneyEventKind.LoanDispatched, "to Musée Saint-Raymond, from K1-R1-S1-B1", loan),
            (new DateOnly(2024, 10, 10), JourneyEventKind.LoanReturned, "from Musée Saint-Raymond, to K1-R2-B3", loan),
        }));
    }

    [Test]
    public async Task AnExhibition_IsOnTheJourneyAtEachVenueTheObjectWentTo()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects);
        await _catalogue.CreateExhibitionAsync("EX-TLS", "Treasures of the citadel");
        await _catalogue.AddVenueAsync("EX-TLS", "18 Hoàng Diệu", "Hanoi", new DateOnly(2023, 4, 20), new DateOnly(2023, 8, 25));
        await _catalogue.AddVenueAsync("EX-TLS", "Musée Saint-Raymond", "Toulouse", new DateOnly(2024, 5, 1), new DateOnly(2024, 9, 30));
        await _catalogue.ShowAsync("EX-TLS", _objects[0]);
        await _catalogue.ShowAsync("EX-TLS", _objects[1]);
        var loan = await _catalogue.CreateLoanAsync("EX-TLS", _objects[0]);
        AssertSucceeded(await _catalogue.OnLoanAsync(loan, (c, v) => c.AgreeAsync(loan, v)));
        AssertSucceeded(await _catalogue.OnLoanAsync(loan, (c, v) => c.DispatchAsync(loan, v, new DateOnly(2024, 4, 18), withoutDepartureChecks: true)));

        var travelled = await JourneyOfAsync(_objects[0], JourneyEventKind.Exhibited);
        var stayed = await JourneyOfAsync(_objects[1], JourneyEventKind.Exhibited);

        Assert.That(travelled.Select(Line), Is.EqualTo(new[]
        {
            (new DateOnly(2023, 4, 20), JourneyEventKind.Exhibited, "Treasures of the citadel, 18 Hoàng Diệu, Hanoi, 2023-04-20 to 2023-08-25", "EX-TLS"),
            (new DateOnly(2024, 5, 1), JourneyEventKind.Exhibited, "Treasures of the citadel, Musée Saint-Raymond, Toulouse, 2024-05-01 to 2024-09-30", "EX-TLS"),
        }));
        Assert.That(stayed.Select(e => e.Summary), Is.EqualTo(new[] { "Treasures of the citadel, 18 Hoàng Diệu, Hanoi, 2023-04-20 to 2023-08-25" }),
            "An object not on the exhibition's loan did not travel to the venue abroad.");
    }

    [Test]
    public async Task TheJourney_IsInDateOrderAcrossAccessionMovesAndExhibitions()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0]);
        await _catalogue.CreateExhibitionAsync("EX-1");
        await _catalogue.AddVenueAsync("EX-1", "Hậu Lâu", "Hanoi", new DateOnly(2020, 6, 1), new DateOnly(2020, 12, 31));
        await _catalogue.ShowAsync("EX-1", _objects[0]);

        await using var scope = _catalogue.As("reader");
        var journey = await scope.Get<JourneyQueries>().ForArtifactAsync(_objects[0]);

        Assert.That(journey.Select(e => e.Date), Is.Ordered);
        Assert.That(journey.Select(e => e.Kind), Is.EquivalentTo(new[] { JourneyEventKind.Exhibited, JourneyEventKind.Moved, JourneyEventKind.Catalogued }),
            "without an accession date the journey says when the record was made, not that the object was accessioned then");
    }

    /// <summary>What a journey event says: its day, kind, line (in English) and the record it links to.</summary>
    private static (DateOnly, JourneyEventKind, string, string?) Line(JourneyEvent e) => (e.Date, e.Kind, e.Summary, e.Reference);
}
