using System.Net;
using AngleSharp.Dom;
using Catalogue.Core.Artifacts;
using Catalogue.Web.Tests.Infrastructure;

namespace Catalogue.Web.Tests;

/// <summary>What every visitor gets: health, protective headers, and a public collection that keeps unpublished records out.</summary>
public sealed class SiteTests() : CatalogueApp()
{
    private HttpClient visitor = null!;

    [OneTimeSetUp]
    public void CreateVisitor() => visitor = CreateClient();

    [OneTimeTearDown]
    public void DisposeVisitor() => visitor.Dispose();

    [Test]
    public async Task Signing_out_with_the_form_in_the_page_header_ends_the_session()
    {
        using var viewer = await SignInAsync(Catalogue.Core.Users.Roles.Viewer);
        var form = await viewer.GetFormAsync("/Artifacts", "header form[action='/Account/Logout']");

        using var response = await viewer.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the sign-out form must carry its antiforgery token");
        Assert.That(response.RedirectTarget(viewer.BaseAddress!)!.AbsolutePath, Is.EqualTo("/"));
        using var after = await viewer.GetAsync("/Artifacts");
        Assert.That(after.RedirectTarget(viewer.BaseAddress!)?.AbsolutePath, Is.EqualTo("/Account/Login"), "signed out, staff pages ask to sign in again");
    }

    [Test]
    public async Task The_health_endpoint_answers_200_Healthy()
    {
        using var response = await visitor.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [TestCase("/")]
    [TestCase("/Collection")]
    [TestCase("/Account/Login")]
    public async Task Pages_are_sent_with_headers_against_sniffing_framing_and_foreign_scripts(string url)
    {
        using var response = await visitor.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(policy, Does.Contain("default-src 'self'").And.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'"));
    }

    [Test]
    public async Task The_public_collection_lists_every_published_artifact_and_no_draft_or_internal_one()
    {
        var listed = new List<string>();
        var titles = new List<string>();
        string? next = "/Collection";
        for (var pages = 0; next is not null && pages < 100; pages++)
        {
            var page = await visitor.GetPageAsync(next);
            var cards = page.QuerySelectorAll("#collection article h3 a").ToList();
            listed.AddRange(cards.Select(AccessionNumberOf));
            titles.AddRange(cards.Select(a => a.TextContent.Trim()));
            next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        // Several finds share a title ("Iron crossbow-bolt head"); only titles no published record carries must never show.
        var publishedTitles = SampleCatalogue.WithStatus(PublicationStatus.Published).SelectMany(a => a.Titles);
        var unpublishedOnlyTitles = SampleCatalogue.Artifacts.Where(a => a.Status != PublicationStatus.Published).SelectMany(a => a.Titles).Except(publishedTitles).ToList();
        Assert.That(unpublishedOnlyTitles, Is.Not.Empty, "the samples should have unpublished records with titles of their own");
        Assert.That(listed, Is.EquivalentTo(SampleCatalogue.WithStatus(PublicationStatus.Published).Select(a => a.AccessionNumber)));
        Assert.That(titles.Intersect(unpublishedOnlyTitles), Is.Empty);
    }

    [Test]
    public async Task The_staff_artifact_list_pages_through_every_artifact_whatever_its_status()
    {
        using var viewer = await SignInAsync(Catalogue.Core.Users.Roles.Viewer);
        var listed = new List<string>();
        string? next = "/Artifacts";
        for (var pages = 0; next is not null && pages < 100; pages++)
        {
            var page = await viewer.GetPageAsync(next);
            listed.AddRange(page.QuerySelectorAll("#artifacts tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
            next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        Assert.That(listed, Is.EquivalentTo(SampleCatalogue.Artifacts.Select(a => a.AccessionNumber)));
    }

    [Test]
    public async Task Searching_the_public_collection_for_an_unpublished_title_finds_nothing()
    {
        var draft = SampleCatalogue.First(PublicationStatus.Draft);
        var title = draft.Titles.First();

        var page = await visitor.GetPageAsync($"/Collection?q={Uri.EscapeDataString(title)}");

        Assert.That(page.QuerySelectorAll("#collection article h3 a").Select(AccessionNumberOf), Does.Not.Contain(draft.AccessionNumber));
        Assert.That(page.Text(), Does.Not.Contain(draft.AccessionNumber + " "));
    }

    [TestCase(PublicationStatus.Draft)]
    [TestCase(PublicationStatus.Internal)]
    public async Task The_public_page_of_an_unpublished_artifact_is_not_found(PublicationStatus status)
    {
        var unpublished = SampleCatalogue.First(status);

        using var response = await visitor.GetAsync($"/Collection/Details/{unpublished.AccessionNumber}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Not found"));
        Assert.That(page.Text(), Does.Not.Contain(unpublished.Titles.First()));
    }

    [Test]
    public async Task The_public_page_of_a_published_artifact_shows_its_title()
    {
        var published = SampleCatalogue.First(PublicationStatus.Published);

        var page = await visitor.GetPageAsync($"/Collection/Details/{published.AccessionNumber}");

        Assert.That(page.QuerySelector("dl.record")!.TextContent, Does.Contain(published.Titles.First()));
    }

    [Test]
    public async Task An_address_that_does_not_exist_gets_the_readable_not_found_page()
    {
        // Signed in: for anonymous visitors the staff-only fallback policy answers unknown addresses with the sign-in page.
        using var viewer = await SignInAsync(Catalogue.Core.Users.Roles.Viewer);

        using var response = await viewer.GetAsync("/No/Such/Page");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.ReadHtmlAsync()).QuerySelector("h1")!.TextContent, Is.EqualTo("Not found"));
    }

    [Test]
    public async Task The_start_page_shows_staff_the_count_of_artifacts_in_each_publication_status()
    {
        using var viewer = await SignInAsync(Catalogue.Core.Users.Roles.Viewer);

        var home = await viewer.GetPageAsync("/");

        var cards = home.QuerySelectorAll(".cards .card").ToDictionary(c => c.QuerySelector("h3")!.TextContent.Trim(), c => c.QuerySelector("p")!.TextContent.Trim());
        Assert.That(cards["Published"], Is.EqualTo($"{SampleCatalogue.WithStatus(PublicationStatus.Published).Count()} artifacts"));
        Assert.That(cards["Draft"], Is.EqualTo($"{SampleCatalogue.WithStatus(PublicationStatus.Draft).Count()} artifacts"));
    }

    [Test]
    public async Task The_start_page_shows_visitors_no_counts_of_unpublished_records()
    {
        var home = await visitor.GetPageAsync("/");

        Assert.That(home.QuerySelector(".cards"), Is.Null);
        Assert.That(home.QuerySelector("a[href='/Collection']"), Is.Not.Null);
    }

    private static string AccessionNumberOf(IElement link) => link.GetAttribute("href")!.Split('/')[^1];
}
