using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Conservation;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Api;

/// <summary>GET /api/artifacts/{accessionNumber}/conservation: the whole conservation record of an object, for staff only.</summary>
public sealed class ConservationApiTests() : CatalogueApp()
{
    private string artifact = null!;
    private string report = null!;
    private string treatment = null!;
    private string amendedBy = null!;

    [OneTimeSetUp]
    public async Task RecordAConservationHistory()
    {
        var records = new ConservationRecords(App.Services);
        artifact = await records.ArtifactAsync("Bronze drum");
        report = await records.ReportAsync(artifact, new DateOnly(2025, 1, 20), ConservationPriority.High, new DateOnly(2025, 7, 20), OverallCondition.Fair, "Lê Thị Hằng");
        treatment = await records.TreatmentAsync(artifact, TreatmentStatus.SignedOff);
        using var conservator = await SignInAsync(Roles.Conservator);
        amendedBy = (await UserAsync(Roles.Conservator)).Email;
        using var amended = await conservator.PostFormAsync($"/Conservation/Treatments/Amend/{treatment}",
            ("section", "Outcome"), ("text", "Salts reduced by half"), ("reason", "Figure corrected"));
        Assert.That(amended.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the amendment is recorded");
    }

    [Test]
    public async Task A_staff_token_gets_the_reports_and_treatments_with_steps_materials_reviews_and_amendments_in_the_documented_shape()
    {
        using var client = await TokenClientAsync(Roles.Viewer);

        using var response = await client.GetAsync($"/api/artifacts/{artifact}/conservation");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.That(root.GetProperty("accessionNumber").GetString(), Is.EqualTo(artifact));

        var r = root.GetProperty("conditionReports").EnumerateArray().Single();
        Assert.That(r.GetProperty("reference").GetString(), Is.EqualTo(report));
        Assert.That(r.GetProperty("examinedOn").GetString(), Is.EqualTo("2025-01-20"));
        Assert.That(r.GetProperty("examiner").GetString(), Is.EqualTo("Lê Thị Hằng"));
        Assert.That(r.GetProperty("overall").GetString(), Is.EqualTo("fair"));
        Assert.That(r.GetProperty("priority").GetString(), Is.EqualTo("high"));
        Assert.That(r.GetProperty("nextCheckDue").GetString(), Is.EqualTo("2025-07-20"));
        var observation = r.GetProperty("observations").EnumerateArray().Single();
        Assert.That((observation.GetProperty("damage").GetString(), observation.GetProperty("location").GetString()), Is.EqualTo(("crack", "rim")));
        Assert.That(r.TryGetProperty("recordedBy", out _) && r.TryGetProperty("recordedAt", out _), Is.True, "who recorded it and when");
        Assert.That(r.GetProperty("amendments").GetArrayLength(), Is.Zero, "a report recorded today is corrected, not amended");

        var t = root.GetProperty("treatments").EnumerateArray().Single();
        Assert.That(t.GetProperty("reference").GetString(), Is.EqualTo(treatment));
        Assert.That(t.GetProperty("status").GetString(), Is.EqualTo("signedOff"));
        Assert.That(t.GetProperty("proposedBy").GetString(), Is.EqualTo(ConservationRecords.Proposer));
        Assert.That(t.GetProperty("approvedBy").GetString(), Is.EqualTo(ConservationRecords.Approver));
        Assert.That(t.GetProperty("signedOffBy").GetString(), Is.EqualTo(ConservationRecords.Approver));
        Assert.That(t.GetProperty("outcome").GetString(), Is.EqualTo("Salts reduced"), "the original text stays");
        var step = t.GetProperty("steps").EnumerateArray().Single();
        Assert.That((step.GetProperty("order").GetInt32(), step.GetProperty("type").GetString()), Is.EqualTo((1, "desalination")));
        Assert.That(step.GetProperty("materials").EnumerateArray().Single().GetProperty("product").GetString(), Is.EqualTo("Deionised water"));
        var amendment = t.GetProperty("amendments").EnumerateArray().Single();
        Assert.That(amendment.GetProperty("author").GetString(), Is.EqualTo(amendedBy));
        Assert.That(amendment.GetProperty("reason").GetString(), Is.EqualTo("Figure corrected"));
        Assert.That(amendment.GetProperty("section").GetString(), Is.EqualTo("Outcome"));
        Assert.That(amendment.GetProperty("text").GetString(), Is.EqualTo("Salts reduced by half"));
        Assert.That(amendment.TryGetProperty("at", out _), Is.True);
        var review = t.GetProperty("reviews").EnumerateArray().Single();
        Assert.That((review.GetProperty("decision").GetString(), review.GetProperty("reviewedBy").GetString()), Is.EqualTo(("approved", ConservationRecords.Approver)));
        Assert.That(review.GetProperty("on").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task A_signed_in_conservator_reads_it_through_the_cookie()
    {
        using var conservator = await SignInAsync(Roles.Conservator);

        using var response = await conservator.GetAsync($"/api/artifacts/{artifact.ToLowerInvariant()}/conservation");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("treatments").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_anonymous_caller_gets_401_and_no_record()
    {
        using var anonymous = CreateClient();

        using var response = await anonymous.GetAsync($"/api/artifacts/{artifact}/conservation");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(report));
    }

    [TestCase("cat_this-token-was-never-issued")]
    [TestCase("not-even-a-token")]
    public async Task A_wrong_token_gets_401(string token)
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync($"/api/artifacts/{artifact}/conservation");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(report));
    }

    [Test]
    public async Task A_token_of_a_locked_account_gets_401()
    {
        var user = await CreateUserAsync(Roles.Conservator);
        using var client = await TokenClientAsync(user);
        using (var before = await client.GetAsync($"/api/artifacts/{artifact}/conservation"))
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token works before the account is locked");
        var admin = await UserAsync(Roles.Admin);
        var locked = await WithServicesAsync(s => s.GetRequiredService<UserAdministration>().SetLockedAsync(user.Id, true, admin.Id));
        Assert.That(locked.Succeeded, Is.True);

        using var response = await client.GetAsync($"/api/artifacts/{artifact}/conservation");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_unknown_accession_number_is_a_404_problem()
    {
        using var client = await TokenClientAsync(Roles.Curator);

        using var response = await client.GetAsync("/api/artifacts/ZZ.1999.0001/conservation");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(404));
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain("ZZ.1999.0001"));
    }

    private async Task<HttpClient> TokenClientAsync(string role) => await TokenClientAsync(await UserAsync(role));

    private async Task<HttpClient> TokenClientAsync(TestUser user)
    {
        var result = await WithServicesAsync(services => services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "conservation api tests"));
        Assert.That(result.Succeeded, Is.True);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", result.Value.Secret);
        return client;
    }
}
