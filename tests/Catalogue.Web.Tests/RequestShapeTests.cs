using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests;

/// <summary>
/// Requests shaped wrong (a field named like the address's own value, a handler the page has not, a form that cannot
/// be read, a yes/no field that says neither) are refused or answered on the field, never with a server error, and
/// never act on another record than the address names.
/// </summary>
public sealed class RequestShapeTests() : CatalogueApp()
{
    private HttpClient curator = null!;

    [OneTimeSetUp]
    public async Task SignIn() => curator = await SignInAsync(Roles.Curator);

    [OneTimeTearDown]
    public void DisposeClient() => curator.Dispose();

    [Test]
    public async Task An_empty_field_named_like_the_address_value_does_not_make_an_edit_create_a_new_record()
    {
        var reference = await WithDatabaseAsync(db => db.Loans.Where(l => l.Status != Catalogue.Core.Exhibitions.LoanStatus.Returned).OrderBy(l => l.Id)
            .Select(l => l.Reference).FirstAsync());
        var loans = await WithDatabaseAsync(db => db.Loans.CountAsync());
        var form = (await curator.GetFormAsync($"/Loans/Edit/{reference}", "main form[method=post]")).Set("Input.Notes", "Checked by the registrar.");

        using var response = await curator.PostAsync(form.Action, new FormUrlEncodedContent(form.Values.Append(new("Reference", ""))));

        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/Loans/Details/{reference}"), $"{response.StatusCode}");
        Assert.That(await WithDatabaseAsync(db => db.Loans.CountAsync()), Is.EqualTo(loans), "no loan was created");
        Assert.That(await WithDatabaseAsync(db => db.Loans.Where(l => l.Reference == reference).Select(l => l.Notes).SingleAsync()),
            Is.EqualTo("Checked by the registrar."));
    }

