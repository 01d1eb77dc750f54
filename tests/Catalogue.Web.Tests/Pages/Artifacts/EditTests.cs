using System.Net;
using AngleSharp.Dom;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Artifacts;

/// <summary>/Artifacts/Edit and the status form on /Artifacts/Details: revisions, conflicts and the change history.</summary>
public sealed class EditTests() : CatalogueApp()
{
    private HttpClient curator = null!;
    private TestUser secondCurator = null!;
    private HttpClient otherCurator = null!;

    [OneTimeSetUp]
    public async Task SignInTwoCurators()
    {
        curator = await SignInAsync(Roles.Curator);
        secondCurator = await CreateUserAsync(Roles.Curator, "second.curator@catalogue.test");
        otherCurator = await SignInAsync(secondCurator);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        curator.Dispose();
        otherCurator.Dispose();
    }

    [Test]
    public async Task Saving_the_edit_form_changes_the_title_and_the_details_page_shows_the_old_and_new_values_in_the_history()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(accessionNumber, "Bowl, before cleaning");

        using var response = await curator.PostFormAsync($"/Artifacts/Edit/{accessionNumber}", ("Input.TitleEn", "Bowl with celadon glaze"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(curator.BaseAddress!)!.AbsolutePath, Is.EqualTo($"/Artifacts/Details/{accessionNumber}"));
        var details = await curator.GetPageAsync($"/Artifacts/Details/{accessionNumber}");
        Assert.That(details.QuerySelector("h1")!.TextContent.Trim(), Is.EqualTo("Bowl with celadon glaze"));
        Assert.That(HistoryRows(details), Does.Contain(("Title · en", "Bowl, before cleaning", "Bowl with celadon glaze")));
    }

    [Test]
    public async Task A_stale_edit_gets_409_with_a_message_naming_who_changed_the_record_and_the_first_edit_is_kept()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(accessionNumber, "Roof tile");
        // Both curators open the record at the same version.
        var first = await curator.GetFormAsync($"/Artifacts/Edit/{accessionNumber}", "#artifact-form");
        var second = await otherCurator.GetFormAsync($"/Artifacts/Edit/{accessionNumber}", "#artifact-form");
        Assert.That(second.Value("Input.Version"), Is.EqualTo(first.Value("Input.Version")));

        using var firstSave = await otherCurator.SubmitAsync(second.Set("Input.TitleEn", "Roof tile with a phoenix"));
        using var secondSave = await curator.SubmitAsync(first.Set("Input.TitleEn", "Roof tile with a dragon"));

