using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using Catalogue.Core.Excavation.Stratigraphy;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Excavation;

/// <summary>
/// The Relations page (one relation, or several at once) refuses what contradicts the record with the chain named,
/// and the matrix page draws what was stored, latest at the top, with SVG and DOT downloads.
/// </summary>
public sealed class RelationsAndMatrixTests() : CatalogueApp()
{
    private HttpClient archaeologist = null!;
    private ExcavationRecords records = null!;

    [OneTimeSetUp]
    public async Task SignInArchaeologist()
    {
        archaeologist = await SignInAsync(Roles.Archaeologist);
        records = new ExcavationRecords(App.Services);
    }

    [OneTimeTearDown]
    public void DisposeClient() => archaeologist.Dispose();

    [Test]
    public async Task A_below_relation_is_stored_once_and_read_as_below_from_one_context_and_above_from_the_other()
    {
        var site = await records.SiteWithContextsAsync(5, 6);

        using var response = await archaeologist.SubmitAsync(await archaeologist.RelationFormAsync(site, 5, "Below", 6));

        await response.ExpectRedirectAsync(archaeologist, $"/Excavation/Contexts/Relations/{site}/5");
        Assert.That(await StoredRelationsAsync(site), Is.EqualTo(new[] { (6, StratigraphicRelationType.Above, 5) }), "stored once, read from the later context");
        Assert.That(await RelationsShownAsync($"/Excavation/Contexts/Details/{site}/5"), Is.EqualTo(new[] { "(5) below (6) Deposit" }));
        Assert.That(await RelationsShownAsync($"/Excavation/Contexts/Details/{site}/6"), Is.EqualTo(new[] { "(6) above (5) Deposit" }));
        var relationsPage = await archaeologist.GetPageAsync($"/Excavation/Contexts/Relations/{site}/5");
        Assert.That(relationsPage.QuerySelectorAll("#relations td:first-child").Select(td => td.Collapsed()), Is.EqualTo(new[] { "(5) below (6)" }));
    }

    [Test]
    public async Task A_relation_that_closes_a_cycle_is_refused_with_the_chain_named_and_nothing_is_stored()
    {
        var site = await records.SiteWithContextsAsync(21, 22, 23);
        await records.RelationsAsync(site, "21 above 22", "22 above 23");

        using var response = await archaeologist.SubmitAsync(await archaeologist.RelationFormAsync(site, 23, "Above", 21));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var errors = (await response.ReadHtmlAsync()).QuerySelector("#relation-errors")!.Collapsed();
        Assert.That(errors, Does.Contain("\"23 above 21\" cannot be recorded").And.Contain("21 above 22").And.Contain("22 above 23"));
        Assert.That(await StoredRelationsAsync(site), Is.EquivalentTo(new[]
        {
            (21, StratigraphicRelationType.Above, 22),
            (22, StratigraphicRelationType.Above, 23),
        }));
    }

