using Catalogue.Core.Artifacts;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Tests.Support;
using static Catalogue.Core.Tests.Support.ExcavationSetup;
using static Catalogue.Core.Tests.Support.LocationSetup;

namespace Catalogue.Core.Tests.Exhibitions;

public sealed class ExhibitionCommandsTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync();

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    private async Task<ExhibitionView> DetailsAsync(string code, bool publicOnly = false)
    {
        await using var scope = _catalogue.As("reader");
        return (await scope.Get<ExhibitionQueries>().DetailsAsync(code, publicOnly))!;
    }

    [Test]
    public async Task Create_StoresTheTitleInThreeLanguagesWithTheCodeInCapitals()
    {
        await _catalogue.CreateExhibitionAsync("ex-2019-tls", "Thăng Long – Hanoi: the Imperial Citadel");

        var view = await DetailsAsync("EX-2019-TLS");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(view.Exhibition.Title.En, Is.EqualTo("Thăng Long – Hanoi: the Imperial Citadel"));
            Assert.That(view.Exhibition.Title.Vi, Is.EqualTo("Báu vật Thăng Long"));
            Assert.That(view.Exhibition.Title.Fr, Is.EqualTo("Trésors de Thăng Long"));
            Assert.That(view.Exhibition.CreatedBy, Is.EqualTo(Curator));
        }
    }

    [Test]
    public async Task Create_WithoutATitle_IsRefusedNamingTitle()
    {
        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().SaveAsync(new SaveExhibitionCommand { Code = "EX-1" }, isNew: true);

        Assert.That(AssertRefusedOn(result, "Title"), Does.Contain("title"));
        Assert.That((await _catalogue.CountLocationRowsAsync()).Exhibitions, Is.Zero);
    }

    [Test]
    public async Task Create_WithACodeAlreadyUsed_IsRefusedNamingCode()
    {
        await _catalogue.CreateExhibitionAsync("EX-1");
        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().SaveAsync(new SaveExhibitionCommand { Code = "ex-1", TitleEn = "Again" }, isNew: true);

        Assert.That(AssertRefusedOn(result, "Code"), Does.Contain("already used"));
    }

    [Test]
    public async Task Venues_TravelToSeveralPlacesAndAreListedInDateOrder()
    {
        await _catalogue.CreateExhibitionAsync("EX-TLS");
        await _catalogue.AddVenueAsync("EX-TLS", "Musée Saint-Raymond", "Toulouse", new DateOnly(2019, 10, 11), new DateOnly(2020, 3, 16));
        await _catalogue.AddVenueAsync("EX-TLS", "18 Hoàng Diệu", "Hanoi", new DateOnly(2019, 4, 20), new DateOnly(2019, 8, 25));
        await _catalogue.AddVenueAsync("EX-TLS", "Kính Thiên Palace", "Hanoi", new DateOnly(2020, 10, 1), new DateOnly(2020, 12, 31));

        var view = await DetailsAsync("EX-TLS");
        await using var scope = _catalogue.As("reader");
        var summary = (await scope.Get<ExhibitionQueries>().ListAsync(publicOnly: false)).Single();

        Assert.That(view.Exhibition.Venues.Select(v => v.City), Is.EqualTo(new[] { "Hanoi", "Toulouse", "Hanoi" }));
        Assert.That(summary.Venues, Is.EqualTo("Hanoi → Toulouse → Hanoi"));
        Assert.That((summary.Opens, summary.Closes), Is.EqualTo(((DateOnly?)new DateOnly(2019, 4, 20), (DateOnly?)new DateOnly(2020, 12, 31))));
    }

    [Test]
    public async Task AVenueClosingBeforeItOpens_IsRefusedNamingClosesOn()
    {
        await _catalogue.CreateExhibitionAsync("EX-1");

        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().AddVenueAsync("EX-1", new VenueInput
        {
            Institution = "Musée Saint-Raymond", City = "Toulouse", OpensOn = new DateOnly(2020, 3, 16), ClosesOn = new DateOnly(2019, 10, 11),
        });

        Assert.That(AssertRefusedOn(result, "ClosesOn"), Does.Contain("close before it opens"));
        Assert.That((await DetailsAsync("EX-1")).Exhibition.Venues, Is.Empty);
    }

    [Test]
    public async Task AVenueOverlappingAnother_IsRefusedNamingTheOtherVenue()
    {
        await _catalogue.CreateExhibitionAsync("EX-1");
        await _catalogue.AddVenueAsync("EX-1", "18 Hoàng Diệu", "Hanoi", new DateOnly(2019, 4, 20), new DateOnly(2019, 8, 25));

        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().AddVenueAsync("EX-1", new VenueInput
        {
            Institution = "Musée Saint-Raymond", City = "Toulouse", OpensOn = new DateOnly(2019, 8, 1), ClosesOn = new DateOnly(2019, 12, 1),
        });

        Assert.That(AssertRefusedOn(result, "OpensOn"), Does.Contain("18 Hoàng Diệu"));
    }

    [Test]
    public async Task AVenueWithoutDates_IsRefusedNamingOpensOn()
    {
        await _catalogue.CreateExhibitionAsync("EX-1");
        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().AddVenueAsync("EX-1", new VenueInput { Institution = "Hậu Lâu", City = "Hanoi" });

        AssertRefusedOn(result, "OpensOn");
    }

    [Test]
    public async Task ShownObjects_CarryTheirLabelTextInThreeLanguagesInOrder()
    {
        await _catalogue.CreateArtifactsAsync(2);
        await _catalogue.CreateExhibitionAsync("EX-1");
        await _catalogue.ShowAsync("EX-1", "tl.2023.0002", "A dragon-head finial.");
        await _catalogue.ShowAsync("EX-1", "TL.2023.0001");

        var objects = (await DetailsAsync("EX-1")).Objects;

        Assert.That(objects.Select(o => (o.AccessionNumber, o.Order)), Is.EqualTo(new[] { ("TL.2023.0002", 1), ("TL.2023.0001", 2) }));
        Assert.That(objects[0].Label, Is.EqualTo(Core.Common.LocalizedText.Of("Bát men ngọc.", "Bol céladon.", "A dragon-head finial.")));
    }

    [Test]
    public async Task ShowingAnObjectAgain_ReplacesItsLabelRatherThanAddingItTwice()
    {
        await _catalogue.CreateArtifactsAsync(1);
        await _catalogue.CreateExhibitionAsync("EX-1");
        await _catalogue.ShowAsync("EX-1", "TL.2023.0001", "First label.");
        await _catalogue.ShowAsync("EX-1", "TL.2023.0001", "Corrected label.");

        var objects = (await DetailsAsync("EX-1")).Objects;

        Assert.That(objects, Has.Count.EqualTo(1));
        Assert.That(objects[0].Label.En, Is.EqualTo("Corrected label."));
    }

    [Test]
    public async Task ShowingAnUnknownObject_IsRefusedNamingAccessionNumber()
    {
        await _catalogue.CreateExhibitionAsync("EX-1");
        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().ShowAsync("EX-1", new ExhibitObjectInput { AccessionNumber = "TL.2099.0001", LabelEn = "?" });

        Assert.That(AssertRefusedOn(result, nameof(ExhibitObjectInput.AccessionNumber)), Does.Contain("TL.2099.0001"));
    }

    [Test]
    public async Task ALabelTooLong_IsRefusedNamingLabel()
    {
        await _catalogue.CreateArtifactsAsync(1);
        await _catalogue.CreateExhibitionAsync("EX-1");
        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<ExhibitionCommands>().ShowAsync("EX-1", new ExhibitObjectInput { AccessionNumber = "TL.2023.0001", LabelFr = new string('é', 2001) });

        Assert.That(AssertRefusedOn(result, "Label"), Does.Contain("2000"));
    }

    [Test]
    public async Task Withdraw_TakesTheObjectOutOfTheExhibitionAndIsRecordedInItsHistory()
    {
        await _catalogue.CreateArtifactsAsync(2);
        await _catalogue.CreateExhibitionAsync("EX-1");
        await _catalogue.ShowAsync("EX-1", "TL.2023.0001");
        await _catalogue.ShowAsync("EX-1", "TL.2023.0002");

        await using (var scope = _catalogue.As(Curator))
            AssertSucceeded(await scope.Get<ExhibitionCommands>().WithdrawAsync("ex-1", "tl.2023.0001"));

        Assert.That((await DetailsAsync("EX-1")).Objects.Select(o => o.AccessionNumber), Is.EqualTo(new[] { "TL.2023.0002" }));
        var history = await _catalogue.AuditOfAsync(Exhibition.AuditType, "EX-1");
        Assert.That(history[^1].Changes, Does.Contain("TL.2023.0001"));
    }

    [Test]
    public async Task WithdrawingAnObjectNotShown_IsRefused()
    {
        await _catalogue.CreateArtifactsAsync(1);
        await _catalogue.CreateExhibitionAsync("EX-1");
        await using var scope = _catalogue.As(Curator);

        var result = await scope.Get<ExhibitionCommands>().WithdrawAsync("EX-1", "TL.2023.0001");

        Assert.That(AssertRefusedOn(result, "Artifact"), Does.Contain("not in this exhibition"));
    }

    [Test]
    public async Task ThePublic_SeesOnlyPublicExhibitionsAndTheirPublishedObjects()
    {
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0001").WithStatus(PublicationStatus.Published));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0002").WithStatus(PublicationStatus.Internal));
        await using (var scope = _catalogue.As(Curator))
        {
            AssertSucceeded(await scope.Get<ExhibitionCommands>().SaveAsync(new SaveExhibitionCommand { Code = "EX-PUB", TitleEn = "Public", IsPublic = true }, isNew: true));
            AssertSucceeded(await scope.Get<ExhibitionCommands>().SaveAsync(new SaveExhibitionCommand { Code = "EX-PREP", TitleEn = "In preparation" }, isNew: true));
        }

        await _catalogue.ShowAsync("EX-PUB", "TL.2023.0001");
        await _catalogue.ShowAsync("EX-PUB", "TL.2023.0002");

        await using var reader = _catalogue.As("reader");
        var queries = reader.Get<ExhibitionQueries>();
        Assert.That((await queries.ListAsync(publicOnly: true)).Select(e => (e.Code, e.Objects)), Is.EqualTo(new[] { ("EX-PUB", 1) }));
        Assert.That((await queries.DetailsAsync("EX-PUB", publicOnly: true))!.Objects.Select(o => o.AccessionNumber), Is.EqualTo(new[] { "TL.2023.0001" }));
        Assert.That(await queries.DetailsAsync("EX-PREP", publicOnly: true), Is.Null);
        Assert.That(await queries.DetailsAsync("EX-PREP", publicOnly: false), Is.Not.Null);
    }
}