    [Test]
    public async Task Editing_a_closed_record_says_why_nothing_was_saved()
    {
        var reference = await WithDatabaseAsync(db => db.Loans.Where(l => l.Status == Catalogue.Core.Exhibitions.LoanStatus.Returned).OrderBy(l => l.Id)
            .Select(l => l.Reference).FirstAsync());
        var form = (await curator.GetFormAsync($"/Loans/Edit/{reference}", "main form[method=post]")).Set("Input.Notes", "Late note.");

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.TextContent,
            Does.Contain($"{reference} is returned; its record is closed."), "the reason is shown, though the form has no status field");
    }

    [TestCase("/Excavation/Finds/Register?site=")]
    [TestCase("/Excavation/Finds/Register?site=%20")]
    public async Task A_blank_site_in_the_query_is_not_found(string url)
    {
        using var archaeologist = await SignInAsync(Roles.Archaeologist);

        using var response = await archaeologist.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("")]
    [TestCase("?handler=Nope")]
    public async Task A_handler_the_page_has_not_is_a_bad_request(string handler)
    {
        var exhibition = await WithDatabaseAsync(db => db.Exhibitions.Select(e => e.Code).FirstAsync());
        var form = await curator.GetFormAsync($"/Exhibitions/Manage/{exhibition}", "#venue-form");

        using var response = await curator.PostAsync($"/Exhibitions/Manage/{exhibition}{handler}",
            new FormUrlEncodedContent([new(HtmlForm.TokenField, form.AntiforgeryToken!)]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent, Is.EqualTo("Bad request"));
    }

    [TestCase("yes")]
    [TestCase("1")]
    public async Task A_yes_no_field_that_says_neither_is_answered_on_the_field(string value)
    {
        var form = await curator.GetFormAsync("/Exhibitions/Edit", "#exhibition-form");
        form.Set("Input.Code", "EX-2026-BOOL").Set("Input.TitleEn", "Yes or no");

        using var response = await curator.PostAsync(form.Action,
            new FormUrlEncodedContent(form.Values.Where(v => v.Key != "Input.IsPublic").Append(new("Input.IsPublic", value))));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.Text(), Does.Contain("must be true or false"));
        Assert.That(page.QuerySelector("input[name='Input.IsPublic'][type=checkbox]")?.HasAttribute("checked"), Is.False, "drawn again unticked");
        Assert.That(await WithDatabaseAsync(db => db.Exhibitions.AnyAsync(e => e.Code == "EX-2026-BOOL")), Is.False);
    }

    [TestCase("99")]
    [TestCase("Shattered")]
    public async Task A_choice_the_list_does_not_have_is_refused_naming_the_field_and_the_choices(string value)
    {
        using var conservator = await SignInAsync(Roles.Conservator);
        var accession = SampleCatalogue.First(PublicationStatus.Published).AccessionNumber;
        var form = (await conservator.GetFormAsync($"/Conservation/Reports/Create?artifact={accession}", "#report-form")).Set("Input.Overall", "Good");

        using var response = await conservator.PostAsync(form.Action,
            new FormUrlEncodedContent(form.Values.Where(v => v.Key != "Input.Priority").Append(new("Input.Priority", value))));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.Priority"), Is.EqualTo($"Priority must be one of Low, Medium, High, Urgent ('{value}' is not)."));
    }

    [Test]
    public async Task A_word_where_a_date_belongs_is_refused_naming_the_field_in_words()
    {
        using var conservator = await SignInAsync(Roles.Conservator);
        var accession = SampleCatalogue.First(PublicationStatus.Published).AccessionNumber;
        var form = (await conservator.GetFormAsync($"/Conservation/Reports/Create?artifact={accession}", "#report-form"))
            .Set("Input.Overall", "Good").Set("Input.ExaminedOn", "2026-13-45");

        using var response = await conservator.SubmitAsync(form);

        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.ExaminedOn"), Does.Contain("'2026-13-45' is not a valid value for Examined on."));
    }

    [Test]
    public async Task A_form_that_cannot_be_read_is_refused_as_unreadable_and_changes_nothing()
    {
        var accession = SampleCatalogue.First(PublicationStatus.Published).AccessionNumber;
        var form = await curator.GetFormAsync($"/Artifacts/Details/{accession}", "#status-form");
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zz");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Artifacts/Images/{accession}") { Content = content };
        request.Headers.Add("RequestVerificationToken", form.AntiforgeryToken);

        using var response = await curator.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent, Is.EqualTo("The form could not be read"));
    }

    [Test]
    public async Task A_field_named_code_does_not_choose_the_status_of_the_error_page()
    {
        using var visitor = CreateClient();

        using var response = await visitor.PostAsync("/Account/Login", new FormUrlEncodedContent([new("code", "500"), new("Email", "x@y.z")]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a form without its antiforgery token is a 400");
        Assert.That((await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent, Is.EqualTo("The form could not be accepted"));
    }

    [Test]
    public async Task The_status_page_asked_for_directly_is_not_found()
    {
        using var visitor = CreateClient();

        using var response = await visitor.GetAsync("/StatusCode/500");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_very_long_accession_number_added_to_a_loan_is_refused_without_growing_the_message_cookie()
    {
        var reference = await WithDatabaseAsync(db => db.Loans.Where(l => l.Status <= Catalogue.Core.Exhibitions.LoanStatus.Agreed).OrderBy(l => l.Id)
            .Select(l => l.Reference).FirstAsync());
        var form = await curator.GetFormAsync($"/Loans/Details/{reference}", "#include-form");
        var huge = new string('X', 40_000);

        using var response = await curator.PostAsync(form.Action,
            new FormUrlEncodedContent(form.Values.Where(v => v.Key != "accessionNumber").Append(new("accessionNumber", huge))));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        Assert.That(cookies.Sum(c => c.Length), Is.LessThan(4096), "the message travels in a cookie of a few kilobytes at most");
        var page = await curator.GetPageAsync($"/Loans/Details/{reference}");
        Assert.That(page.Text(), Does.Contain("No artifact has the accession number XXXX").And.Contain("…"));
    }
}
