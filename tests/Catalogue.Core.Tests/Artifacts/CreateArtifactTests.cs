using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Tests.Support;

namespace Catalogue.Core.Tests.Artifacts;

public sealed class CreateArtifactTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync();

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Create_WithValidInput_StoresTheRecordAttributedToTheActingUser()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var terms = _catalogue.Terms;

        await using (var scope = _catalogue.As("lan.curator"))
        {
            var result = await scope.Get<ArtifactCommands>().CreateAsync(_catalogue.Artifact("tl.2023.0142")
                .WithTitleEn("Celadon bowl").WithTitleVi("Bát men ngọc")
                .WithMaterials(terms.Stoneware.Id, terms.CeladonGlaze.Id).WithTechniques(terms.WheelThrown.Id)
                .WithPeriod(terms.Ly.Id).WithYears(1010, 1225).WithDateText("c. 1010-1225")
                .WithDimensions(height: 7.5m, diameter: 16.2m).WithWeight(310).AccessionedOn(new DateOnly(2023, 4, 10))
                .Build());
            Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        }

        var stored = await _catalogue.FindArtifactAsync("TL.2023.0142");
        Assert.That(stored, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.CreatedBy, Is.EqualTo("lan.curator"));
            Assert.That(stored.UpdatedBy, Is.EqualTo("lan.curator"));
            Assert.That(stored.Version, Is.EqualTo(1));
            Assert.That(stored.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(stored.CreatedAt, Is.InRange(before, DateTime.UtcNow.AddSeconds(1)));
            Assert.That(stored.UpdatedAt, Is.EqualTo(stored.CreatedAt));
            Assert.That(stored.Title.En, Is.EqualTo("Celadon bowl"));
            Assert.That(stored.Title.Vi, Is.EqualTo("Bát men ngọc"));
            Assert.That(stored.MaterialIds, Is.EquivalentTo(new[] { terms.Stoneware.Id, terms.CeladonGlaze.Id }));
            Assert.That(stored.TechniqueIds, Is.EquivalentTo(new[] { terms.WheelThrown.Id }));
            Assert.That(stored.PeriodId, Is.EqualTo(terms.Ly.Id));
            Assert.That(stored.Dating, Is.EqualTo(new Dating { EarliestYear = 1010, LatestYear = 1225, Text = "c. 1010-1225" }));
            Assert.That(stored.Dimensions, Is.EqualTo(new Dimensions { Height = 7.5m, Diameter = 16.2m, Unit = "cm" }));
            Assert.That(stored.Weight, Is.EqualTo(new Weight { Value = 310, Unit = "g" }));
            Assert.That(stored.Status, Is.EqualTo(PublicationStatus.Draft));
            Assert.That(stored.AccessionDate, Is.EqualTo(new DateOnly(2023, 4, 10)));
        }
    }

    [TestCase(1, "cannot be in the future")]
    [TestCase(-100_000, "must be in 1800 or later")]
    public async Task Create_WithAnImplausibleAccessionDate_IsRejectedNamingAccessionDate(int daysFromToday, string rule)
    {
        var day = TestCatalogue.Today.AddDays(daysFromToday);

        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().AccessionedOn(day));

        AssertRefusedOn(result, "AccessionDate");
        Assert.That(result.Errors.Single(e => e.Field == "AccessionDate").Message, Does.Contain(rule));
    }

    [Test]
    public async Task Create_WithDuplicateAccessionNumber_IsRejectedAndStoresNothing()
    {
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0142").WithTitleEn("First bowl"));
        var before = await _catalogue.CountRowsAsync();

        // Typed in lower case: still the same number once normalized.
        var result = await CreateAsync(_catalogue.Artifact("tl.2023.0142").WithTitleEn("Second bowl"));

        AssertRefusedOn(result, "AccessionNumber");
        Assert.That(result.Errors[0].Message, Does.Contain("TL.2023.0142").And.Contain("already used"));
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before));
        Assert.That((await _catalogue.FindArtifactAsync("TL.2023.0142"))!.Title.En, Is.EqualTo("First bowl"));
    }

    [Test]
    public async Task Create_WhenAnotherCuratorTakesTheNumberDuringTheSave_IsRejectedOnAccessionNumberAndKeepsTheirRecord()
    {
        // The rival's record is stored under another number, then renumbered after our validation has passed.
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0999").WithTitleEn("Rival bowl"), "minh.curator");
        var before = await _catalogue.CountRowsAsync();
        _catalogue.Clock.BeforeNextSave(() => _catalogue.ExecuteSql("UPDATE Artifacts SET AccessionNumber = 'TL.2023.0142' WHERE AccessionNumber = 'TL.2023.0999'"));

        var result = await CreateAsync(_catalogue.Artifact("TL.2023.0142").WithTitleEn("Our bowl"));

        AssertRefusedOn(result, "AccessionNumber");
        Assert.That(result.Errors.Single().Message, Does.Contain("TL.2023.0142").And.Contain("already used"));
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before));
        Assert.That((await _catalogue.FindArtifactAsync("TL.2023.0142"))!.Title.En, Is.EqualTo("Rival bowl"));
    }

    [TestCase("TL-2023-0142")]
    [TestCase("TL.2023")]
    [TestCase("TL.2023.0142\n.1")]
    public async Task Create_WithMalformedAccessionNumber_IsRejectedWithTheExpectedFormat(string accessionNumber)
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithAccessionNumber(accessionNumber));

        AssertRefusedOn(result, "AccessionNumber");
        Assert.That(result.Errors.Single(e => e.Field == "AccessionNumber").Message, Does.Contain("TL.2023.0142"), "The message shows an example.");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public async Task Create_WithoutAccessionNumber_IsRejectedAsRequired(string? accessionNumber)
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithAccessionNumber(accessionNumber));

        AssertRefusedOn(result, "AccessionNumber");
        Assert.That(result.Errors.Single(e => e.Field == "AccessionNumber").Message, Does.Contain("required"));
    }

    [Test]
    public async Task Create_WithUnknownObjectTypeId_IsRejectedNamingObjectTypeId()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithObjectType(9999));

        AssertRefusedOn(result, "ObjectTypeId");
    }

    [Test]
    public async Task Create_WithMaterialTermAsObjectType_IsRejectedNamingObjectTypeId()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithObjectType(_catalogue.Terms.Stoneware.Id));

        AssertRefusedOn(result, "ObjectTypeId");
    }

    [Test]
    public async Task Create_WithoutObjectType_IsRejectedNamingObjectTypeId()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithObjectType(null));

        AssertRefusedOn(result, "ObjectTypeId");
    }

    [Test]
    public async Task Create_WithTechniqueTermAsMaterial_IsRejectedNamingMaterialIds()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithMaterials(_catalogue.Terms.Stoneware.Id, _catalogue.Terms.WheelThrown.Id));

        AssertRefusedOn(result, "MaterialIds");
    }

    [Test]
    public async Task Create_WithObjectTypeTermAsPeriod_IsRejectedNamingPeriodId()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithPeriod(_catalogue.Terms.Bowl.Id));

        AssertRefusedOn(result, "PeriodId");
    }

    [Test]
    public async Task Create_WithLatestYearBeforeEarliest_IsRejectedNamingLatestYear()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithYears(1225, 1010));

        AssertRefusedOn(result, "LatestYear");
        Assert.That(result.Errors[0].Message, Does.Contain("1010").And.Contain("1225"));
    }

    [Test]
    public async Task Create_WithOverLongTitle_IsRejectedNamingTheTitleField()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithTitleFr(new string('é', Artifact.TitleMaxLength + 1)));

        AssertRefusedOn(result, "TitleFr");
        Assert.That(result.Errors[0].Message, Does.Contain("300"));
    }

    [Test]
    public async Task Create_WithoutAnyTitle_IsRejectedNamingTheTitle()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithoutTitle().WithTitleVi("  "));

        AssertRefusedOn(result, "TitleEn");
        Assert.That(result.Errors[0].Message, Does.Contain("title"));
    }

    [TestCase(0)]
    [TestCase(-1.5)]
    public async Task Create_WithNonPositiveDimension_IsRejectedNamingTheDimension(decimal length)
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithDimensions(length: length));

        AssertRefusedOn(result, "Length");
    }

    [Test]
    public async Task Create_WithDimensionInUnknownUnit_IsRejectedNamingTheUnit()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithDimensions(length: 12, unit: "inch"));

        AssertRefusedOn(result, "DimensionUnit");
    }

    [Test]
    public async Task Create_WithWeightButNoUnit_IsRejectedNamingTheWeightUnit()
    {
        var result = await RefusedLeavingCountsUnchanged(_catalogue.Artifact().WithWeight(120, unit: null));

        AssertRefusedOn(result, "WeightUnit");
    }

    [Test]
    public async Task Create_AfterARefusal_StillWorksInTheSameScope()
    {
        await using var scope = _catalogue.As("lan.curator");
        var commands = scope.Get<ArtifactCommands>();

        var refused = await commands.CreateAsync(_catalogue.Artifact().WithYears(1300, 1200).Build());
        var accepted = await commands.CreateAsync(_catalogue.Artifact().Build());

        Assert.That(refused.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(accepted.Succeeded, Is.True, () => TestCatalogue.Describe(accepted.Errors));
        Assert.That((await _catalogue.CountRowsAsync()).Artifacts, Is.EqualTo(1));
    }

    private async Task<CommandResult<Artifact>> CreateAsync(ArtifactBuilder artifact)
    {
        await using var scope = _catalogue.As("lan.curator");
        return await scope.Get<ArtifactCommands>().CreateAsync(artifact.Build());
    }

    private async Task<CommandResult<Artifact>> RefusedLeavingCountsUnchanged(ArtifactBuilder artifact)
    {
        var before = await _catalogue.CountRowsAsync();
        var result = await CreateAsync(artifact);
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before), "A refused create must store nothing, not even history.");
        return result;
    }

    private static void AssertRefusedOn(CommandResult<Artifact> result, string field)
    {
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Value, Is.Null);
        Assert.That(result.Errors.Select(e => e.Field), Does.Contain(field), () => TestCatalogue.Describe(result.Errors));
        Assert.That(result.Errors.Where(e => e.Field == field).Select(e => e.Message), Has.All.Not.Empty);
    }
}
