using Catalogue.Core.Locations;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Catalogue.Core.Tests.Support.ExcavationSetup;
using static Catalogue.Core.Tests.Support.LocationSetup;

namespace Catalogue.Core.Tests.Locations;

public sealed class MovementTests
{
    private TestCatalogue _catalogue = null!;
    private string[] _objects = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateStoreAsync();
        _objects = await _catalogue.CreateArtifactsAsync(3);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task AnObjectNeverMoved_HasNoLocation()
    {
        Assert.That(await _catalogue.PlacementOfAsync(_objects[0]), Is.Null);
        Assert.That(await _catalogue.MoveHistoryAsync(_objects[0]), Is.Empty);
    }

    [Test]
    public async Task CurrentLocation_IsTheLatestMoveAfterASequenceOfMoves()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0]);
        await _catalogue.MovedAsync("K1-R2-B3", Day1.AddDays(10), _objects[0]);
        await _catalogue.MovedAsync("K1-R1-S1-B2", Day1.AddDays(30), _objects[0]);

        var placement = await _catalogue.PlacementOfAsync(_objects[0]);

        Assert.That(placement, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(placement!.LocationCode, Is.EqualTo("K1-R1-S1-B2"));
            Assert.That(placement.Where, Is.EqualTo("K1 › K1-R1 › K1-R1-S1 › K1-R1-S1-B2"));
            Assert.That(placement.Since, Is.EqualTo(Day1.AddDays(30)));
            Assert.That(placement.LoanReference, Is.Null);
        }
    }

    [Test]
    public async Task History_KeepsEveryMoveNewestFirstWithFromToWhenWhoAndWhy()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0]);
        await _catalogue.MovedAsync("K1-R2-B3", Day1.AddDays(10), _objects[0]);

        var history = await _catalogue.MoveHistoryAsync(_objects[0]);

        Assert.That(history, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(history[0].MovedAt, Is.EqualTo(Day1.AddDays(10)));
            Assert.That(history[0].From, Is.EqualTo("K1 › K1-R1 › K1-R1-S1 › K1-R1-S1-B1"));
            Assert.That(history[0].To, Is.EqualTo("K1 › K1-R2 › K1-R2-B3"));
            Assert.That(history[0].MovedBy, Is.EqualTo(Registrar));
            Assert.That(history[0].Reason, Is.EqualTo("Rehousing"));
            Assert.That(history[1].From, Is.Null, "The first move comes from nowhere recorded.");
        }
    }

    [Test]
    public async Task AMoveDatedBeforeThePreviousMove_IsRefusedNamingMovedAtAndLeavesTheLocation()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0]);
        await _catalogue.MovedAsync("K1-R2-B3", Day1.AddDays(10), _objects[0]);
        var before = await _catalogue.CountLocationRowsAsync();

        var result = await _catalogue.MoveAsync("K1-R1-S1-B2", Day1.AddDays(5), _objects[0]);

        Assert.That(AssertMoveRefusedOn(result, "MovedAt"), Does.Contain(_objects[0]).And.Contain("cannot be dated before"));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before));
        Assert.That((await _catalogue.PlacementOfAsync(_objects[0]))!.LocationCode, Is.EqualTo("K1-R2-B3"));
    }

    [Test]
    public async Task AMoveDatedInTheFuture_IsRefusedNamingMovedAt()
    {
        var result = await _catalogue.MoveAsync("K1-R1-S1-B1", DateTime.UtcNow.AddDays(2), _objects[0]);

        Assert.That(AssertMoveRefusedOn(result, "MovedAt"), Does.Contain("future"));
        Assert.That((await _catalogue.CountLocationRowsAsync()).Movements, Is.Zero);
    }

    [Test]
    public async Task AMoveWithoutADate_IsDatedNow()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);

        await _catalogue.MovedAsync("K1-R1-S1-B1", null, _objects[0]);

        Assert.That((await _catalogue.PlacementOfAsync(_objects[0]))!.Since, Is.InRange(before, DateTime.UtcNow.AddSeconds(1)));
    }

    [Test]
    public async Task AMoveToALocationThatDoesNotExist_IsRefusedNamingTheLocation()
    {
        var result = await _catalogue.MoveAsync("k1-r9", Day1, _objects[0]);

        Assert.That(AssertMoveRefusedOn(result, nameof(MoveCommand.ToLocationCode)), Does.Contain("no location K1-R9"));
        Assert.That((await _catalogue.CountLocationRowsAsync()).Movements, Is.Zero);
    }

    [Test]
    public async Task AMoveWithoutAReason_IsRefusedNamingReason()
    {
        await using var scope = _catalogue.As(Registrar);
        var result = await scope.Get<LocationCommands>().MoveAsync(new MoveCommand { AccessionNumbers = [_objects[0]], ToLocationCode = "K1-R1-S1-B1", MovedAt = Day1, Reason = " " });

        Assert.That(AssertMoveRefusedOn(result, nameof(MoveCommand.Reason)), Does.Contain("why"));
    }

    [Test]
    public async Task AMoveOfAnUnknownAccessionNumber_IsRefusedNamingTheNumber()
    {
        var result = await _catalogue.MoveAsync("K1-R1-S1-B1", Day1, "TL.2099.0001");

        Assert.That(AssertMoveRefusedOn(result, nameof(MoveCommand.AccessionNumbers)), Does.Contain("TL.2099.0001"));
        Assert.That((await _catalogue.CountLocationRowsAsync()).Movements, Is.Zero);
    }

    [Test]
    public async Task ABulkMove_MovesEveryObjectTogetherInOneBatch()
    {
        var result = await _catalogue.MoveAsync("K1-R1-S1-B1", Day1, [.. _objects.Select(n => n.ToLowerInvariant())]);

        AssertSucceeded(result);
        Assert.That(result.Value, Is.EqualTo(3));
        foreach (var number in _objects)
            Assert.That((await _catalogue.PlacementOfAsync(number))!.LocationCode, Is.EqualTo("K1-R1-S1-B1"));
        await using var scope = _catalogue.As("reader");
        Assert.That(await scope.Db.Movements.Select(m => m.Batch).Distinct().CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task ABulkMoveWithOneBadAccessionNumber_StoresNothingAndListsEveryProblem()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects);
        await _catalogue.MovedAsync("K1-R2-B3", Day1.AddDays(20), _objects[2]);
        var before = await _catalogue.CountLocationRowsAsync();

        var result = await _catalogue.MoveAsync("K1-R1-S1-B2", Day1.AddDays(10), [_objects[0], "TL.2099.0001", _objects[1], _objects[2], "TL.2099.0002"]);

        Assert.That(result.Succeeded, Is.False);
        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.That(messages, Has.Some.Contains("TL.2099.0001"));
        Assert.That(messages, Has.Some.Contains("TL.2099.0002"));
        Assert.That(messages, Has.Some.Contains(_objects[2]).And.Some.Contains("cannot be dated before"));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before), "Not even the objects that could move were moved.");
        Assert.That((await _catalogue.PlacementOfAsync(_objects[0]))!.LocationCode, Is.EqualTo("K1-R1-S1-B1"));
        Assert.That((await _catalogue.PlacementOfAsync(_objects[1]))!.LocationCode, Is.EqualTo("K1-R1-S1-B1"));
    }

    [Test]
    public async Task MovingTheContentsOfABox_MovesEverythingInItInOneStep()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0], _objects[1]);
        await _catalogue.MovedAsync("K1-R1-S1-B2", Day1, _objects[2]);

        await using (var scope = _catalogue.As(Registrar))
        {
            var result = await scope.Get<LocationCommands>().MoveContentsAsync("k1-r1-s1-b1", "K1-R2-B3", Day1.AddDays(1), "Box moved to room 2");
            AssertSucceeded(result);
            Assert.That(result.Value, Is.EqualTo(2));
        }

        Assert.That((await _catalogue.PlacementOfAsync(_objects[0]))!.LocationCode, Is.EqualTo("K1-R2-B3"));
        Assert.That((await _catalogue.PlacementOfAsync(_objects[1]))!.LocationCode, Is.EqualTo("K1-R2-B3"));
        Assert.That((await _catalogue.PlacementOfAsync(_objects[2]))!.LocationCode, Is.EqualTo("K1-R1-S1-B2"), "Only the box's contents move.");
    }

    [Test]
    public async Task MovingTheContentsOfAnEmptyOrUnknownBox_IsRefused()
    {
        await using var scope = _catalogue.As(Registrar);
        var commands = scope.Get<LocationCommands>();

        Assert.That(AssertMoveRefusedOn(await commands.MoveContentsAsync("K1-R1-S1-B1", "K1-R2-B3", Day1, "Rehousing"), "From"), Does.Contain("holds no objects"));
        Assert.That((await commands.MoveContentsAsync("K9", "K1-R2-B3", Day1, "Rehousing")).Failure, Is.EqualTo(Core.Common.FailureKind.NotFound));
    }

    [Test]
    public async Task Contents_ListWhatIsInALocationAndItsSubLocationsNow()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0]);
        await _catalogue.MovedAsync("K1-R1-S1-B2", Day1, _objects[1]);
        await _catalogue.MovedAsync("K1-R2-B3", Day1, _objects[2]);
        await _catalogue.MovedAsync("K1-R2-B3", Day1.AddDays(1), _objects[1]);

        await using var scope = _catalogue.As("reader");
        var queries = scope.Get<LocationQueries>();
        var room1 = await queries.ContentsAsync("K1-R1");
        var room2 = await queries.ContentsAsync("K1-R2");
        var store = await queries.ContentsAsync("K1");
        var tree = (await queries.TreeAsync()).ToDictionary(n => n.Code);

        Assert.That(room1!.Select(o => (o.AccessionNumber, o.LocationCode)), Is.EqualTo(new[] { (_objects[0], "K1-R1-S1-B1") }), "The object moved away is no longer listed.");
        Assert.That(room2!.Select(o => o.AccessionNumber), Is.EquivalentTo(new[] { _objects[1], _objects[2] }));
        Assert.That(store!.Select(o => o.AccessionNumber), Is.EquivalentTo(_objects));
        Assert.That(await queries.ContentsAsync("K9"), Is.Null);
        Assert.That((tree["K1"].ObjectsHere, tree["K1"].ObjectsWithin), Is.EqualTo((0, 3)));
        Assert.That((tree["K1-R2-B3"].ObjectsHere, tree["K1-R2-B3"].ObjectsWithin), Is.EqualTo((2, 2)));
        Assert.That(tree["K1-R1-S1-B2"].ObjectsWithin, Is.Zero);
    }

    [Test]
    public async Task EveryMove_IsWrittenToTheAuditTrailUnderTheObjectAndTheMover()
    {
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects[0], _objects[1]);

        var audit = await _catalogue.AuditOfAsync("Movement");

        Assert.That(audit.Select(a => a.EntityKey), Is.EquivalentTo(new[] { _objects[0], _objects[1] }));
        Assert.That(audit.Select(a => a.UserName), Has.All.EqualTo(Registrar));
        Assert.That(audit.Select(a => a.Action), Has.All.EqualTo(Core.Audit.AuditAction.Created));
    }
}
