using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Tests.Support;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Excavation;

public sealed class FindCommandsTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogueWithContexts()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateSiteAsync("HD18");
        await _catalogue.CreateContextsAsync("HD18", 12, 15);
        await _catalogue.CreateSiteAsync("DM");
        await _catalogue.CreateContextsAsync("DM", 3);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Register_StoresEveryFieldOfTheFindAsRegistered()
    {
        var terms = _catalogue.Terms;
        await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).Numbered("hd18-0042").OfMaterial(terms.Stoneware.Id).OfType(terms.Bowl.Id)
            .Counting(3).Weighing(412.5m).At(20.15m, 31.4m, 8.92m).FoundOn(new DateOnly(2023, 3, 4)).RecordedBy("Trần Thị Lan").WithNotes("Rim sherds"));

        var stored = await _catalogue.ReadFindAsync("HD18-0042");
        Assert.That(stored, Is.Not.Null, "The number is stored in capitals.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.Context!.Number, Is.EqualTo(12));
            Assert.That(stored.Context.SiteCode, Is.EqualTo("HD18"));
            Assert.That(stored.SiteId, Is.EqualTo(stored.Context.SiteId));
            Assert.That(stored.MaterialId, Is.EqualTo(terms.Stoneware.Id));
            Assert.That(stored.ObjectTypeId, Is.EqualTo(terms.Bowl.Id));
            Assert.That(stored.Count, Is.EqualTo(3));
            Assert.That(stored.WeightGrams, Is.EqualTo(412.5m));
            Assert.That((stored.X, stored.Y, stored.Z), Is.EqualTo((20.15m, 31.4m, 8.92m)));
            Assert.That(stored.FoundOn, Is.EqualTo(new DateOnly(2023, 3, 4)));
            Assert.That(stored.RecordedBy, Is.EqualTo("Trần Thị Lan"));
            Assert.That(stored.Notes, Is.EqualTo("Rim sherds"));
            Assert.That(stored.Status, Is.EqualTo(FindStatus.Registered));
            Assert.That(stored.ArtifactId, Is.Null);
            Assert.That(stored.CreatedBy, Is.EqualTo(Archaeologist));
        }
    }

    [Test]
    public async Task Register_WithoutANumber_ProposesTheSitesNextNumberInTurn()
    {
        var first = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12));
        var second = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 15));
        var otherSite = await _catalogue.RegisterFindAsync(new FindBuilder("DM", 3));

        Assert.That(first.FindNumber, Is.EqualTo("HD18-0001"));
        Assert.That(second.FindNumber, Is.EqualTo("HD18-0002"));
        Assert.That(otherSite.FindNumber, Is.EqualTo("DM-0001"), "Each site numbers its own finds.");
    }

    [Test]
    public async Task Register_WithoutANumber_ContinuesAfterTheHighestNumberGivenByHand()
    {
        await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).Numbered("HD18-0041"));

        var next = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12));

        Assert.That(next.FindNumber, Is.EqualTo("HD18-0042"));
    }

    [Test]
    public async Task Register_WithANumberAlreadyRegistered_IsRefusedNamingFindNumberAndStoresNothing()
    {
        await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).Numbered("HD18-0042").WithNotes("First"));
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<FindCommands>().RegisterAsync(new FindBuilder("HD18", 15).Numbered("hd18-0042").WithNotes("Second").Build());

        Assert.That(AssertRefusedOn(result, "FindNumber"), Does.Contain("HD18-0042").And.Contain("already registered"));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
        Assert.That((await _catalogue.ReadFindAsync("HD18-0042"))!.Notes, Is.EqualTo("First"));
    }

    [Test]
    public async Task Register_FromAContextTheSiteDoesNotHave_IsRefusedNamingThatContext()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<FindCommands>().RegisterAsync(new FindBuilder("HD18", 3).Build());

        Assert.That(AssertRefusedOn(result, "ContextNumber"), Does.Contain("HD18").And.Contain("context 3"),
            "Context 3 exists, but on another site.");
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Finds, Is.Zero);
    }

    [Test]
    public async Task Register_WithoutAContext_IsRefusedNamingContextNumber()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<FindCommands>().RegisterAsync(new FindBuilder("HD18", null).Build());

        Assert.That(AssertRefusedOn(result, "ContextNumber"), Does.Contain("Context is required"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Finds, Is.Zero);
    }

    [TestCase(0)]
    [TestCase(-2)]
    public async Task Register_WithACountBelowOne_IsRefusedNamingCount(int count)
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<FindCommands>().RegisterAsync(new FindBuilder("HD18", 12).Counting(count).Build());

        Assert.That(AssertRefusedOn(result, "Count"), Does.Contain("at least 1"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Finds, Is.Zero);
    }

    [TestCase(1)]
    [TestCase(3650)]
    [TestCase(-50_000)]
    public async Task Register_FoundInTheFutureOrBefore1900_IsRefusedNamingFoundOn(int daysFromToday)
    {
        await using var scope = _catalogue.As(Archaeologist);
        var command = new FindBuilder("HD18", 12).Build();
        command.FoundOn = TestCatalogue.Today.AddDays(daysFromToday);

        var result = await scope.Get<FindCommands>().RegisterAsync(command);

        Assert.That(AssertRefusedOn(result, "FoundOn"), Does.Contain("from 1900 to today"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Finds, Is.Zero);
    }

    [TestCase(0)]
    [TestCase(-5)]
    public async Task Register_WithAWeightOfZeroOrLess_IsRefusedNamingWeightGrams(decimal grams)
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<FindCommands>().RegisterAsync(new FindBuilder("HD18", 12).Weighing(grams).Build());

        Assert.That(AssertRefusedOn(result, "WeightGrams"), Does.Contain("greater than zero"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Finds, Is.Zero);
    }

    [Test]
    public async Task Register_WithAMaterialFromAnotherVocabulary_IsRefusedNamingMaterialId()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<FindCommands>().RegisterAsync(new FindBuilder("HD18", 12).OfMaterial(_catalogue.Terms.Bowl.Id).Build());

        AssertRefusedOn(result, "MaterialId");
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Finds, Is.Zero);
    }

    [Test]
    public async Task Update_FromTheCurrentVersion_CorrectsTheFind()
    {
        var find = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).Counting(1));

        await using (var scope = _catalogue.As("lan.archaeologist"))
            AssertSucceeded(await scope.Get<FindCommands>().UpdateAsync(FindBuilder.Editing(find, "HD18", 12).Counting(4).Weighing(80m).Build()));

        var stored = await _catalogue.ReadFindAsync(find.FindNumber);
        Assert.That((stored!.Count, stored.WeightGrams), Is.EqualTo((4, 80m)));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.UpdatedBy, Is.EqualTo("lan.archaeologist"));
    }

    [Test]
    public async Task Update_FromAStaleVersion_IsAConflictAndChangesNothing()
    {
        var find = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).WithNotes("Original"));
        await using (var first = _catalogue.As("lan.archaeologist"))
            AssertSucceeded(await first.Get<FindCommands>().UpdateAsync(FindBuilder.Editing(find, "HD18", 12).WithNotes("First correction").Build()));
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var second = _catalogue.As("minh.archaeologist");
        var result = await second.Get<FindCommands>().UpdateAsync(FindBuilder.Editing(find, "HD18", 12, version: 1).WithNotes("Second correction").Build());

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(result.Errors.Single().Message, Does.Contain(find.FindNumber).And.Contain("lan.archaeologist"));
        Assert.That(result.Errors.Single().Message, Does.Match(@" at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+07:00 after you opened it"), "the time on the institution's clocks");
        Assert.That((await _catalogue.ReadFindAsync(find.FindNumber))!.Notes, Is.EqualTo("First correction"));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Update_WhenARivalSaveCommitsBetweenLoadAndSave_IsAConflictAndOverwritesNothing()
    {
        var find = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).WithNotes("Original"));
        _catalogue.Clock.BeforeNextSave(() => _catalogue.ExecuteSql($"UPDATE Finds SET Notes = 'Rival', Version = Version + 1 WHERE FindNumber = '{find.FindNumber}'"));

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<FindCommands>().UpdateAsync(FindBuilder.Editing(find, "HD18", 12).WithNotes("Ours").Build());

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That((await _catalogue.ReadFindAsync(find.FindNumber))!.Notes, Is.EqualTo("Rival"));
    }

    [Test]
    public async Task Discard_MarksARegisteredFindDiscarded()
    {
        var find = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12));

        await using (var scope = _catalogue.As(Archaeologist))
            AssertSucceeded(await scope.Get<FindCommands>().DiscardAsync(find.FindNumber));

        var stored = await _catalogue.ReadFindAsync(find.FindNumber);
        Assert.That(stored!.Status, Is.EqualTo(FindStatus.Discarded));
        Assert.That(stored.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Discard_OfAnAccessionedFind_IsRefusedAndTheFindStaysAccessioned()
    {
        var find = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).OfType(_catalogue.Terms.Bowl.Id));
        var artifact = await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0001").FromFind(find.FindNumber));

        await using (var scope = _catalogue.As(Archaeologist))
        {
            var result = await scope.Get<FindCommands>().DiscardAsync(find.FindNumber);
            Assert.That(AssertRefusedOn(result, "Status"), Does.Contain("accessioned"));
        }

        var stored = await _catalogue.ReadFindAsync(find.FindNumber);
        Assert.That(stored!.Status, Is.EqualTo(FindStatus.Accessioned));
        Assert.That(stored.ArtifactId, Is.EqualTo(artifact.Id));
    }

    [Test]
    public async Task Discard_OfAnUnknownFind_IsNotFound()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<FindCommands>().DiscardAsync("HD18-9999");

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
    }
}
