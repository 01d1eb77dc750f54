using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Locations;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Api;

/// <summary>/api/search: published records only for the public, never a location; bad input is a 400, a bad query a 200 with a message.</summary>
public sealed class SearchApiTests() : CatalogueApp()
{
    private const string SecretBox = "QZSECRETBOX";
    private HttpClient anonymous = null!;

    [OneTimeSetUp]
    public async Task WaitForTheIndex()
    {
        anonymous = CreateClient();
        // A published object stored in a box whose code and name no visitor may ever find.
        var published = SampleCatalogue.First(PublicationStatus.Published).AccessionNumber;
        await WithServicesAsync(async services =>
        {
            var locations = services.GetRequiredService<LocationCommands>();
            var box = await locations.SaveAsync(new SaveLocationCommand { Code = SecretBox, Name = "Strongroom qzvault", Kind = LocationKind.Box }, isNew: true);
            var moved = await locations.MoveAsync(new MoveCommand { AccessionNumbers = [published], ToLocationCode = SecretBox, Reason = "qzvault test" });
            Assert.That(box.Succeeded && moved.Succeeded, Is.True);
            return true;
        });
        await WaitForSearchIndexAsync();
    }

    [OneTimeTearDown]
    public void DisposeClient() => anonymous.Dispose();

    [Test]
    public async Task An_anonymous_search_returns_published_artifacts_only_with_public_facets()
    {
        var published = SampleCatalogue.WithStatus(PublicationStatus.Published).Select(a => a.AccessionNumber).ToHashSet();

        using var json = await GetJsonAsync(anonymous, "/api/search?q=lotus&pageSize=100");

        var root = json.RootElement;
        var hits = root.GetProperty("hits").EnumerateArray().ToList();
        Assert.That(root.GetProperty("total").GetInt32(), Is.GreaterThan(0));
        Assert.That(hits.Select(h => h.GetProperty("accessionNumber").GetString()), Is.All.Matches<string>(published.Contains));
        Assert.That(hits.Select(h => h.GetProperty("snippet").GetString()), Has.Some.Contains("<mark>"));
        Assert.That(hits[0].GetProperty("title").ValueKind, Is.EqualTo(JsonValueKind.Object));
        var facets = root.GetProperty("facets").EnumerateObject().Select(f => f.Name).ToList();
        Assert.That(facets, Does.Contain("material").And.Contain("type"));
        Assert.That(facets, Does.Not.Contain("condition").And.Not.Contain("status").And.Not.Contain("site"));
        var material = root.GetProperty("facets").GetProperty("material")[0];
        Assert.That(material.GetProperty("count").GetInt32(), Is.GreaterThan(0));
        Assert.That(material.GetProperty("value").GetString(), Is.Not.Empty);
    }

    [TestCase(PublicationStatus.Draft)]
    [TestCase(PublicationStatus.Internal)]
    public async Task An_anonymous_search_for_an_unpublished_record_finds_nothing_of_it(PublicationStatus status)
    {
        var unpublished = SampleCatalogue.First(status);

        using var byNumber = await GetJsonAsync(anonymous, $"/api/search?q={Uri.EscapeDataString(unpublished.AccessionNumber)}");
        using var byTitle = await GetJsonAsync(anonymous, $"/api/search?q={Uri.EscapeDataString('"' + unpublished.Titles.First() + '"')}&pageSize=100");

        Assert.That(byNumber.RootElement.GetProperty("total").GetInt32(), Is.Zero);
        Assert.That(byTitle.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("accessionNumber").GetString()),
            Does.Not.Contain(unpublished.AccessionNumber));
    }

    [Test]
    public async Task A_storage_location_is_never_found_nor_shown()
    {
        foreach (var q in new[] { SecretBox, "qzvault", "strongroom" })
        {
            using var response = await anonymous.GetAsync($"/api/search?q={q}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32(), Is.Zero, q);
        }

        using var all = await anonymous.GetAsync("/api/search?pageSize=100");
        Assert.That(await all.Content.ReadAsStringAsync(), Does.Not.Contain(SecretBox).And.Not.Contain("qzvault"));
    }

    [Test]
    public async Task Staff_also_find_drafts_finds_and_contexts()
    {
        var client = await SignInAsync(Roles.Viewer);
        var draft = SampleCatalogue.First(PublicationStatus.Draft).AccessionNumber;

        using var byNumber = await GetJsonAsync(client, $"/api/search?q={draft}");
        using var finds = await GetJsonAsync(client, "/api/search?kind=find&pageSize=1");

        Assert.That(byNumber.RootElement.GetProperty("hits")[0].GetProperty("accessionNumber").GetString(), Is.EqualTo(draft));
        Assert.That(finds.RootElement.GetProperty("total").GetInt32(), Is.GreaterThan(0));
        Assert.That(finds.RootElement.GetProperty("hits")[0].GetProperty("type").GetString(), Is.EqualTo("find"));
        Assert.That(finds.RootElement.GetProperty("facets").EnumerateObject().Select(f => f.Name), Does.Contain("site").And.Contain("status"));
    }

    [TestCase("title:(bowl")]
    [TestCase("\"unclosed")]
    [TestCase("*wild")]
    [TestCase("AND OR NOT")]
    [TestCase("year:[abc TO")]
    [TestCase("/[/")]
    [TestCase("/[z-a]/")]
    [TestCase("/a{99999}/")]
    public async Task A_malformed_query_answers_200_with_a_message(string q)
    {
        using var response = await anonymous.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("problem").GetString(), Does.Contain("could not be read"));
    }

    [TestCase("page=0")]
    [TestCase("pageSize=0")]
    [TestCase("pageSize=1000")]
    [TestCase("page=abc")]
    [TestCase("sort=sideways")]
    [TestCase("kind=site")]
    [TestCase("page=100000&pageSize=100")]
    public async Task Bad_paging_or_sorting_is_a_400_problem(string query)
    {
        using var response = await anonymous.GetAsync($"/api/search?q=bowl&{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var named = query.Split('=')[0];
        Assert.That(problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(named, out _), Is.True,
            $"the problem names {named}: {problem.RootElement}");
    }

    [Test]
    public async Task A_record_published_a_moment_ago_is_found()
    {
        await WithServicesAsync(async services =>
        {
            var bowl = services.GetRequiredService<Catalogue.Core.Data.CatalogueDbContext>().Terms.First(t => t.Vocabulary == Catalogue.Core.Vocabularies.Vocabulary.ObjectType);
            var result = await services.GetRequiredService<ArtifactCommands>().CreateAsync(new CreateArtifactCommand
            {
                AccessionNumber = "TL.2026.0999", ObjectTypeId = bowl.Id, TitleVi = "Bình gốm Quảng Đức", Status = PublicationStatus.Published,
            });
            Assert.That(result.Succeeded, Is.True);
            return true;
        });

        var watch = Stopwatch.StartNew();
        var found = false;
        while (!found && watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            using var json = await GetJsonAsync(anonymous, "/api/search?q=quang%20duc");
            found = json.RootElement.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("accessionNumber").GetString() == "TL.2026.0999");
            if (!found)
                await Task.Delay(20);
        }

        Assert.That(found, Is.True, "the saved record should be searchable within the test");
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {body}");
        return JsonDocument.Parse(body);
    }
}
