using System.Net;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Data;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Pages.Search;

/// <summary>The staff search page and the public collection search, as a curator and a visitor use them.</summary>
public sealed class SearchPageTests() : CatalogueApp()
{
    private const string Marked = "TL.2026.0501";
    private const string Trilingual = "TL.2026.0502";

    [OneTimeSetUp]
    public async Task AddARecordWithMarkupAndWaitForTheIndex()
    {
        await WithServicesAsync(async services =>
        {
            var type = services.GetRequiredService<CatalogueDbContext>().Terms.First(t => t.Vocabulary == Vocabulary.ObjectType);
            var result = await services.GetRequiredService<ArtifactCommands>().CreateAsync(new CreateArtifactCommand
            {
                AccessionNumber = Marked, ObjectTypeId = type.Id, Status = PublicationStatus.Published,
                TitleFr = "Tuile à décor de phénix", DescriptionEn = "<b>bold</b> <script>alert(1)</script> phoenix & cloud tile from Hanoï",
            });
            Assert.That(result.Succeeded, Is.True);
            var trilingual = await services.GetRequiredService<ArtifactCommands>().CreateAsync(new CreateArtifactCommand
            {
                AccessionNumber = Trilingual, ObjectTypeId = type.Id, Status = PublicationStatus.Published, TitleEn = "Roof finial",
                DescriptionVi = "Đầu đao mái ngói, men xanh lục, thời Lý.",
                DescriptionFr = "Épi de faîtage à glaçure verte, époque des Lý.",
                DescriptionEn = "Roof finial with a green glaze, Lý dynasty.",
            });
            Assert.That(trilingual.Succeeded, Is.True);
            return true;
        });
        await WaitForSearchIndexAsync();
    }

    [Test]
    public async Task A_curator_finds_a_record_by_typing_without_accents_and_sees_the_word_highlighted()
    {
        var curator = await SignInAsync(Roles.Curator);

        var page = await curator.GetPageAsync("/Search?q=phenix");

        var hit = page.QuerySelector($"#hits li[data-number='{Marked}']");
        Assert.That(hit, Is.Not.Null, "the record should be listed");
        Assert.That(hit!.QuerySelector(".snippet mark, h3 a"), Is.Not.Null);
        Assert.That(page.QuerySelectorAll("#hits mark").Select(m => m.TextContent), Has.Some.EqualTo("phénix"));
        Assert.That(hit.QuerySelector("h3 a")!.GetAttribute("href"), Is.EqualTo($"/Artifacts/Details/{Marked}"));
    }

