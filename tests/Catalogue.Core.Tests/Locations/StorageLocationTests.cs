using Catalogue.Core.Locations;
using Catalogue.Core.Tests.Support;
using static Catalogue.Core.Tests.Support.ExcavationSetup;
using static Catalogue.Core.Tests.Support.LocationSetup;

namespace Catalogue.Core.Tests.Locations;

public sealed class StorageLocationTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync();

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Create_StoresTheLocationUnderItsParentWithItsCodeInCapitals()
    {
        await _catalogue.CreateLocationAsync("K1", kind: LocationKind.Building, name: "Store K1");
        await _catalogue.CreateLocationAsync(" k1-r2 ", "k1", LocationKind.Room, "Room 2");

        await using var scope = _catalogue.As("reader");
        var queries = scope.Get<LocationQueries>();
        var room = await queries.FindAsync("K1-R2");
        Assert.That(room, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(room!.Name, Is.EqualTo("Room 2"));
            Assert.That(room.Kind, Is.EqualTo(LocationKind.Room));
            Assert.That(room.CreatedBy, Is.EqualTo(Curator));
            Assert.That((await queries.PathAsync(room.Id)).Select(l => l.Code), Is.EqualTo(new[] { "K1", "K1-R2" }));
        }
    }

    [Test]
    public async Task Tree_ListsAnyDepthDepthFirstWithTheDepthOfEachLocation()
    {
        await _catalogue.CreateStoreAsync();

        await using var scope = _catalogue.As("reader");
        var tree = await scope.Get<LocationQueries>().TreeAsync();

        Assert.That(tree.Select(n => (n.Code, n.Depth)), Is.EqualTo(new[]
        {
            ("K1", 0), ("K1-R1", 1), ("K1-R1-S1", 2), ("K1-R1-S1-B1", 3), ("K1-R1-S1-B2", 3), ("K1-R2", 1), ("K1-R2-B3", 2),
        }));
    }

    [Test]
    public async Task Create_UnderAParentThatDoesNotExist_IsRefusedNamingParentCodeAndStoresNothing()
    {
        await _catalogue.CreateLocationAsync("K1", kind: LocationKind.Building);
        var before = await _catalogue.CountLocationRowsAsync();

        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<LocationCommands>().SaveAsync(new SaveLocationCommand { Code = "K9-R1", Name = "Room", ParentCode = "k9" }, isNew: true);

        Assert.That(AssertRefusedOn(result, "ParentCode"), Does.Contain("no location K9"));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Create_WithACodeAlreadyUsed_IsRefusedNamingCode()
    {
        await _catalogue.CreateLocationAsync("K1", kind: LocationKind.Building, name: "First");
        var before = await _catalogue.CountLocationRowsAsync();

        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<LocationCommands>().SaveAsync(new SaveLocationCommand { Code = "k1", Name = "Second" }, isNew: true);

        Assert.That(AssertRefusedOn(result, "Code"), Does.Contain("K1").And.Contain("already used"));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before));
    }

    [TestCase("", "Code", "required")]
    [TestCase("K 1", "Code", "capital letters")]
    [TestCase("K1_R2", "Code", "capital letters")]
    [TestCase("K1-ROOM-WITH-A-VERY-LONG-CODE-THAT-NEVER-ENDS", "Code", "1 to 40")]
    public async Task Create_WithABadCode_IsRefusedNamingCodeAndTheRule(string code, string field, string rule)
    {
        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<LocationCommands>().SaveAsync(new SaveLocationCommand { Code = code, Name = "Store" }, isNew: true);

        Assert.That(AssertRefusedOn(result, field), Does.Contain(rule));
        Assert.That((await _catalogue.CountLocationRowsAsync()).Locations, Is.Zero);
    }

    [Test]
    public async Task Create_WithoutAName_IsRefusedNamingName()
    {
        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<LocationCommands>().SaveAsync(new SaveLocationCommand { Code = "K1", Name = "  " }, isNew: true);

        Assert.That(AssertRefusedOn(result, "Name"), Does.Contain("name"));
        Assert.That((await _catalogue.CountLocationRowsAsync()).Locations, Is.Zero);
    }

    [Test]
    public async Task Create_WithANameTooLong_IsRefusedNamingNameAndTheLimit()
    {
        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<LocationCommands>().SaveAsync(new SaveLocationCommand { Code = "K1", Name = new string('x', 201) }, isNew: true);

        Assert.That(AssertRefusedOn(result, "Name"), Does.Contain("at most 200"));
    }

    [Test]
    public async Task Edit_MovesALocationUnderAnotherParentAndBumpsItsVersion()
    {
        await _catalogue.CreateStoreAsync();
        var box = await _catalogue.CreateLocationAsync("B9", "K1-R1-S1");

        await using (var scope = _catalogue.As(Curator))
        {
            var result = await scope.Get<LocationCommands>().SaveAsync(
                new SaveLocationCommand { Code = "B9", Name = "Spare box", Kind = LocationKind.Box, ParentCode = "K1-R2", Version = box.Version }, isNew: false);
            AssertSucceeded(result);
        }

        await using var reader = _catalogue.As("reader");
        var stored = await reader.Get<LocationQueries>().FindAsync("B9");
        Assert.That(stored!.Name, Is.EqualTo("Spare box"));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That((await reader.Get<LocationQueries>().PathAsync(stored.Id)).Select(l => l.Code), Is.EqualTo(new[] { "K1", "K1-R2", "B9" }));
    }

    [TestCase("K1-R1", "K1-R1")]
    [TestCase("K1-R1", "K1-R1-S1-B1")]
    [TestCase("K1", "K1-R2-B3")]
    public async Task Edit_PlacingALocationInsideItselfOrItsOwnSubLocation_IsRefusedNamingParentCode(string code, string parent)
    {
        await _catalogue.CreateStoreAsync();
        await using var reader = _catalogue.As("reader");
        var location = await reader.Get<LocationQueries>().FindAsync(code);
        var before = await _catalogue.CountLocationRowsAsync();

        await using (var scope = _catalogue.As(Curator))
        {
            var result = await scope.Get<LocationCommands>().SaveAsync(
                new SaveLocationCommand { Code = code, Name = location!.Name, Kind = location.Kind, ParentCode = parent, Version = location.Version }, isNew: false);
            Assert.That(AssertRefusedOn(result, "ParentCode"), Does.Contain("inside itself"));
        }

        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before));
        var unchanged = await reader.Get<LocationQueries>().FindAsync(code);
        Assert.That(unchanged!.ParentId, Is.EqualTo(location.ParentId));
    }

    [Test]
    public async Task Edit_FromAStaleVersion_IsAConflictAndChangesNothing()
    {
        var store = await _catalogue.CreateLocationAsync("K1", kind: LocationKind.Building, name: "Store");
        await using (var first = _catalogue.As(Curator))
            AssertSucceeded(await first.Get<LocationCommands>().SaveAsync(new SaveLocationCommand { Code = "K1", Name = "First edit", Kind = LocationKind.Building, Version = store.Version }, isNew: false));

        await using (var second = _catalogue.As("other.curator"))
        {
            var result = await second.Get<LocationCommands>().SaveAsync(new SaveLocationCommand { Code = "K1", Name = "Second edit", Kind = LocationKind.Building, Version = store.Version }, isNew: false);
            Assert.That(result.Failure, Is.EqualTo(Core.Common.FailureKind.Conflict));
        }

        await using var reader = _catalogue.As("reader");
        Assert.That((await reader.Get<LocationQueries>().FindAsync("K1"))!.Name, Is.EqualTo("First edit"));
    }

    [Test]
    public async Task CreateAndEdit_AreWrittenToTheLocationsHistory()
    {
        var store = await _catalogue.CreateLocationAsync("K1", kind: LocationKind.Building, name: "Store");
        await using (var scope = _catalogue.As("other.curator"))
            AssertSucceeded(await scope.Get<LocationCommands>().SaveAsync(new SaveLocationCommand { Code = "K1", Name = "Main store", Kind = LocationKind.Building, Version = store.Version }, isNew: false));

        var history = await _catalogue.AuditOfAsync(StorageLocation.AuditType, "K1");

        Assert.That(history.Select(h => (h.Action, h.UserName)), Is.EqualTo(new[] { (Core.Audit.AuditAction.Created, Curator), (Core.Audit.AuditAction.Updated, "other.curator") }));
        Assert.That(history[1].Changes, Does.Contain("Main store"));
    }
}
