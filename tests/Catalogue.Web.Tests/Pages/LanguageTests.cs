using System.Net;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages;

/// <summary>
/// Reading the pages in Vietnamese, French or English: chosen from any page's footer, kept for the visitor, and carried
/// into the language a record's own text is shown in.
/// </summary>
public sealed class LanguageTests() : CatalogueApp()
{
    [Test]
    public async Task A_visitor_who_chooses_french_reads_the_pages_and_the_records_in_french_and_returns_to_the_page()
    {
        var artifact = SampleCatalogue.WithStatus(PublicationStatus.Published).First(a => a.TitleFr is not null && a.TitleFr != a.TitleEn);
        var detailsUrl = $"/Collection/Details/{artifact.AccessionNumber}";
        using var visitor = CreateClient();
        var english = await visitor.GetPageAsync(detailsUrl);
        Assert.That(english.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
        Assert.That(english.QuerySelector("h1")!.TextContent.Trim(), Is.EqualTo(artifact.TitleEn));

        var choice = HtmlForm.From(english, new Uri(visitor.BaseAddress!, detailsUrl), "form.languages").Set("culture", "fr");
        using var chosen = await visitor.SubmitAsync(choice);

        Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(chosen.Headers.Location?.OriginalString, Is.EqualTo(detailsUrl), "back to the page the language was chosen on");
        var french = await visitor.GetPageAsync(detailsUrl);
        Assert.That(french.DocumentElement.GetAttribute("lang"), Is.EqualTo("fr"));
        Assert.That(french.QuerySelector("h1")!.TextContent.Trim(), Is.EqualTo(artifact.TitleFr), "the record's French title");
        Assert.That(french.QuerySelector("header .account a")!.TextContent.Trim(), Is.EqualTo(Translated("Sign in", "fr")));
        Assert.That(french.QuerySelector("form.languages button[aria-pressed=true]")!.TextContent.Trim(), Is.EqualTo("Français"));
    }

    [Test]
    public async Task Vietnamese_is_chosen_the_same_way_and_kept_across_pages()
    {
        using var visitor = CreateClient();
        using var chosen = await visitor.PostFormAsync("/Language?returnUrl=/Collection", ("culture", "vi"));
        Assert.That(chosen.Headers.Location?.OriginalString, Is.EqualTo("/Collection"));

        foreach (var url in new[] { "/Collection", "/Exhibitions", "/Account/Login" })
        {
            var page = await visitor.GetPageAsync(url);
            Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("vi"), url);
            Assert.That(page.QuerySelector("header nav a[href='/Collection']")!.TextContent.Trim(), Is.EqualTo(Translated("Collection", "vi")), url);
        }
    }

