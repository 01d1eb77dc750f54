using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Api;

/// <summary>/api/artifacts: the public sees published records only, staff tokens see the rest, bad input is a 400 problem.</summary>
public sealed class ArtifactsApiTests() : CatalogueApp()
{
    private HttpClient anonymous = null!;

    [OneTimeSetUp]
    public void CreateAnonymousClient() => anonymous = CreateClient();

    [OneTimeTearDown]
    public void DisposeClient() => anonymous.Dispose();

    [Test]
    public async Task An_anonymous_list_holds_every_published_sample_and_nothing_else()
    {
        var published = SampleCatalogue.WithStatus(PublicationStatus.Published).Select(a => a.AccessionNumber).ToList();
        var seen = new List<string>();
        int? total = null;

        for (var page = 1; page <= 100; page++)
        {
            using var list = await GetJsonAsync(anonymous, $"/api/artifacts?page={page}&pageSize=100");
            total ??= list.RootElement.GetProperty("total").GetInt32();
            var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
                break;
            Assert.That(items.Select(i => i.GetProperty("status").GetString()), Is.All.EqualTo("published"));
            seen.AddRange(items.Select(i => i.GetProperty("accessionNumber").GetString()!));
        }

        Assert.That(total, Is.EqualTo(published.Count));
        Assert.That(seen, Is.EquivalentTo(published));
    }

    [TestCase(PublicationStatus.Draft)]
    [TestCase(PublicationStatus.Internal)]
    public async Task An_unpublished_artifact_is_not_found_for_an_anonymous_caller_as_problem_details(PublicationStatus status)
    {
        var unpublished = SampleCatalogue.First(status).AccessionNumber;

        using var response = await anonymous.GetAsync($"/api/artifacts/{unpublished}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(404));
    }

    [Test]
    public async Task An_anonymous_caller_asking_for_drafts_gets_an_empty_list()
    {
        using var list = await GetJsonAsync(anonymous, "/api/artifacts?status=draft");

        Assert.That(list.RootElement.GetProperty("total").GetInt32(), Is.Zero);
        Assert.That(list.RootElement.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_staff_bearer_token_sees_draft_artifacts()
    {
        var draft = SampleCatalogue.First(PublicationStatus.Draft).AccessionNumber;
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await NewTokenAsync(Roles.Viewer));

        using var artifact = await GetJsonAsync(client, $"/api/artifacts/{draft}");
        using var drafts = await GetJsonAsync(client, "/api/artifacts?status=draft&pageSize=100");

        Assert.That(artifact.RootElement.GetProperty("accessionNumber").GetString(), Is.EqualTo(draft));
        Assert.That(artifact.RootElement.GetProperty("status").GetString(), Is.EqualTo("draft"));
        Assert.That(drafts.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(SampleCatalogue.WithStatus(PublicationStatus.Draft).Count()));
    }

    [Test]
    public async Task A_signed_in_curator_sees_drafts_through_the_cookie_as_well()
    {
        var draft = SampleCatalogue.First(PublicationStatus.Draft).AccessionNumber;
        using var curator = await SignInAsync(Roles.Curator);

        using var response = await curator.GetAsync($"/api/artifacts/{draft}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_unknown_bearer_token_is_refused_with_401_rather_than_treated_as_anonymous()
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "cat_this-token-was-never-issued");

        using var response = await client.GetAsync("/api/artifacts");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));
    }

    [TestCase("/Artifacts")]
    [TestCase("/Account/Tokens")]
    [TestCase("/Search?q=bowl")]
    public async Task A_bearer_token_opens_the_api_but_no_page(string page)
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await NewTokenAsync(Roles.Curator));
        using (var api = await client.GetAsync("/api/artifacts"))
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token works on the API");

        using var response = await client.GetAsync(page);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a page treats the token's holder as signed out");
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/Account/Login"));
    }

    [Test]
    public async Task Failed_sign_ins_that_lock_an_account_for_a_while_leave_its_api_tokens_working()
    {
        var user = await CreateUserAsync(Roles.Viewer);
        var secret = await WithServicesAsync(async services =>
            (await services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "script")).Value!.Secret);
        using var browser = CreateClient();
        for (var attempt = 0; attempt < 6; attempt++)
            (await browser.PostFormAsync("/Account/Login", ("Email", user.Email), ("Password", "not the password"))).Dispose();
        var lockedUntil = await WithServicesAsync(async services =>
            (await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CatalogueUser>>().FindByIdAsync(user.Id))!.LockoutEnd);
        Assert.That(lockedUntil, Is.GreaterThan(DateTimeOffset.UtcNow), "the failed sign-ins locked the account");
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        using var response = await client.GetAsync("/api/artifacts");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_revoked_bearer_token_is_refused_with_401()
    {
        var user = await UserAsync(Roles.Archaeologist);
        var secret = await NewTokenAsync(Roles.Archaeologist);
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var before = await client.GetAsync("/api/artifacts"))
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token works before it is revoked");
        await WithServicesAsync(async services =>
        {
            var tokens = services.GetRequiredService<ApiTokens>();
            foreach (var token in await tokens.ListAsync(user.Id))
                Assert.That((await tokens.RevokeAsync(user.Id, token.Id)).Succeeded, Is.True);
            return true;
        });

        using var response = await client.GetAsync("/api/artifacts");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=1000", "pageSize")]
    [TestCase("page=0", "page")]
    [TestCase("status=lost", "status")]
    public async Task An_out_of_range_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        using var response = await anonymous.GetAsync($"/api/artifacts?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), Is.True, problem.RootElement.ToString());
    }

    [TestCase("page=abc", "page", "page must be a whole number ('abc' is not).")]
    [TestCase("pageSize=ten", "pageSize", "pageSize must be a whole number ('ten' is not).")]
    [TestCase("page=99999999999", "page", "page must be a whole number from -2147483648 to 2147483647 ('99999999999' is not).")]
    public async Task A_parameter_that_is_not_a_number_is_a_400_problem_naming_it_and_its_rule(string query, string parameter, string message)
    {
        using var response = await anonymous.GetAsync($"/api/artifacts?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString(), Is.EqualTo(message));
    }

    [Test]
    public async Task The_second_page_holds_different_artifacts_than_the_first()
    {
        Assert.That(SampleCatalogue.WithStatus(PublicationStatus.Published).Count(), Is.GreaterThanOrEqualTo(3), "the samples need a few published artifacts");

        using var first = await GetJsonAsync(anonymous, "/api/artifacts?page=1&pageSize=2");
        using var second = await GetJsonAsync(anonymous, "/api/artifacts?page=2&pageSize=2");

        var firstItems = AccessionNumbers(first);
        var secondItems = AccessionNumbers(second);
        Assert.That(firstItems, Has.Count.EqualTo(2));
        Assert.That(secondItems, Is.Not.Empty);
        Assert.That(secondItems.Intersect(firstItems), Is.Empty);
        Assert.That(second.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(first.RootElement.GetProperty("total").GetInt32()));
    }

    private async Task<string> NewTokenAsync(string role)
    {
        var user = await UserAsync(role);
        var result = await WithServicesAsync(services => services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "web tests"));
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

    private static List<string> AccessionNumbers(JsonDocument list) =>
        list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("accessionNumber").GetString()!).ToList();
}
