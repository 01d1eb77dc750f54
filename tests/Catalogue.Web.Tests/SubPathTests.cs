using System.Net;
using AngleSharp.Dom;
using Catalogue.Core.Users;
using Catalogue.Web.Infrastructure;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Catalogue.Web.Tests;

/// <summary>
/// The app published under a sub-path by a reverse proxy (https://museum.example.org/catalogue/ →
/// the app's /): the trusted proxy says so in X-Forwarded-Prefix, and every link, form, image and redirect the pages
/// give keeps to that sub-path, or the visitor would fall off the app.
/// </summary>
public sealed class SubPathTests() : CatalogueApp()
{
    private const string Prefix = "/catalogue";
    private const string Proxy = "10.0.0.5";

    protected override void Configure(CatalogueFactory app)
    {
        app.Settings[$"{ProxySetup.TrustedProxiesKey}:0"] = "10.0.0.0/8";
        app.PeersFromHeader = true;
    }

    /// <summary>
    /// A visitor's client that goes through the proxy: it asks for /catalogue/…, and the proxy takes the sub-path off,
    /// says it in X-Forwarded-Prefix and passes the request on from its own address. Cookies are kept as the visitor's
    /// browser keeps them, for the addresses under the sub-path.
    /// </summary>
    private HttpClient Visitor() => App.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(), new SubPathProxy());

    private async Task<HttpClient> SignedInVisitorAsync(string role)
    {
        var user = await UserAsync(role);
        var client = Visitor();
        using var response = await client.PostFormAsync($"{Prefix}/Account/Login", ("Email", user.Email), ("Password", user.Password));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signing in under the sub-path");
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"{Prefix}/"), "to the start page under the sub-path");
        return client;
    }

    [TestCase(null)]
    [TestCase(Roles.Admin)]
    public async Task Every_link_form_and_image_on_the_pages_keeps_to_the_sub_path(string? role)
    {
        using var client = role is null ? Visitor() : await SignedInVisitorAsync(role);

        var (visited, wrong) = await CrawlAsync(client, role is null
            ? ["/", "/Collection", "/Collection?q=bowl", "/Exhibitions"]
            : ["/", "/Search?q=bowl", "/Artifacts", "/Excavation/Sites", "/Locations", "/Conservation", "/Exhibitions", "/Loans", "/Admin/Users", "/Admin/Vocabularies"]);

        Assert.That(visited, Is.GreaterThan(role is null ? 8 : 40), "pages crawled");
        Assert.That(wrong, Is.Empty, "addresses that leave the sub-path");
    }

    [Test]
    public async Task A_form_sent_under_the_sub_path_redirects_back_under_it()
    {
        using var client = Visitor();
        var form = (await client.GetFormAsync($"{Prefix}/Collection", "form.languages")).Set("culture", "fr");
        Assert.That(form.Action.AbsolutePath, Is.EqualTo($"{Prefix}/Language"));

        using var response = await client.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"{Prefix}/Collection"));
        var french = await client.GetPageAsync($"{Prefix}/Collection");
        Assert.That(french.DocumentElement.GetAttribute("lang"), Is.EqualTo("fr"), "the choice is kept for the pages under the sub-path");
    }

    [Test]
    public async Task The_scripts_are_told_the_sub_path()
    {
        using var client = Visitor();

        var page = await client.GetPageAsync($"{Prefix}/Collection");

        Assert.That(page.DocumentElement.GetAttribute("data-base"), Is.EqualTo($"{Prefix}/"));
    }

    [Test]
    public async Task A_sub_path_named_by_anyone_but_a_trusted_proxy_is_ignored()
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Add(CatalogueFactory.PeerHeader, "203.0.113.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Prefix", "/elsewhere");

        var page = await client.GetPageAsync("/Collection");

        Assert.That(page.DocumentElement.GetAttribute("data-base"), Is.EqualTo("/"));
        Assert.That(page.QuerySelector("form.languages")!.GetAttribute("action"), Is.EqualTo("/Language"));
    }

    /// <summary>The reverse proxy in front of the app, publishing it under <see cref="Prefix"/>.</summary>
    private sealed class SubPathProxy : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            Assert.That(uri.AbsolutePath, Does.StartWith(Prefix + "/"), "the visitor only ever asks for addresses under the sub-path");
            request.RequestUri = new UriBuilder(uri) { Path = uri.AbsolutePath[Prefix.Length..] }.Uri;
            request.Headers.Add(CatalogueFactory.PeerHeader, Proxy);
            request.Headers.Add("X-Forwarded-Prefix", Prefix);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Follows the pages' own links under the sub-path, breadth first; gives how many pages were read and every address that left it.</summary>
    private static async Task<(int Visited, List<string> Wrong)> CrawlAsync(HttpClient client, string[] starts)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var wrong = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < 120)
        {
            var path = queue.Dequeue();
            using var response = await client.GetAsync(Prefix + path);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            visited++;
            var page = await response.ReadHtmlAsync();
            foreach (var address in Addresses(page))
            {
                if (!address.StartsWith('/') || address.StartsWith("//", StringComparison.Ordinal))
                    continue; // another site, or a relative address
                if (!address.StartsWith(Prefix + "/", StringComparison.Ordinal) && address != Prefix)
                {
                    wrong.Add($"{path}: {address}");
                    continue;
                }

                var inside = address[Prefix.Length..];
                var local = inside.Split('#')[0];
                if (local.Length > 0 && !IsFile(local) && !local.Contains("handler=", StringComparison.Ordinal) && seen.Add(local))
                    queue.Enqueue(local);
            }
        }

        return (visited, wrong);
    }

    private static IEnumerable<string> Addresses(IDocument page) =>
        page.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("form[action]").Select(e => e.GetAttribute("action")!))
            .Concat(page.QuerySelectorAll("img[src], script[src], source[src]").Select(e => e.GetAttribute("src")!))
            .Concat(page.QuerySelectorAll("img[srcset], source[srcset]").Select(e => e.GetAttribute("srcset")!.Split(' ')[0]))
            .Concat(page.QuerySelectorAll("[data-zoom]").Select(e => e.GetAttribute("data-zoom")!));

    private static bool IsFile(string path) =>
        path.StartsWith("/iiif/", StringComparison.Ordinal) || path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/lib/", StringComparison.Ordinal)
        || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal) || path.Contains("Labels", StringComparison.Ordinal);
}
