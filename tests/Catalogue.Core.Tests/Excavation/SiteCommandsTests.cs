using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Tests.Support;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Excavation;

public sealed class SiteCommandsTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync(seedTerms: false);

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Create_StoresTheSiteWithItsCodeInCapitalsAttributedToTheActingUser()
    {
        await _catalogue.CreateSiteAsync(new SiteBuilder(" hd18 ").Named("Hoàng Diệu 18", null, "18 Hoàng Diệu").LocatedIn("Ba Đình, Hà Nội").At(21.0352m, 105.8400m));

        var stored = await _catalogue.ReadSiteAsync("HD18");
        Assert.That(stored, Is.Not.Null, "The code is stored trimmed and in capitals.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.Name.Vi, Is.EqualTo("Hoàng Diệu 18"));
            Assert.That(stored.Name.En, Is.EqualTo("18 Hoàng Diệu"));
            Assert.That(stored.Location, Is.EqualTo("Ba Đình, Hà Nội"));
            Assert.That(stored.Latitude, Is.EqualTo(21.0352m));
            Assert.That(stored.Longitude, Is.EqualTo(105.84m));
            Assert.That(stored.CreatedBy, Is.EqualTo(Archaeologist));
            Assert.That(stored.Version, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Create_WithACodeAlreadyUsed_IsRefusedNamingCodeAndStoresNothing()
    {
        await _catalogue.CreateSiteAsync(new SiteBuilder("HD18").NamedEn("First"));
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteCommands>().SaveAsync(new SiteBuilder("hd18").NamedEn("Second").Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "Code"), Does.Contain("HD18").And.Contain("already used"));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
        Assert.That((await _catalogue.ReadSiteAsync("HD18"))!.Name.En, Is.EqualTo("First"));
    }

    [TestCase("HD 18")]
    [TestCase("HD_18")]
    [TestCase("-HD18")]
    [TestCase("HOANGDIEU18CITADELSITE")]
    [TestCase("")]
    public async Task Create_WithABadlyFormedCode_IsRefusedNamingCode(string code)
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteCommands>().SaveAsync(new SiteBuilder(code).Build(), isNew: true);

        AssertRefusedOn(result, "Code");
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Sites, Is.Zero);
    }

    [Test]
    public async Task Create_WithoutACode_IsRefusedNamingCode()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteCommands>().SaveAsync(new SiteBuilder(null).NamedEn("Unnamed trench").Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "Code"), Does.Contain("required"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Sites, Is.Zero);
    }

    [Test]
    public async Task Create_WithoutANameInAnyLanguage_IsRefusedNamingTheName()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteCommands>().SaveAsync(new SiteBuilder("HD18").WithoutName().Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "NameEn"), Does.Contain("name"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Sites, Is.Zero);
    }

    [TestCase(90.5, 105)]
    [TestCase(-91, 105)]
    public async Task Create_WithLatitudeOutOfRange_IsRefusedNamingLatitude(decimal latitude, decimal longitude)
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteCommands>().SaveAsync(new SiteBuilder("HD18").At(latitude, longitude).Build(), isNew: true);

        Assert.That(AssertRefusedOn(result, "Latitude"), Does.Contain("-90 and 90"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Sites, Is.Zero);
    }

    [Test]
    public async Task Edit_FromTheCurrentVersion_ChangesTheSiteAndBumpsItsVersion()
    {
        var site = await _catalogue.CreateSiteAsync(new SiteBuilder("HD18").NamedEn("Hoang Dieu"));

        await using (var scope = _catalogue.As("lan.archaeologist"))
        {
            var result = await scope.Get<SiteCommands>().SaveAsync(SiteBuilder.Editing(site).NamedEn("18 Hoàng Diệu").Build(), isNew: false);
            AssertSucceeded(result);
        }

        var stored = await _catalogue.ReadSiteAsync("HD18");
        Assert.That(stored!.Name.En, Is.EqualTo("18 Hoàng Diệu"));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.UpdatedBy, Is.EqualTo("lan.archaeologist"));
    }

    [Test]
    public async Task Edit_FromAStaleVersion_IsAConflictAndChangesNothing()
    {
        var site = await _catalogue.CreateSiteAsync(new SiteBuilder("HD18").NamedEn("Hoang Dieu"));
        await using (var first = _catalogue.As("lan.archaeologist"))
            AssertSucceeded(await first.Get<SiteCommands>().SaveAsync(SiteBuilder.Editing(site).NamedEn("First edit").Build(), isNew: false));
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var second = _catalogue.As("minh.archaeologist");
        var result = await second.Get<SiteCommands>().SaveAsync(SiteBuilder.Editing(site, version: 1).NamedEn("Second edit").Build(), isNew: false);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(result.Errors.Single().Message, Does.Contain("lan.archaeologist"));
        var stored = await _catalogue.ReadSiteAsync("HD18");
        Assert.That(stored!.Name.En, Is.EqualTo("First edit"));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before), "No history is written for a refused edit.");
    }

    [Test]
    public async Task Edit_WhenARivalSaveCommitsBetweenLoadAndSave_IsAConflictAndOverwritesNothing()
    {
        var site = await _catalogue.CreateSiteAsync(new SiteBuilder("HD18").NamedEn("Hoang Dieu"));
        _catalogue.Clock.BeforeNextSave(() => _catalogue.ExecuteSql("UPDATE Sites SET Name_En = 'Rival edit', Version = Version + 1 WHERE Code = 'HD18'"));

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteCommands>().SaveAsync(SiteBuilder.Editing(site).NamedEn("Our edit").Build(), isNew: false);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That((await _catalogue.ReadSiteAsync("HD18"))!.Name.En, Is.EqualTo("Rival edit"));
    }

    [Test]
    public async Task AddArea_StoresTheAreaInCapitalsUnderItsSite()
    {
        await _catalogue.CreateSiteAsync("HD18");

        await using (var scope = _catalogue.As(Archaeologist))
        {
            var result = await scope.Get<SiteCommands>().AddAreaAsync(new AddAreaCommand { SiteCode = "HD18", Code = "a20", Kind = AreaKind.Trench, Description = "Trench A20" });
            AssertSucceeded(result);
        }

        var site = await _catalogue.ReadSiteAsync("HD18");
        var area = site!.Areas.Single();
        Assert.That(area.Code, Is.EqualTo("A20"));
        Assert.That(area.Kind, Is.EqualTo(AreaKind.Trench));
        Assert.That(area.Description, Is.EqualTo("Trench A20"));
    }

    [Test]
    public async Task AddArea_WithACodeTheSiteAlreadyHas_IsRefusedNamingCodeAndStoresNothing()
    {
        await _catalogue.CreateSiteAsync("HD18");
        await _catalogue.AddAreaAsync("HD18", "A20");
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteCommands>().AddAreaAsync(new AddAreaCommand { SiteCode = "HD18", Code = "a20" });

        Assert.That(AssertRefusedOn(result, "Code"), Does.Contain("HD18").And.Contain("A20"));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AddArea_WithACodeAnotherSiteUses_IsAllowed()
    {
        await _catalogue.CreateSiteAsync("HD18");
        await _catalogue.CreateSiteAsync("DM");
        await _catalogue.AddAreaAsync("HD18", "A20");

        await using (var scope = _catalogue.As(Archaeologist))
            AssertSucceeded(await scope.Get<SiteCommands>().AddAreaAsync(new AddAreaCommand { SiteCode = "DM", Code = "A20" }));

        Assert.That((await _catalogue.ReadSiteAsync("HD18"))!.Areas.Select(a => a.Code), Is.EqualTo(new[] { "A20" }));
        Assert.That((await _catalogue.ReadSiteAsync("DM"))!.Areas.Select(a => a.Code), Is.EqualTo(new[] { "A20" }));
    }

    [Test]
    public async Task AddArea_ToAnUnknownSite_IsNotFound()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteCommands>().AddAreaAsync(new AddAreaCommand { SiteCode = "NOPE", Code = "A1" });

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(result.Errors.Single().Message, Does.Contain("NOPE"));
    }
}