    [Test]
    public async Task A_relation_already_recorded_from_the_other_side_is_refused_and_not_stored_twice()
    {
        var site = await records.SiteWithContextsAsync(8, 9);
        await records.RelationsAsync(site, "8 above 9");

        using var response = await archaeologist.SubmitAsync(await archaeologist.RelationFormAsync(site, 9, "Below", 8));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).QuerySelector("#relation-errors")!.Collapsed(), Does.Contain("already recorded"));
        Assert.That(await StoredRelationsAsync(site), Has.Count.EqualTo(1));
    }

    [TestCase("32 abov 34", "Line 2 (\"32 abov 34\") is not a relation")]
    [TestCase("33 above 31", "comes back to where it started")]
    [TestCase("32 above 99", "names context 99, which is not recorded on this site")]
    public async Task A_batch_with_one_bad_line_stores_none_of_its_lines_and_lists_the_problem(string badLine, string problem)
    {
        var site = await records.SiteWithContextsAsync(31, 32, 33, 34);

        using var response = await archaeologist.SubmitAsync(await archaeologist.BatchFormAsync(site, 31, "31 above 32", badLine, "32 above 33"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector("#relation-errors")!.Collapsed(), Does.Contain(problem));
        Assert.That(page.QuerySelector("#Statements")!.TextContent, Does.Contain(badLine), "the typed lines are kept to be corrected");
        Assert.That(await StoredRelationsAsync(site), Is.Empty);
    }

    [Test]
    public async Task A_good_batch_stores_every_line_in_its_canonical_direction()
    {
        var site = await records.SiteWithContextsAsync(31, 32, 33, 34);

        using var response = await archaeologist.SubmitAsync(await archaeologist.BatchFormAsync(site, 31, "31 above 32", "33 below 32", "33 cut by 34"));

        await response.ExpectRedirectAsync(archaeologist, $"/Excavation/Contexts/Relations/{site}/31");
        Assert.That(await StoredRelationsAsync(site), Is.EquivalentTo(new[]
        {
            (31, StratigraphicRelationType.Above, 32),
            (32, StratigraphicRelationType.Above, 33),
            (34, StratigraphicRelationType.Cuts, 33),
        }));
        var after = await archaeologist.GetPageAsync(response.RedirectTarget(archaeologist.BaseAddress!)!.PathAndQuery);
        Assert.That(after.QuerySelector("main .notice")!.Collapsed(), Is.EqualTo("3 relations recorded."));
    }

    [Test]
    public async Task The_matrix_page_draws_one_linked_box_per_context_with_later_contexts_higher()
    {
        var site = await records.SiteWithContextsAsync(41, 42, 43, 44);
        await records.RelationsAsync(site, "41 above 42", "42 above 43", "41 above 44");

        var page = await archaeologist.GetPageAsync($"/Excavation/Matrix/{site}");

        var svg = page.QuerySelector("#matrix svg");
        Assert.That(svg, Is.Not.Null, "the matrix is drawn as inline SVG");
        var links = svg!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.That(links, Is.EquivalentTo(new[] { 41, 42, 43, 44 }.Select(n => $"/Excavation/Contexts/Details/{site}/{n}")));
        double Y(int context) => BoxTop(svg, $"/Excavation/Contexts/Details/{site}/{context}");
        Assert.That(Y(41), Is.LessThan(Y(42)), "(41) lies above (42)");
        Assert.That(Y(42), Is.LessThan(Y(43)), "(42) lies above (43)");
        Assert.That(Y(41), Is.LessThan(Y(44)), "(41) lies above (44)");
    }

    [Test]
    public async Task The_matrix_page_links_to_svg_and_graphviz_downloads_with_their_content_types()
    {
        var site = await records.SiteWithContextsAsync(51, 52);
        await records.RelationsAsync(site, "51 above 52");
        var page = await archaeologist.GetPageAsync($"/Excavation/Matrix/{site}");
        var downloads = page.QuerySelectorAll("main a[download]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.That(downloads, Has.Count.EqualTo(2));

        using var svg = await archaeologist.GetAsync(downloads.Single(d => d.EndsWith("handler=Svg", StringComparison.Ordinal)));
        using var dot = await archaeologist.GetAsync(downloads.Single(d => d.EndsWith("handler=Dot", StringComparison.Ordinal)));

        Assert.That(svg.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(svg.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"));
        Assert.That(svg.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo($"matrix-{site}.svg"));
        var drawing = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        Assert.That(drawing.Root!.Name, Is.EqualTo(XName.Get("svg", "http://www.w3.org/2000/svg")));
        Assert.That(dot.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(dot.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/vnd.graphviz"));
        Assert.That(dot.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo($"matrix-{site}.dot"));
        var graph = await dot.Content.ReadAsStringAsync();
        Assert.That(graph, Does.StartWith("digraph ").And.Contain("\"51\" -> \"52\";"));
    }

    private static double BoxTop(IElement svg, string href)
    {
        var rect = svg.QuerySelectorAll("a").SingleOrDefault(a => a.GetAttribute("href") == href)?.QuerySelector("rect")
            ?? throw new AssertionException($"The matrix has no box linking to {href}.");
        return double.Parse(rect.GetAttribute("y")!, CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> RelationsShownAsync(string url) =>
        (await archaeologist.GetPageAsync(url)).QuerySelectorAll("#relations li").Select(li => li.Collapsed()).ToList();

    private Task<List<(int From, StratigraphicRelationType Type, int To)>> StoredRelationsAsync(string site) =>
        WithDatabaseAsync(async db => (await db.ContextRelations.Where(r => r.SiteCode == site)
                .Select(r => new { From = r.From!.Number, r.Type, To = r.To!.Number }).ToListAsync())
            .Select(r => (r.From, r.Type, r.To)).ToList());
}
