using System.Net;
using System.Text.Json;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Users;
using Catalogue.Web.Infrastructure;
using Catalogue.Web.Pages.Account;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Catalogue.Web.Tests;

/// <summary>
/// Behind a reverse proxy that ends TLS: what the trusted proxy says about the visitor is believed, what anyone else
/// says is not.
/// </summary>
public sealed class ProxyTests() : CatalogueApp()
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "203.0.113.9";

    protected override void Configure(CatalogueFactory app)
    {
        app.Settings[$"{ProxySetup.TrustedProxiesKey}:0"] = "10.0.0.0/8";
        app.PeersFromHeader = true;
    }

    [TestCase(Proxy, "https://catalogue.example.org/iiif/3/")]
    [TestCase(Stranger, "http://localhost/iiif/3/")]
    public async Task Links_that_leave_the_page_carry_the_address_the_visitor_used_when_a_trusted_proxy_says_it(string peer, string expected)
    {
        var published = SampleCatalogue.First(PublicationStatus.Published).AccessionNumber;
        var image = await WithDatabaseAsync(db => db.MediaLinks.Where(l => l.OwnerKey == published).Select(l => l.Image!.Sha256).FirstAsync());
        using var client = CreateClient();

        using var response = await client.SendAsync(Forwarded(HttpMethod.Get, $"/iiif/3/{image}/info.json", peer, "198.51.100.7"));

        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.That(id, Is.EqualTo(expected + image));
    }

    [TestCase(Proxy, true)]
    [TestCase(Stranger, false)]
    public async Task The_sign_in_cookie_is_marked_secure_when_the_visitor_came_over_https(string peer, bool secure)
    {
        var user = await CreateUserAsync(Roles.Curator);
        using var client = CreateClient();

        using var response = await SignInAsync(client, user.Email, user.Password, peer, "198.51.100.20");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("catalogue.auth=", StringComparison.Ordinal));
        Assert.That(cookie.Split(';').Select(p => p.Trim()).Contains("secure", StringComparer.OrdinalIgnoreCase), Is.EqualTo(secure), cookie);
    }

    [TestCase(Proxy, true, TestName = "Behind the trusted proxy, one visitor's failed sign-ins do not hold back another")]
    [TestCase("203.0.113.30", false, TestName = "A stranger cannot escape the sign-in limit by naming other addresses in X-Forwarded-For")]
    public async Task Sign_in_failures_are_counted_for_the_visitor_the_trusted_proxy_names(string peer, bool secondVisitorSignsIn)
    {
        var user = await CreateUserAsync(Roles.Curator);
        using var guesser = CreateClient();
        for (var attempt = 0; attempt < SignInThrottle.MaxFailures + 1; attempt++)
        {
            using var failed = await SignInAsync(guesser, $"guess-{attempt}@catalogue.test", "summer2026", peer, "198.51.100.40");
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "refused");
        }

        using var other = CreateClient();
        using var response = await SignInAsync(other, user.Email, user.Password, peer, "198.51.100.41");

        Assert.That(response.StatusCode, Is.EqualTo(secondVisitorSignsIn ? HttpStatusCode.Redirect : HttpStatusCode.OK));
    }

    [Test]
    public void A_trusted_proxy_setting_that_is_neither_an_address_nor_a_network_stops_the_app_naming_it()
    {
        using var app = new CatalogueFactory(App.DataDirectory, loadSampleData: false);
        app.Settings[$"{ProxySetup.TrustedProxiesKey}:0"] = "10.0.0.300";

        var error = Assert.Catch(() => app.CreateClient());

        Assert.That(error, Is.InstanceOf<OptionsValidationException>().Or.InnerException.InstanceOf<OptionsValidationException>());
        Assert.That(error!.ToString(), Does.Contain("Catalogue:TrustedProxies: '10.0.0.300' is neither an IP address nor a network such as 10.0.0.0/8."));
    }

    /// <summary>A request arriving from <paramref name="peer"/>, saying it forwards a visitor on https.</summary>
    private static HttpRequestMessage Forwarded(HttpMethod method, string url, string peer, string visitor)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add(CatalogueFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", visitor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "catalogue.example.org");
        return request;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string peer, string visitor)
    {
        // The form is fetched directly (its antiforgery cookie is not marked secure) and posted through the proxy.
        var form = (await client.GetFormAsync("/Account/Login")).Set("Email", email).Set("Password", password);
        var request = Forwarded(HttpMethod.Post, form.Action.PathAndQuery, peer, visitor);
        request.Content = form.ToContent();
        return await client.SendAsync(request);
    }
}
