using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Tests.Support;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Excavation;

public sealed class ContextCommandsTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogueWithTwoSites()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateSiteAsync("HD18");
        await _catalogue.CreateSiteAsync("DM");
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Create_StoresEveryFieldOfTheContextSheet()
    {
        var area = await _catalogue.AddAreaAsync("HD18", "A20");

        await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Cut().InArea(area.Id).Levels(9.5m, 8.7m).Munsell("10yr 4/3")
            .Dug(new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 9)).InPeriod(_catalogue.Terms.Ly.Id).Phase("Lý 2")
            .Described("Pit cut, steep sides").DugBy("Nguyễn Văn Hoà"));

        var stored = await _catalogue.ReadContextAsync("HD18", 12);
        Assert.That(stored, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.Type, Is.EqualTo(ContextType.Cut));
            Assert.That(stored.Label, Is.EqualTo("[12]"), "A cut is written in square brackets.");
            Assert.That(stored.AreaId, Is.EqualTo(area.Id));
            Assert.That(stored.TopLevel, Is.EqualTo(9.5m));
            Assert.That(stored.BottomLevel, Is.EqualTo(8.7m));
            Assert.That(stored.MunsellColour, Is.EqualTo("10YR 4/3"));
            Assert.That(stored.OpenedOn, Is.EqualTo(new DateOnly(2023, 3, 1)));
            Assert.That(stored.ClosedOn, Is.EqualTo(new DateOnly(2023, 3, 9)));
            Assert.That(stored.PeriodId, Is.EqualTo(_catalogue.Terms.Ly.Id));
            Assert.That(stored.Phase, Is.EqualTo("Lý 2"));
            Assert.That(stored.Excavator, Is.EqualTo("Nguyễn Văn Hoà"));
            Assert.That(stored.CreatedBy, Is.EqualTo(Archaeologist));
        }
    }

    [Test]
    public async Task NextNumber_ProposesOneMoreThanTheHighestNumberOfThatSiteOnly()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var commands = scope.Get<ContextCommands>();
        Assert.That(await commands.NextNumberAsync("HD18"), Is.EqualTo(1), "An empty site starts at 1.");

        await _catalogue.CreateContextsAsync("HD18", 1, 7);
        await _catalogue.CreateContextsAsync("DM", 40);
        var proposed = await commands.NextNumberAsync("HD18");
        AssertSucceeded(await commands.SaveAsync(new ContextBuilder("HD18", proposed).Build(), isNew: true));

        Assert.That(proposed, Is.EqualTo(8));
        Assert.That(await _catalogue.ReadContextAsync("HD18", 8), Is.Not.Null);
        Assert.That(await commands.NextNumberAsync("HD18"), Is.EqualTo(9));
    }

    [Test]
    public async Task Create_WithANumberTheSiteAlreadyHas_IsRefusedNamingNumberAndKeepsTheFirst()
    {
        await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Described("First"));
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("HD18", 12).Described("Second").Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "Number"), Does.Contain("12").And.Contain("HD18"));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
        Assert.That((await _catalogue.ReadContextAsync("HD18", 12))!.Description, Is.EqualTo("First"));
    }

    [Test]
    public async Task Create_WithoutANumber_IsRefusedNamingNumber()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("HD18", null).Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "Number"), Does.Contain("required"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Contexts, Is.Zero);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  \n ")]
    public async Task Create_WithoutADescription_IsRefusedNamingDescription(string? description)
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("HD18", 12).Described(description).Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "Description"), Does.Contain("required"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Contexts, Is.Zero);
    }

    [TestCase(0)]
    [TestCase(1_000_000)]
    public async Task Create_WithANumberOutOfRange_IsRefusedNamingNumber(int number)
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("HD18", number).Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "Number"), Does.Contain("between 1 and 999999"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Contexts, Is.Zero);
    }

    [Test]
    public async Task Create_WithANumberAnotherSiteUses_IsAllowed()
    {
        await _catalogue.CreateContextsAsync("HD18", 12);

        await using (var scope = _catalogue.As(Archaeologist))
            AssertSucceeded(await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("DM", 12).Build(), isNew: true));

        Assert.That(await _catalogue.ReadContextAsync("HD18", 12), Is.Not.Null);
        Assert.That(await _catalogue.ReadContextAsync("DM", 12), Is.Not.Null);
    }

    [Test]
    public async Task Create_WithTheBottomLevelAboveTheTopLevel_IsRefusedNamingBottomLevelAndStoresNothing()
    {
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("HD18", 12).Levels(8.7m, 9.5m).Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "BottomLevel"), Does.Contain("9.5").And.Contain("8.7"));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
        Assert.That(await _catalogue.ReadContextAsync("HD18", 12), Is.Null);
    }

    [Test]
    public async Task Create_WithEqualTopAndBottomLevels_IsAllowed()
    {
        await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 3).Levels(9.1m, 9.1m));

        Assert.That((await _catalogue.ReadContextAsync("HD18", 3))!.BottomLevel, Is.EqualTo(9.1m));
    }

    [TestCase("brown")]
    [TestCase("10YR")]
    [TestCase("10YR 4-3")]
    [TestCase("4/3")]
    public async Task Create_WithSomethingThatIsNotAMunsellColour_IsRefusedNamingMunsellColour(string colour)
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("HD18", 12).Munsell(colour).Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "MunsellColour"), Does.Contain("10YR 4/3"), "The message shows what a colour looks like.");
        Assert.That(await _catalogue.ReadContextAsync("HD18", 12), Is.Null);
    }

    [TestCase("10YR 4/3", "10YR 4/3")]
    [TestCase("7.5YR 5/6", "7.5YR 5/6")]
    [TestCase("N 5/", "N 5/")]
    [TestCase("2.5y 6/2", "2.5Y 6/2")]
    public async Task Create_WithAMunsellColour_StoresItInCapitals(string colour, string expected)
    {
        await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Munsell(colour));

        Assert.That((await _catalogue.ReadContextAsync("HD18", 12))!.MunsellColour, Is.EqualTo(expected));
    }

    [Test]
    public async Task Create_ClosedBeforeItWasOpened_IsRefusedNamingClosedOn()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(
            new ContextBuilder("HD18", 12).Dug(new DateOnly(2023, 3, 9), new DateOnly(2023, 3, 1)).Build(), isNew: true);

        AssertRefusedOn(result, "ClosedOn");
        Assert.That(await _catalogue.ReadContextAsync("HD18", 12), Is.Null);
    }

    [Test]
    public async Task Create_WithAPeriodFromAnotherVocabulary_IsRefusedNamingPeriodId()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("HD18", 12).InPeriod(_catalogue.Terms.Stoneware.Id).Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "PeriodId"), Does.Contain("period"));
        Assert.That(await _catalogue.ReadContextAsync("HD18", 12), Is.Null);
    }

    [Test]
    public async Task Create_InAnAreaOfAnotherSite_IsRefusedNamingAreaId()
    {
        var otherSitesArea = await _catalogue.AddAreaAsync("DM", "B1");

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("HD18", 12).InArea(otherSitesArea.Id).Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "AreaId"), Does.Contain("this site"));
        Assert.That(await _catalogue.ReadContextAsync("HD18", 12), Is.Null);
    }

    [Test]
    public async Task Create_InAnUnknownSite_IsNotFound()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<ContextCommands>().SaveAsync(new ContextBuilder("NOPE", 1).Build(), isNew: true);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Contexts, Is.Zero);
    }

    [Test]
    public async Task Edit_FromTheCurrentVersion_RevisesTheContext()
    {
        var context = await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Described("Dark fill"));

        await using (var scope = _catalogue.As("lan.archaeologist"))
            AssertSucceeded(await scope.Get<ContextCommands>().SaveAsync(ContextBuilder.Editing(context).Fill().Described("Dark ashy fill").Build(), isNew: false));

        var stored = await _catalogue.ReadContextAsync("HD18", 12);
        Assert.That(stored!.Description, Is.EqualTo("Dark ashy fill"));
        Assert.That(stored.Type, Is.EqualTo(ContextType.Fill));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.UpdatedBy, Is.EqualTo("lan.archaeologist"));
    }

    [Test]
    public async Task Edit_FromAStaleVersion_IsAConflictNamingTheOtherEditorAndChangesNothing()
    {
        var context = await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Described("Dark fill"));
        await using (var first = _catalogue.As("lan.archaeologist"))
            AssertSucceeded(await first.Get<ContextCommands>().SaveAsync(ContextBuilder.Editing(context).Described("First edit").Build(), isNew: false));
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var second = _catalogue.As("minh.archaeologist");
        var result = await second.Get<ContextCommands>().SaveAsync(ContextBuilder.Editing(context, version: 1).Described("Second edit").Build(), isNew: false);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(result.Errors.Single().Message, Does.Contain("lan.archaeologist"));
        Assert.That((await _catalogue.ReadContextAsync("HD18", 12))!.Description, Is.EqualTo("First edit"));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Edit_WithTheBottomLevelAboveTheTop_IsRefusedAndKeepsTheStoredLevels()
    {
        var context = await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Levels(9.5m, 8.7m));

        await using (var scope = _catalogue.As(Archaeologist))
        {
            var result = await scope.Get<ContextCommands>().SaveAsync(ContextBuilder.Editing(context).Levels(8.0m, 8.2m).Build(), isNew: false);
            AssertRefusedOn(result, "BottomLevel");
        }

        var stored = await _catalogue.ReadContextAsync("HD18", 12);
        Assert.That((stored!.TopLevel, stored.BottomLevel), Is.EqualTo((9.5m, 8.7m)));
        Assert.That(stored.Version, Is.EqualTo(1));
    }
}