    [Test]
    public async Task A_hit_with_a_photograph_shows_its_thumbnail()
    {
        var curator = await SignInAsync(Roles.Curator);
        var (number, sha256) = await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CatalogueDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.MediaLinks.Where(l => l.ArtifactId != null).OrderBy(l => l.Id).Select(l => ValueTuple.Create(l.OwnerKey, l.Image!.Sha256)));
        });

        var page = await curator.GetPageAsync($"/Search?q=%22{number}%22");

        var image = page.QuerySelector($"#hits li[data-number='{number}'] .hit-image img");
        Assert.That(image?.GetAttribute("src"), Is.EqualTo($"/iiif/3/{sha256}/full/!200,200/0/default.jpg"));
        Assert.That(page.QuerySelector("#hits")?.TextContent, Does.Contain(number));
    }

    [Test]
    public async Task A_snippet_shows_markup_in_the_record_as_text()
    {
        var curator = await SignInAsync(Roles.Curator);

        using var response = await curator.GetAsync("/Search?q=cloud");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("&lt;b&gt;bold&lt;/b&gt;").And.Contain("&lt;script&gt;"));
        Assert.That(html, Does.Not.Contain("<b>bold</b>").And.Not.Contain("<script>alert(1)"));
        Assert.That(html, Does.Contain("<mark>cloud</mark>"));
    }

    [Test]
    public async Task Choosing_a_facet_narrows_the_results_to_its_count()
    {
        var viewer = await SignInAsync(Roles.Viewer);
        var all = await viewer.GetPageAsync("/Search?kind=artifact");
        var link = all.QuerySelector("#facets section[data-facet='material'] li a")!;
        var count = int.Parse(link.ParentElement!.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

        var narrowed = await viewer.GetPageAsync(link.GetAttribute("href")!);

        Assert.That(narrowed.QuerySelector("#search-total")!.TextContent, Does.Contain(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(narrowed.QuerySelector($"#facets section[data-facet='material'] a.selected[data-value='{link.GetAttribute("data-value")}']"), Is.Not.Null);
    }

    [Test]
    public async Task The_site_facet_shows_each_site_by_its_code_as_written_and_its_name()
    {
        var viewer = await SignInAsync(Roles.Viewer);
        var site = await WithDatabaseAsync(db => db.Sites.OrderBy(s => s.Code).FirstAsync());

        var page = await viewer.GetPageAsync("/Search?kind=find");

        var link = page.QuerySelector($"#facets section[data-facet='site'] a[data-value='{site.Code.ToLowerInvariant()}']");
        Assert.That(link?.TextContent, Does.StartWith($"{site.Code} · "));
    }

    [TestCase("title:(bowl")]
    [TestCase("\"unclosed")]
    public async Task A_malformed_query_says_what_was_wrong_and_searches_the_words(string q)
    {
        var viewer = await SignInAsync(Roles.Viewer);

        var page = await viewer.GetPageAsync($"/Search?q={Uri.EscapeDataString(q)}");

        Assert.That(page.QuerySelector("#search-problem")?.TextContent, Does.Contain("could not be read"));
    }

    [TestCase("/Search?pageNumber=abc&sort=sideways&from=x&to=y&kind=planet")]
    [TestCase("/Search?pageNumber=-4&q=bowl")]
    [TestCase("/Search?pageNumber=99999&q=bowl")]
    [TestCase("/Collection?q=bowl&pageNumber=abc")]
    public async Task Bad_parameters_never_fail_the_page(string url)
    {
        var viewer = await SignInAsync(Roles.Viewer);

        using var response = await viewer.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("fr-FR,fr;q=0.9", "Épi de faîtage à glaçure verte, époque des <mark>Lý</mark>.")]
    [TestCase("vi-VN,vi;q=0.9", "Đầu đao mái ngói, men xanh lục, thời <mark>Lý</mark>.")]
    [TestCase("en-GB,en;q=0.9", "Roof finial with a green glaze, <mark>Lý</mark> dynasty.")]
    public async Task A_visitor_reads_the_snippet_in_their_own_language(string languages, string snippet)
    {
        using var visitor = CreateClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd(languages);

        var page = await visitor.GetPageAsync($"/Collection?q=ly+{Trilingual}");

        var hit = page.QuerySelector($"#collection article[data-number='{Trilingual}'] .snippet");
        Assert.That(hit?.InnerHtml, Is.EqualTo(snippet));
    }

    [Test]
    public async Task A_visitor_searching_the_collection_sees_published_records_with_snippets_and_public_facets_only()
    {
        using var visitor = CreateClient();
        var draft = SampleCatalogue.First(PublicationStatus.Draft);

        var page = await visitor.GetPageAsync("/Collection?q=hanoi");
        var byDraftNumber = await visitor.GetPageAsync($"/Collection?q={draft.AccessionNumber}");

        Assert.That(page.QuerySelectorAll("#collection article").Select(a => a.GetAttribute("data-number")), Does.Contain(Marked));
        Assert.That(page.QuerySelectorAll("#collection mark").Select(m => m.TextContent), Has.Some.EqualTo("Hanoï"));
        Assert.That(page.QuerySelectorAll("#facets section").Select(s => s.GetAttribute("data-facet")),
            Has.None.EqualTo("condition").And.None.EqualTo("status").And.None.EqualTo("site"));
        Assert.That(byDraftNumber.QuerySelectorAll("#collection article"), Is.Empty);
    }
}
