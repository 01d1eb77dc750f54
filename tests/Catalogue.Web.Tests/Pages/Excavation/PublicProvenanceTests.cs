using System.Globalization;
using System.Net;
using System.Text.Json;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Excavation;

/// <summary>
/// An artifact accessioned from a find and published: the public learns where it was excavated (site and period)
/// and nothing of the field record (find, context, coordinates, the free-text provenance); the sites API is staff-only.
/// </summary>
public sealed class PublicProvenanceTests() : CatalogueApp()
{
    private HttpClient visitor = null!;
    private HttpClient curator = null!;
    private ExcavatedFind find = null!;
    private string accessionNumber = null!;
    private string storedProvenance = null!;

    [OneTimeSetUp]
    public async Task AccessionAndPublishAFind()
    {
        visitor = CreateClient();
        curator = await SignInAsync(Roles.Curator);
        find = await new ExcavationRecords(App.Services).StratifiedFindAsync(context: 4711);
        accessionNumber = ArtifactForms.NewAccessionNumber();
        var form = (await curator.GetFormAsync($"/Artifacts/Create?find={find.FindNumber}", "#artifact-form")).Set("Input.AccessionNumber", accessionNumber);
        using (var created = await curator.SubmitAsync(form))
            await created.ExpectRedirectAsync(curator, $"/Artifacts/Details/{accessionNumber}");
        var publish = (await curator.GetFormAsync($"/Artifacts/Details/{accessionNumber}", "#status-form")).Set("status", "Published");
        using (var published = await curator.SubmitAsync(publish))
            await published.ExpectRedirectAsync(curator, $"/Artifacts/Details/{accessionNumber}");
        storedProvenance = await WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => a.Provenance!).SingleAsync());
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        visitor.Dispose();
        curator.Dispose();
    }

    /// <summary>What the field record holds and the public must never see.</summary>
    private string[] FieldRecord =>
    [
        find.FindNumber,
        $"({find.ContextAbove})", $"({find.Context})", $"({find.ContextBelow})",
        Invariant(ExcavatedFind.X), Invariant(ExcavatedFind.Y), Invariant(ExcavatedFind.Z),
        Invariant(ExcavatedFind.Latitude), Invariant(ExcavatedFind.Longitude),
        storedProvenance,
    ];

    [Test]
    public async Task The_public_page_of_the_artifact_names_the_site_and_the_period_it_was_excavated_from()
    {
        var page = await visitor.GetPageAsync($"/Collection/Details/{accessionNumber}");

        Assert.That(page.QuerySelector("#provenance")?.Collapsed(), Is.EqualTo($"{find.SiteName} · {find.Period.Label.En}"));
    }

    [Test]
    public async Task The_public_page_never_shows_the_find_the_context_the_coordinates_or_the_free_text_provenance()
    {
        using var response = await visitor.GetAsync($"/Collection/Details/{accessionNumber}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        var text = HtmlOf(html).Text();

        // The staff page shows the field record, so the values looked for are really there to leak.
        var staffText = (await curator.GetPageAsync($"/Artifacts/Details/{accessionNumber}")).Text();
        Assert.That(staffText, Does.Contain(find.FindNumber).And.Contain(storedProvenance).And.Contain($"({find.Context})"));
        Assert.That(storedProvenance, Does.Contain(find.FindNumber));
        Assert.Multiple(() =>
        {
            foreach (var secret in FieldRecord)
            {
                Assert.That(html, Does.Not.Contain(secret), $"the page's HTML shows \"{secret}\"");
                Assert.That(text, Does.Not.Contain(secret), $"the page's text shows \"{secret}\"");
            }

            foreach (var context in new[] { find.ContextAbove, find.Context, find.ContextBelow })
                Assert.That(text, Does.Not.Contain(Invariant(context)), $"the page's text shows context number {context}");
            Assert.That(html, Does.Not.Contain("/Excavation/"), "the public page links to no excavation record");
        });
    }

    [Test]
    public async Task The_public_json_of_the_artifact_has_no_provenance_while_staff_see_it()
    {
        using var viewer = await SignInAsync(Roles.Viewer);

        using var publicResponse = await visitor.GetAsync($"/api/artifacts/{accessionNumber}");
        using var staffResponse = await viewer.GetAsync($"/api/artifacts/{accessionNumber}");

        Assert.That(publicResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await publicResponse.Content.ReadAsStringAsync();
        using var artifact = JsonDocument.Parse(json);
        Assert.That(artifact.RootElement.GetProperty("accessionNumber").GetString(), Is.EqualTo(accessionNumber));
        Assert.That(artifact.RootElement.EnumerateObject().Select(p => p.Name), Has.None.EqualTo("provenance").IgnoreCase);
        Assert.That(FieldRecord.Where(json.Contains), Is.Empty, "the public JSON shows nothing of the field record");
        using var staffArtifact = JsonDocument.Parse(await staffResponse.Content.ReadAsStringAsync());
        Assert.That(staffArtifact.RootElement.GetProperty("provenance").GetString(), Is.EqualTo(storedProvenance));
    }

    [Test]
    public async Task The_sites_api_refuses_anonymous_callers_with_401()
    {
        using var response = await visitor.GetAsync("/api/sites");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(find.Site));
    }

    [TestCase(Roles.Archaeologist)]
    [TestCase(Roles.Viewer)]
    public async Task The_sites_api_lists_every_site_for_staff(string role)
    {
        using var staff = await SignInAsync(role);

        using var response = await staff.GetAsync("/api/sites");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.That(list.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(items.Count).And.EqualTo(await WithDatabaseAsync(db => db.Sites.CountAsync())));
        var site = items.Single(i => i.GetProperty("code").GetString() == find.Site);
        Assert.That((site.GetProperty("contexts").GetInt32(), site.GetProperty("finds").GetInt32()), Is.EqualTo((3, 1)));
    }

    private static AngleSharp.Dom.IDocument HtmlOf(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
