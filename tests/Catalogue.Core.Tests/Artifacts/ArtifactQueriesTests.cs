using Catalogue.Core.Artifacts;
using Catalogue.Core.Tests.Support;

namespace Catalogue.Core.Tests.Artifacts;

/// <summary>What the public and the staff see when they list or open records.</summary>
public sealed class ArtifactQueriesTests
{
    private TestCatalogue _catalogue = null!;

    [OneTimeSetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        var terms = _catalogue.Terms;
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0001").WithTitleEn("Celadon bowl").WithTitleVi("Bát men ngọc")
            .WithMaterials(terms.Stoneware.Id, terms.CeladonGlaze.Id).WithPeriod(terms.Ly.Id).WithStatus(PublicationStatus.Published));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0002").WithTitleEn("Roof tile 100% complete").WithStatus(PublicationStatus.Published));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0003").WithTitleEn("Draft brick").WithStatus(PublicationStatus.Draft));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("HN.2010.0001").WithTitleEn("Internal coin").WithStatus(PublicationStatus.Internal));
    }

    [OneTimeTearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task List_ForThePublic_ShowsPublishedRecordsOnly()
    {
        var page = await ListAsync(new ArtifactListQuery { PublishedOnly = true });

        Assert.That(page.Total, Is.EqualTo(2));
        Assert.That(page.Items.Select(i => i.AccessionNumber), Is.EqualTo(new[] { "TL.2023.0001", "TL.2023.0002" }));
    }

    [Test]
    public async Task List_ForStaff_ShowsEveryStatusAndCanFilterByOne()
    {
        var all = await ListAsync(new ArtifactListQuery { PublishedOnly = false });
        var drafts = await ListAsync(new ArtifactListQuery { PublishedOnly = false, Status = PublicationStatus.Draft });

        Assert.That(all.Total, Is.EqualTo(4));
        Assert.That(drafts.Items.Select(i => i.AccessionNumber), Is.EqualTo(new[] { "TL.2023.0003" }));
    }

    [Test]
    public async Task List_SearchingByAccessionPrefix_IgnoresCase()
    {
        var page = await ListAsync(new ArtifactListQuery { PublishedOnly = false, Text = "hn.2010" });

        Assert.That(page.Items.Select(i => i.AccessionNumber), Is.EqualTo(new[] { "HN.2010.0001" }));
    }

    [Test]
    public async Task List_SearchingTitleText_MatchesVietnameseTitlesToo()
    {
        var page = await ListAsync(new ArtifactListQuery { Text = "men ngọc" });

        Assert.That(page.Items.Select(i => i.AccessionNumber), Is.EqualTo(new[] { "TL.2023.0001" }));
    }

    [Test]
    public async Task List_SearchingForAPercentSign_TakesItLiterally()
    {
        var page = await ListAsync(new ArtifactListQuery { PublishedOnly = false, Text = "%" });

        Assert.That(page.Items.Select(i => i.AccessionNumber), Is.EqualTo(new[] { "TL.2023.0002" }));
    }

    [Test]
    public async Task List_PagesThroughTheResultsWithATotal()
    {
        var second = await ListAsync(new ArtifactListQuery { PublishedOnly = false, Page = 2, PageSize = 3 });

        Assert.That(second.Total, Is.EqualTo(4));
        Assert.That(second.PageCount, Is.EqualTo(2));
        Assert.That(second.Items, Has.Count.EqualTo(1));
        Assert.That(second.HasNext, Is.False);
        Assert.That(second.HasPrevious, Is.True);
    }

    [Test]
    public async Task Get_OfADraftForThePublic_IsNull()
    {
        await using var scope = _catalogue.As("anonymous");
        var queries = scope.Get<ArtifactQueries>();

        Assert.That(await queries.GetAsync("TL.2023.0003", publishedOnly: true), Is.Null);
        Assert.That(await queries.GetAsync("HN.2010.0001", publishedOnly: true), Is.Null);
        Assert.That(await queries.GetAsync("TL.2023.0003", publishedOnly: false), Is.Not.Null);
    }

    [Test]
    public async Task Get_ReturnsTheRecordWithItsTermsByCode()
    {
        await using var scope = _catalogue.As("anonymous");
        var view = await scope.Get<ArtifactQueries>().GetAsync("tl.2023.0001", publishedOnly: true);

        Assert.That(view, Is.Not.Null);
        Assert.That(view!.ObjectType?.Code, Is.EqualTo("bowl"));
        Assert.That(view.Materials.Select(m => m.Code), Is.EqualTo(new[] { "celadon-glaze", "stoneware" }));
        Assert.That(view.Period?.Code, Is.EqualTo("ly"));
        Assert.That(view.Title.Vi, Is.EqualTo("Bát men ngọc"));
    }

    [Test]
    public async Task GetMany_ReturnsTheRecordsAskedForInOneGo_LeavingOutUnknownAndUnseen()
    {
        await using var scope = _catalogue.As("reader");
        var queries = scope.Get<ArtifactQueries>();
        string[] asked = ["tl.2023.0001", "TL.2023.0003", "TL.2099.9999"];

        var staff = await queries.GetManyAsync(asked, publishedOnly: false);
        var visitors = await queries.GetManyAsync(asked, publishedOnly: true);

        Assert.That(staff.Keys, Is.EquivalentTo(new[] { "TL.2023.0001", "TL.2023.0003" }));
        Assert.That(staff["TL.2023.0001"].Materials.Select(m => m.Code), Is.EqualTo(new[] { "celadon-glaze", "stoneware" }));
        Assert.That(visitors.Keys, Is.EqualTo(new[] { "TL.2023.0001" }), "a draft is not shown to the public");
    }

    private async Task<Catalogue.Core.Common.PagedList<ArtifactSummary>> ListAsync(ArtifactListQuery query)
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Get<ArtifactQueries>().ListAsync(query);
    }
}