    [Test]
    public async Task Without_a_choice_the_browsers_preferred_language_decides()
    {
        using var visitor = CreateClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi-VN,vi;q=0.9,en;q=0.5");

        var page = await visitor.GetPageAsync("/Collection");

        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("vi"));
    }

    [Test]
    public async Task A_language_the_pages_are_not_written_in_is_refused_naming_the_choices()
    {
        using var visitor = CreateClient();
        using var response = await visitor.PostFormAsync("/Language", ("culture", "de"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.Contains("Culture", StringComparison.Ordinal)), Is.False);
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector(".errors")!.TextContent, Does.Contain("Language must be one of English, Tiếng Việt, Français ('de' is not)."));
    }

    [TestCase("https://elsewhere.example/")]
    [TestCase("//elsewhere.example/")]
    [TestCase("")]
    public async Task The_way_back_stays_on_this_site(string returnUrl)
    {
        using var visitor = CreateClient();
        using var response = await visitor.PostFormAsync("/Language", ("culture", "fr"), ("returnUrl", returnUrl));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
    }

    [Test]
    public async Task Choosing_needs_the_forms_antiforgery_token()
    {
        using var visitor = CreateClient();
        using var response = await visitor.PostAsync("/Language", new FormUrlEncodedContent([new("culture", "fr")]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var page = await visitor.GetPageAsync("/Collection");
        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"), "nothing was switched");
    }

    [Test]
    public async Task A_number_typed_on_a_french_page_is_read_with_its_decimal_point()
    {
        // French writes 12,5; the forms take 12.5 in every language, as the number fields of browsers send it.
        using var curator = await SignInAsync(Roles.Curator);
        using (await curator.PostFormAsync("/Language", ("culture", "fr")))
        {
        }

        var accessionNumber = ArtifactForms.NewAccessionNumber();
        var form = (await curator.FilledCreateFormAsync(accessionNumber, "Bowl measured in France")).Set("Input.Length", "12.5");
        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var length = await WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => a.Dimensions.Length).SingleAsync());
        Assert.That(length, Is.EqualTo(12.5m));
    }

    [TestCase("fr", "12,5", 12.5)]
    [TestCase("vi", "0,75", 0.75)]
    [TestCase("en", "12.5", 12.5)]
    public async Task A_decimal_comma_on_a_french_or_vietnamese_page_is_read_as_the_decimal_separator(string language, string typed, decimal stored)
    {
        using var curator = await SignInAsync(Roles.Curator);
        using (await curator.PostFormAsync("/Language", ("culture", language)))
        {
        }

        var accessionNumber = ArtifactForms.NewAccessionNumber();
        using var response = await curator.SubmitAsync((await curator.FilledCreateFormAsync(accessionNumber, "Measured bowl")).Set("Input.Length", typed));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var length = await WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => a.Dimensions.Length).SingleAsync());
        Assert.That(length, Is.EqualTo(stored), "12,5 was saved as 125, the comma read as a thousands separator");
    }

    [TestCase("en", "1,250")]
    [TestCase("fr", "1.250,5")]
    [TestCase("fr", "1 250")]
    [TestCase("vi", "1,2,5")]
    public async Task A_number_with_thousands_separators_is_refused_naming_the_field_rather_than_guessed(string language, string typed)
    {
        using var curator = await SignInAsync(Roles.Curator);
        using (await curator.PostFormAsync("/Language", ("culture", language)))
        {
        }

        var accessionNumber = ArtifactForms.NewAccessionNumber();
        using var response = await curator.SubmitAsync((await curator.FilledCreateFormAsync(accessionNumber, "Measured bowl")).Set("Input.Length", typed));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.Length"), Does.StartWith("Length must be a number written with a point before the decimals"));
        Assert.That(await WithDatabaseAsync(db => db.Artifacts.AnyAsync(a => a.AccessionNumber == accessionNumber)), Is.False);
    }

    [Test]
    public async Task The_parts_of_a_treatment_an_amendment_names_are_shown_in_the_readers_language_and_kept_in_english()
    {
        var reference = await WithDatabaseAsync(db => db.Treatments.OrderBy(t => t.Reference).Select(t => t.Reference).FirstAsync());
        using var conservator = await SignInAsync(Roles.Conservator);
        using (await conservator.PostFormAsync("/Language", ("culture", "vi")))
        {
        }

        var page = await conservator.GetPageAsync($"/Conservation/Treatments/Amend/{reference}");

        var before = page.QuerySelector("#section option[value='Condition before']");
        Assert.That(before?.TextContent.Trim(), Is.EqualTo(Translated("Condition before", "vi")));
        Assert.That(page.QuerySelector("#section option[value='Other']")?.TextContent.Trim(), Is.EqualTo(Translated("Other", "vi")));
    }

    [Test]
    public async Task Dimensions_roles_and_minutes_are_named_in_the_readers_language()
    {
        var report = await WithDatabaseAsync(db => db.ConditionReports.Where(r => r.Artifact!.Dimensions.Length != null)
            .OrderBy(r => r.Reference).Select(r => r.Reference).FirstAsync());
        var treatment = await WithDatabaseAsync(db => db.Treatments.Where(t => t.Steps.Any(s => s.MinutesSpent != null))
            .OrderBy(t => t.Reference).Select(t => t.Reference).FirstAsync());
        using var admin = await SignInAsync(Roles.Admin);
        await UserAsync(Roles.Curator);
        using (await admin.PostFormAsync("/Language", ("culture", "vi")))
        {
        }

        var reportPage = await admin.GetPageAsync($"/Conservation/Reports/Details/{report}");
        var treatmentPage = await admin.GetPageAsync($"/Conservation/Treatments/Details/{treatment}");
        var users = await admin.GetPageAsync("/Admin/Users");

        Assert.That(reportPage.QuerySelector("dl.identification")!.TextContent, Does.Contain(Translated("Length", "vi") + " "), "not 'L 41 × W 24.7'");
        Assert.That(treatmentPage.QuerySelector("#steps")!.TextContent, Does.Contain(" phút"));
        Assert.That(users.QuerySelector("main table")!.TextContent, Does.Contain(Translated(Roles.Curator, "vi")));
    }

    /// <summary>The text the app's compiled resources give for an English key in a language, checked to be a translation.</summary>
    private static string Translated(string key, string language)
    {
        var text = AppLocalizer.In(language, localizer => localizer[key]);
        Assert.That(text.ResourceNotFound, Is.False, $"'{key}' in {language}");
        Assert.That(text.Value, Is.Not.EqualTo(key), $"'{key}' has a {language} translation");
        return text.Value;
    }
}