        Assert.That(firstSave.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(secondSave.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var conflict = (await secondSave.ReadHtmlAsync()).QuerySelector("#conflict")?.TextContent ?? string.Empty;
        Assert.That(conflict, Does.Contain($"changed by {secondCurator.Email}"));
        Assert.That(await TitleAsync(accessionNumber), Is.EqualTo("Roof tile with a phoenix"));
    }

    [Test]
    public async Task An_edit_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(accessionNumber, "Brick");
        var form = (await curator.GetFormAsync($"/Artifacts/Edit/{accessionNumber}", "#artifact-form"))
            .Set("Input.TitleEn", "Changed by a forged request")
            .Remove(HtmlForm.TokenField);

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await TitleAsync(accessionNumber), Is.EqualTo("Brick"));
    }

    [Test]
    public async Task An_edit_that_breaks_a_rule_is_answered_on_the_field_and_changes_nothing()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(accessionNumber, "Bronze mirror");

        using var response = await curator.PostFormAsync($"/Artifacts/Edit/{accessionNumber}",
            ("Input.TitleEn", "Renamed mirror"), ("Input.EarliestYear", "1400"), ("Input.LatestYear", "1010"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.LatestYear"), Does.Contain("Latest year"));
        Assert.That(await TitleAsync(accessionNumber), Is.EqualTo("Bronze mirror"));
    }

    [Test]
    public async Task Editing_an_unknown_accession_number_is_not_found()
    {
        using var response = await curator.GetAsync("/Artifacts/Edit/ZZ.1999.0001");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_accession_date_is_saved_from_the_form_shown_to_staff_and_dates_the_journey_but_the_public_page_leaves_it_out()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(accessionNumber, "Bowl from the 2019 transfer");
        var form = await curator.GetFormAsync($"/Artifacts/Edit/{accessionNumber}", "#artifact-form");

        using var future = await curator.SubmitAsync(form.Set("Input.AccessionDate", CatalogueFactory.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(future.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form comes back with the message");
        Assert.That(await future.Content.ReadAsStringAsync(), Does.Contain("Accession date cannot be in the future."));

        using var saved = await curator.SubmitAsync(form.Set("Input.AccessionDate", "2019-06-14"));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var details = await curator.GetPageAsync($"/Artifacts/Details/{accessionNumber}");
        Assert.That(details.QuerySelector("main dl time[datetime='2019-06-14']"), Is.Not.Null, "staff see the accession date");
        Assert.That(details.QuerySelectorAll("main li").Any(li => li.TextContent.Contains("2019-06-14") && li.TextContent.Contains("Accessioned")),
            Is.True, "the journey says the object was accessioned that day");

        var status = (await curator.GetFormAsync($"/Artifacts/Details/{accessionNumber}", "#status-form")).Set("status", nameof(PublicationStatus.Published));
        using (await curator.SubmitAsync(status))
        {
        }

        using var visitor = CreateClient();
        var publicPage = await visitor.GetPageAsync($"/Collection/Details/{accessionNumber}");
        Assert.That(publicPage.QuerySelector("h1")!.TextContent, Does.Contain("Bowl from the 2019 transfer"));
        Assert.That(publicPage.QuerySelector("time[datetime='2019-06-14']"), Is.Null, "the public record leaves the accession date out");
    }

    [Test]
    public async Task A_curator_publishes_an_artifact_with_the_status_form_on_its_details_page()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(accessionNumber, "Stoneware jar");
        var form = (await curator.GetFormAsync($"/Artifacts/Details/{accessionNumber}", "#status-form"))
            .Set("status", nameof(PublicationStatus.Published));
        Assert.That(form.Action.PathAndQuery, Is.EqualTo($"/Artifacts/Edit/{accessionNumber}?handler=Status"));

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => a.Status).SingleAsync()),
            Is.EqualTo(PublicationStatus.Published));
        var details = await curator.GetPageAsync($"/Artifacts/Details/{accessionNumber}");
        Assert.That(HistoryRows(details), Does.Contain(("Status", "Draft", "Published")));
        using var visitor = CreateClient();
        using var publicPage = await visitor.GetAsync($"/Collection/Details/{accessionNumber}");
        Assert.That(publicPage.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a published artifact is visible to the public");
    }

    [Test]
    public async Task A_status_change_from_a_stale_page_changes_nothing_and_says_who_changed_the_record()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(accessionNumber, "Gilded finial");
        var staleStatusForm = (await curator.GetFormAsync($"/Artifacts/Details/{accessionNumber}", "#status-form"))
            .Set("status", nameof(PublicationStatus.Published));
        using (var edit = await otherCurator.PostFormAsync($"/Artifacts/Edit/{accessionNumber}", ("Input.TitleEn", "Gilded bronze finial")))
            Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        using var response = await curator.SubmitAsync(staleStatusForm);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var details = await curator.GetPageAsync($"/Artifacts/Details/{accessionNumber}");
        Assert.That(details.QuerySelector("[role=alert]")?.TextContent, Does.Contain($"changed by {secondCurator.Email}"));
        Assert.That(await WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => a.Status).SingleAsync()),
            Is.EqualTo(PublicationStatus.Draft));
    }

    [Test]
    public async Task A_viewer_cannot_change_the_publication_status()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(accessionNumber, "Coin");
        using var viewer = await SignInAsync(Roles.Viewer);
        var details = await viewer.GetPageAsync($"/Artifacts/Details/{accessionNumber}");
        Assert.That(details.QuerySelector("#status-form"), Is.Null, "the viewer is not offered the status form");
        var viewerToken = (await viewer.GetFormAsync("/Artifacts", "form[action='/Account/Logout']")).AntiforgeryToken!;

        using var response = await viewer.PostAsync($"/Artifacts/Edit/{accessionNumber}?handler=Status", new FormUrlEncodedContent(
            [new(HtmlForm.TokenField, viewerToken), new("status", "Published"), new("version", "1")]));

        Assert.That((int)response.StatusCode, Is.EqualTo(302).Or.EqualTo(403));
        Assert.That(response.RedirectTarget(viewer.BaseAddress!)?.AbsolutePath ?? "/Account/AccessDenied", Is.EqualTo("/Account/AccessDenied"));
        Assert.That(await WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => a.Status).SingleAsync()),
            Is.EqualTo(PublicationStatus.Draft));
    }

    private Task<string?> TitleAsync(string accessionNumber) =>
        WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => a.Title.En).SingleAsync());

    /// <summary>The (field, before, after) rows of the change history on a details page.</summary>
    private static List<(string Field, string Before, string After)> HistoryRows(IDocument details) =>
        details.QuerySelectorAll("ol.history tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(cells => (cells[0], cells[1], cells[2]))
            .ToList();
}
