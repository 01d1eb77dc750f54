using Catalogue.Core.Locations;
using Catalogue.Core.Tests.Support;
using static Catalogue.Core.Tests.Support.ExcavationSetup;
using static Catalogue.Core.Tests.Support.LocationSetup;

namespace Catalogue.Core.Tests.Locations;

public sealed class InventoryCheckTests
{
    private TestCatalogue _catalogue = null!;
    private string[] _objects = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateStoreAsync();
        _objects = await _catalogue.CreateArtifactsAsync(4);
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0], _objects[1]);
        await _catalogue.MovedAsync("K1-R1-S1-B2", Day1, _objects[2]);
        await _catalogue.MovedAsync("K1-R2-B3", Day1, _objects[3]);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    private async Task<Core.Common.CommandResult<InventoryCheck>> CheckAsync(InventoryCommand command)
    {
        await using var scope = _catalogue.As("lan.registrar");
        return await scope.Get<LocationCommands>().InventoryAsync(command);
    }

    [Test]
    public async Task Check_RecordsWhatIsPresentMissingAndFoundHere_DatedAndSigned()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);

        var result = await CheckAsync(new InventoryCommand
        {
            LocationCode = "k1-r1-s1",
            Present = [_objects[0], _objects[2]],
            FoundHere = [_objects[3]],
            Notes = "Box B1 lid cracked.",
        });

        AssertSucceeded(result);
        await using var scope = _catalogue.As("reader");
        var stored = (await scope.Get<LocationQueries>().InventoriesAsync("K1-R1-S1")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.CheckedAt, Is.InRange(before, DateTime.UtcNow.AddSeconds(1)));
            Assert.That(stored.CheckedBy, Is.EqualTo("lan.registrar"));
            Assert.That(stored.Notes, Is.EqualTo("Box B1 lid cracked."));
            Assert.That(stored.Items.Select(i => (i.AccessionNumber, i.Result)), Is.EquivalentTo(new[]
            {
                (_objects[0], InventoryResult.Present),
                (_objects[1], InventoryResult.Missing),
                (_objects[2], InventoryResult.Present),
                (_objects[3], InventoryResult.FoundHere),
            }), "Sub-locations are checked too; what is not ticked is missing.");
            Assert.That((stored.Present, stored.Missing, stored.FoundHere), Is.EqualTo((2, 1, 1)));
        }

        Assert.That((await _catalogue.PlacementOfAsync(_objects[3]))!.LocationCode, Is.EqualTo("K1-R2-B3"), "Without asking, nothing is moved.");
    }

    [Test]
    public async Task Check_AnExpectedObjectListedAsFoundHere_IsPresentNotMissing()
    {
        AssertSucceeded(await CheckAsync(new InventoryCommand { LocationCode = "K1-R1-S1-B1", Present = [_objects[0]], FoundHere = [_objects[1]] }));

        await using var scope = _catalogue.As("reader");
        var stored = (await scope.Get<LocationQueries>().InventoriesAsync("K1-R1-S1-B1")).Single();
        Assert.That(stored.Items.Select(i => i.Result), Has.All.EqualTo(InventoryResult.Present));
    }

    [Test]
    public async Task Check_CanMoveWhatWasFoundHereToTheCheckedLocation()
    {
        AssertSucceeded(await CheckAsync(new InventoryCommand { LocationCode = "K1-R1-S1-B1", Present = [.. _objects[..2]], FoundHere = [_objects[3]], MoveFoundHere = true }));

        var placement = await _catalogue.PlacementOfAsync(_objects[3]);
        Assert.That(placement!.LocationCode, Is.EqualTo("K1-R1-S1-B1"));
        var history = await _catalogue.MoveHistoryAsync(_objects[3]);
        Assert.That(history[0].Reason, Does.Contain("inventory check"));
    }

    [Test]
    public async Task Check_WhoseFoundObjectsCannotBeMoved_StoresNeitherTheCheckNorAnyMove()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[3]);
        AssertSucceeded(await _catalogue.OnLoanAsync(loan, (c, v) => c.AgreeAsync(loan, v)));
        AssertSucceeded(await _catalogue.OnLoanAsync(loan, (c, v) => c.DispatchAsync(loan, v, DateOnly.FromDateTime(Day1.AddDays(3)), withoutDepartureChecks: true)));
        var before = await _catalogue.CountLocationRowsAsync();

        var result = await CheckAsync(new InventoryCommand { LocationCode = "K1-R1-S1-B1", Present = [.. _objects[..2]], FoundHere = [_objects[3]], MoveFoundHere = true });

        Assert.That(AssertRefusedOn(result, nameof(InventoryCommand.FoundHere)), Does.Contain("on loan"));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Check_NamingAnUnknownObjectAsFoundHere_IsRefusedAndStoresNothing()
    {
        var result = await CheckAsync(new InventoryCommand { LocationCode = "K1-R1-S1-B1", FoundHere = ["TL.2099.0001"] });

        Assert.That(AssertRefusedOn(result, nameof(InventoryCommand.FoundHere)), Does.Contain("TL.2099.0001"));
        Assert.That((await _catalogue.CountLocationRowsAsync()).InventoryChecks, Is.Zero);
    }

    [Test]
    public async Task Check_OfALocationThatDoesNotExist_IsNotFound()
    {
        var result = await CheckAsync(new InventoryCommand { LocationCode = "K9" });

        Assert.That(result.Failure, Is.EqualTo(Core.Common.FailureKind.NotFound));
    }

    [Test]
    public async Task Check_WithNotesTooLong_IsRefusedNamingNotes()
    {
        var result = await CheckAsync(new InventoryCommand { LocationCode = "K1-R1-S1-B1", Notes = new string('x', 2001) });

        Assert.That(AssertRefusedOn(result, nameof(InventoryCommand.Notes)), Does.Contain("2000"));
        Assert.That((await _catalogue.CountLocationRowsAsync()).InventoryChecks, Is.Zero);
    }

    [Test]
    public async Task AnObjectAnInventoryDidNotFind_IsMissingUntilALaterCheckFindsItOrAMovePlacesIt()
    {
        AssertSucceeded(await CheckAsync(new InventoryCommand { LocationCode = "K1-R1-S1", Present = [_objects[0]] }));
        await using (var scope = _catalogue.As("reader"))
        {
            var missing = await scope.Get<LocationQueries>().MissingAsync();
            Assert.That(missing.Select(m => (m.AccessionNumber, m.LocationCode, m.CheckedBy)), Is.EquivalentTo(new[]
            {
                (_objects[1], "K1-R1-S1", "lan.registrar"),
                (_objects[2], "K1-R1-S1", "lan.registrar"),
            }));
            Assert.That((await scope.Get<LocationQueries>().MissingAsync(_objects[0])), Is.Empty, "what was ticked is not missing");
        }

        AssertSucceeded(await CheckAsync(new InventoryCommand { LocationCode = "K1-R1-S1-B2", Present = [_objects[2]] }));
        await _catalogue.MovedAsync("K1-R2-B3", null, _objects[1]);

        await using var reader = _catalogue.As("reader");
        Assert.That(await reader.Get<LocationQueries>().MissingAsync(), Is.Empty,
            "a later check found one, and a move placed the other");
    }

    [Test]
    public async Task Checks_AreKeptNewestFirstAndWrittenToTheAuditTrail()
    {
        AssertSucceeded(await CheckAsync(new InventoryCommand { LocationCode = "K1-R2-B3", Present = [_objects[3]] }));
        AssertSucceeded(await CheckAsync(new InventoryCommand { LocationCode = "K1-R2-B3" }));

        await using var scope = _catalogue.As("reader");
        var checks = await scope.Get<LocationQueries>().InventoriesAsync("K1-R2-B3");
        var audit = await _catalogue.AuditOfAsync("InventoryCheck");

        Assert.That(checks.Select(c => c.Missing), Is.EqualTo(new[] { 1, 0 }));
        Assert.That(audit, Has.Count.EqualTo(2));
        Assert.That(audit.Select(a => a.EntityKey), Has.All.StartsWith("K1-R2-B3@"));
        Assert.That(audit.Select(a => a.UserName), Has.All.EqualTo("lan.registrar"));
    }
}
