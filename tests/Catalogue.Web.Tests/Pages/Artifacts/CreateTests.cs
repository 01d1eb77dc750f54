using System.Net;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Artifacts;

/// <summary>/Artifacts/Create: real forms with their antiforgery tokens, posted by a signed-in curator.</summary>
public sealed class CreateTests() : CatalogueApp()
{
    private HttpClient curator = null!;

    [OneTimeSetUp]
    public async Task SignInCurator() => curator = await SignInAsync(Roles.Curator);

    [OneTimeTearDown]
    public void DisposeClient() => curator.Dispose();

    [Test]
    public async Task Creating_an_artifact_redirects_to_its_details_page_which_shows_the_title()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();

        using var response = await curator.SubmitAsync(await curator.FilledCreateFormAsync(accessionNumber, "Celadon bowl with lotus decoration"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(curator.BaseAddress!)!.AbsolutePath, Is.EqualTo($"/Artifacts/Details/{accessionNumber}"));
        var details = await curator.GetPageAsync($"/Artifacts/Details/{accessionNumber}");
        Assert.That(details.QuerySelector("h1")!.TextContent.Trim(), Is.EqualTo("Celadon bowl with lotus decoration"));
        Assert.That(details.Text(), Does.Contain($"Artifact {accessionNumber} was created."));
    }

    [Test]
    public async Task A_duplicate_accession_number_is_refused_on_its_field_and_no_second_record_is_stored()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(accessionNumber, "The first record");

        using var response = await curator.SubmitAsync(await curator.FilledCreateFormAsync(accessionNumber.ToLowerInvariant(), "A second record"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.FieldMessage("Input.AccessionNumber"), Does.Contain("already used"));
        var stored = await WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => a.Title.En).ToListAsync());
        Assert.That(stored, Is.EqualTo(new[] { "The first record" }));
    }

    [TestCase("Input.MaterialIds", "material")]
    [TestCase("Input.TechniqueIds", "technique")]
    [TestCase("Input.ObjectTypeId", "Object type")]
    [TestCase("Input.PeriodId", "Period")]
    public async Task A_term_id_that_is_not_in_its_list_is_refused_and_nothing_is_stored(string field, string message)
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        var form = (await curator.FilledCreateFormAsync(accessionNumber, "Bowl with an unknown term")).Set(field, "987654");

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage(field), Does.Contain(message).IgnoreCase);
        Assert.That(await StoredAsync(accessionNumber), Is.False);
    }

    [Test]
    public async Task A_title_longer_than_300_characters_is_refused_on_its_field()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();

        using var response = await curator.SubmitAsync(await curator.FilledCreateFormAsync(accessionNumber, new string('x', 301)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.TitleEn"), Does.Contain("at most 300 characters"));
        Assert.That(await StoredAsync(accessionNumber), Is.False);
    }

    [Test]
    public async Task An_inverted_year_range_is_refused_with_a_message_naming_the_latest_year_and_the_typed_values_are_kept()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        var form = (await curator.FilledCreateFormAsync(accessionNumber, "Roof tile end"))
            .Set("Input.EarliestYear", "1300")
            .Set("Input.LatestYear", "1200");

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.FieldMessage("Input.LatestYear"), Does.Contain("Latest year"));
        Assert.That(page.QuerySelector("#Input_EarliestYear")!.GetAttribute("value"), Is.EqualTo("1300"));
        Assert.That(page.QuerySelector("#Input_TitleEn")!.GetAttribute("value"), Is.EqualTo("Roof tile end"));
        Assert.That(await StoredAsync(accessionNumber), Is.False);
    }

    [TestCase("Input.Length")]
    [TestCase("Input.WeightValue")]
    [TestCase("Input.EarliestYear")]
    public async Task Text_in_a_number_field_is_answered_with_a_message_on_the_field_not_an_error(string field)
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        var form = (await curator.FilledCreateFormAsync(accessionNumber, "Brick with a stamp")).Set(field, "abc");

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage(field), Is.Not.Empty);
        Assert.That(await StoredAsync(accessionNumber), Is.False);
    }

    [Test]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_stores_nothing()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        var form = (await curator.FilledCreateFormAsync(accessionNumber, "Posted by another site")).Remove(HtmlForm.TokenField);

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadHtmlAsync()).Text(), Does.Contain("nothing was changed"));
        Assert.That(await StoredAsync(accessionNumber), Is.False);
    }

    [Test]
    public async Task A_post_with_a_forged_antiforgery_token_is_refused_and_stores_nothing()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        var form = (await curator.FilledCreateFormAsync(accessionNumber, "Forged"))
            .Set(HtmlForm.TokenField, "CfDJ8" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('='));

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await StoredAsync(accessionNumber), Is.False);
    }

    [Test]
    public async Task A_viewer_posting_the_create_form_is_refused_and_nothing_is_stored()
    {
        using var viewer = await SignInAsync(Roles.Viewer);
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        // The curator's form fields, with a token the viewer really holds (from the sign-out form on a page they may see).
        var viewerToken = (await viewer.GetFormAsync("/Artifacts", "form[action='/Account/Logout']")).AntiforgeryToken!;
        var form = (await curator.FilledCreateFormAsync(accessionNumber, "Not the viewer's to create")).Set(HtmlForm.TokenField, viewerToken);

        using var response = await viewer.SubmitAsync(form);

        var target = response.RedirectTarget(viewer.BaseAddress!)?.AbsolutePath;
        Assert.That(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && target == "/Account/AccessDenied"),
            Is.True, $"was {(int)response.StatusCode} {target}");
        Assert.That(await StoredAsync(accessionNumber), Is.False);
    }

    private Task<bool> StoredAsync(string accessionNumber) =>
        WithDatabaseAsync(db => db.Artifacts.AnyAsync(a => a.AccessionNumber == accessionNumber));
}
