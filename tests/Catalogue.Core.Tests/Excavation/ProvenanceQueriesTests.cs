using System.Reflection;
using Catalogue.Core.Excavation;
using Catalogue.Core.Tests.Support;

namespace Catalogue.Core.Tests.Excavation;

public sealed class ProvenanceQueriesTests
{
    private const string Accession = "TL.2023.0142";
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogueWithAnAccessionedFind()
    {
        _catalogue = await TestCatalogue.StartAsync();
        var terms = _catalogue.Terms;
        await _catalogue.CreateSiteAsync(new SiteBuilder("HD18").Named("Hoàng Diệu 18", null, "18 Hoàng Diệu Street").At(21.0352m, 105.84m));
        await _catalogue.CreateContextsAsync("HD18", 10, 11, 15, 16);
        await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Cut().InPeriod(terms.Ly.Id).Phase("Lý 2"));
        await _catalogue.RelateAsync("HD18", "10 above 11", "11 above 12", "10 above 12", "12 above 15", "16 above 12");
        var find = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).OfType(terms.Bowl.Id)
            .FoundOn(new DateOnly(2023, 3, 4)).At(20.15m, 31.4m, 8.92m));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).FromFind(find.FindNumber));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0500"));
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task ForArtifact_GivesTheSiteTheContextWithItsMatrixNeighboursAndTheFind()
    {
        await using var scope = _catalogue.As("lan.curator");
        var provenance = await scope.Get<ProvenanceQueries>().ForArtifactAsync(Accession);

        Assert.That(provenance, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(provenance!.SiteCode, Is.EqualTo("HD18"));
            Assert.That(provenance.SiteName.En, Is.EqualTo("18 Hoàng Diệu Street"));
            Assert.That(provenance.ContextNumber, Is.EqualTo(12));
            Assert.That(provenance.ContextLabel, Is.EqualTo("[12]"));
            Assert.That(provenance.ContextType, Is.EqualTo(ContextType.Cut));
            Assert.That(provenance.Phase, Is.EqualTo("Lý 2"));
            Assert.That(provenance.Period?.Code, Is.EqualTo("ly"));
            Assert.That(provenance.Neighbours?.Above, Is.EquivalentTo(new[] { "(11)", "(16)" }), "10 lies above 12 only through 11.");
            Assert.That(provenance.Neighbours?.Below, Is.EqualTo(new[] { "(15)" }));
            Assert.That(provenance.FindNumber, Is.EqualTo("HD18-0001"));
            Assert.That(provenance.FoundOn, Is.EqualTo(new DateOnly(2023, 3, 4)));
            Assert.That((provenance.X, provenance.Y, provenance.Z), Is.EqualTo(((decimal?)20.15m, (decimal?)31.4m, (decimal?)8.92m)));
        }
    }

    [Test]
    public async Task ForArtifact_AcceptsTheAccessionNumberInLowerCase()
    {
        await using var scope = _catalogue.As("lan.curator");

        Assert.That((await scope.Get<ProvenanceQueries>().ForArtifactAsync("tl.2023.0142"))?.FindNumber, Is.EqualTo("HD18-0001"));
    }

    [Test]
    public async Task ForArtifact_NotAccessionedFromAFind_IsNull()
    {
        await using var scope = _catalogue.As("lan.curator");
        var queries = scope.Get<ProvenanceQueries>();

        Assert.That(await queries.ForArtifactAsync("TL.2023.0500"), Is.Null);
        Assert.That(await queries.PublicForArtifactAsync("TL.2023.0500"), Is.Null);
    }

    [Test]
    public async Task PublicForArtifact_GivesOnlyTheSiteNameAndPeriod()
    {
        await using var scope = _catalogue.As("anonymous");
        var provenance = await scope.Get<ProvenanceQueries>().PublicForArtifactAsync(Accession);

        Assert.That(provenance, Is.Not.Null);
        Assert.That(provenance!.SiteName.Vi, Is.EqualTo("Hoàng Diệu 18"));
        Assert.That(provenance.Period?.Code, Is.EqualTo("ly"));
    }

    [Test]
    public void PublicProvenance_HasNoPropertyBeyondSiteNameAndPeriod()
    {
        // Coordinates, context details and find positions are staff-only: adding any property here must be a deliberate change.
        var properties = typeof(PublicProvenance).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);

        Assert.That(properties, Is.EquivalentTo(new[] { nameof(PublicProvenance.SiteName), nameof(PublicProvenance.Period) }));
    }
}
