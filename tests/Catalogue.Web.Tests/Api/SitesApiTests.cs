using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Catalogue.Core.Excavation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Api;

/// <summary>
/// /api/sites for staff, by API token or by the session cookie: a site with its areas and counts, its contexts with
/// relations read from both sides, and its Harris matrix after transitive reduction, as JSON and as SVG.
/// </summary>
public sealed class SitesApiTests() : CatalogueApp()
{
    private const string Svg = "http://www.w3.org/2000/svg";

    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);
    private string site = null!;

    [OneTimeSetUp]
    public async Task RecordASiteAndSignIn()
    {
        var records = new ExcavationRecords(App.Services);
        site = await records.SiteAsync(nameEn: "API test site", areas: [("T1", AreaKind.Trench), ("A", AreaKind.Area)]);
        foreach (var number in new[] { 1, 2, 3 })
            await records.ContextAsync(site, number);
        // 1 above 3 is implied by 1 above 2 above 3: recorded, but not a line of the matrix.
        await records.RelationsAsync(site, "1 above 3", "1 above 2", "3 below 2");
        await records.FindAsync(new SaveFindCommand { SiteCode = site, ContextNumber = 2 });

        var bearer = CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await NewTokenAsync(Roles.Archaeologist));
        clients["bearer"] = bearer;
        clients["cookie"] = await SignInAsync(Roles.Viewer);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        foreach (var client in clients.Values)
            client.Dispose();
    }

    [TestCase("bearer")]
    [TestCase("cookie")]
    public async Task A_site_answers_with_its_areas_and_its_counts_of_contexts_and_finds(string how)
    {
        using var json = await GetJsonAsync(clients[how], $"/api/sites/{site.ToLowerInvariant()}");

        var root = json.RootElement;
        Assert.That(root.GetProperty("code").GetString(), Is.EqualTo(site));
        Assert.That(root.GetProperty("name").GetProperty("en").GetString(), Is.EqualTo("API test site"));
        Assert.That(root.GetProperty("areas").EnumerateArray().Select(a => (a.GetProperty("code").GetString(), a.GetProperty("kind").GetString())),
            Is.EqualTo(new[] { ("A", "area"), ("T1", "trench") }));
        Assert.That((root.GetProperty("contexts").GetInt32(), root.GetProperty("finds").GetInt32()), Is.EqualTo((3, 1)));
    }

    [TestCase("bearer")]
    [TestCase("cookie")]
    public async Task The_contexts_of_a_site_carry_each_relation_read_from_both_of_its_contexts(string how)
    {
        using var json = await GetJsonAsync(clients[how], $"/api/sites/{site}/contexts");

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.That(json.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That(items.Select(c => c.GetProperty("number").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(Relations(items, 1), Is.EquivalentTo(new[] { "above 3", "above 2" }));
        Assert.That(Relations(items, 2), Is.EquivalentTo(new[] { "below 1", "above 3" }));
        Assert.That(Relations(items, 3), Is.EquivalentTo(new[] { "below 1", "below 2" }));
        Assert.That(items.Single(c => c.GetProperty("number").GetInt32() == 2).GetProperty("finds").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_matrix_has_every_context_as_a_node_and_only_the_edges_left_after_reduction()
    {
        using var json = await GetJsonAsync(clients["bearer"], $"/api/sites/{site}/matrix");

        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("id").GetString(), n.GetProperty("label").GetString(), n.GetProperty("layer").GetInt32())).ToList();
        Assert.That(nodes, Is.EquivalentTo(new[] { ("1", "(1)", 0), ("2", "(2)", 1), ("3", "(3)", 2) }));
        var edges = json.RootElement.GetProperty("edges").EnumerateArray().Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString())).ToList();
        Assert.That(edges, Is.EquivalentTo(new[] { ("1", "2"), ("2", "3") }), "1 above 3 is implied by 1 above 2 above 3");
    }

    [Test]
    public async Task The_matrix_svg_is_a_well_formed_svg_document_with_a_linked_box_per_context()
    {
        using var response = await clients["bearer"].GetAsync($"/api/sites/{site}/matrix.svg");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"));
        var drawing = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(drawing.Root!.Name, Is.EqualTo(XName.Get("svg", Svg)));
        var links = drawing.Descendants(XName.Get("a", Svg)).Select(a => (string?)a.Attribute("href")).ToList();
        Assert.That(links, Is.EquivalentTo(new[] { 1, 2, 3 }.Select(n => $"/Excavation/Contexts/Details/{site}/{n}")));
    }

    [TestCase("/api/sites/NOPE")]
    [TestCase("/api/sites/NOPE/contexts")]
    [TestCase("/api/sites/NOPE/matrix")]
    [TestCase("/api/sites/NOPE/matrix.svg")]
    public async Task An_unknown_site_is_a_404_problem_naming_the_code(string url)
    {
        using var response = await clients["bearer"].GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(404));
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain("NOPE"));
    }

    private static List<string> Relations(List<JsonElement> contexts, int number) =>
        contexts.Single(c => c.GetProperty("number").GetInt32() == number).GetProperty("relations").EnumerateArray()
            .Select(r => $"{r.GetProperty("relation").GetString()} {r.GetProperty("context").GetInt32()}").ToList();

    private async Task<string> NewTokenAsync(string role)
    {
        var user = await UserAsync(role);
        var result = await WithServicesAsync(services => services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "sites API tests"));
        Assert.That(result.Succeeded, Is.True);
        return result.Value.Secret;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {url}: {body}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return JsonDocument.Parse(body);
    }
}
