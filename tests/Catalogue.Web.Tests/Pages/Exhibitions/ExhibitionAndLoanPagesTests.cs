using System.Net;
using System.Text.Json;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Catalogue.Web.Tests.Pages.Locations;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Exhibitions;

/// <summary>
/// An exhibition that travels from Hanoi to Toulouse with a loan: the curator sets it up, the objects leave
/// and come back through the loan's stages, the loan page warns of missing condition checks until a
/// conservator records them; the public sees the exhibition and its published objects, never a storage
/// location or an insurance value.
/// </summary>
public sealed class ExhibitionAndLoanPagesTests() : CatalogueApp()
{
    private const string InsuranceValue = "987654";
    private HttpClient curator = null!;
    private HttpClient conservator = null!;
    private HttpClient visitor = null!;
    private string store = null!;
    private string code = null!;
    private string published = null!;
    private string unpublished = null!;

    [OneTimeSetUp]
    public async Task SetUpAnExhibition()
    {
        curator = await SignInAsync(Roles.Curator);
        conservator = await SignInAsync(Roles.Conservator);
        visitor = CreateClient();
        store = LocationForms.NewCode("STORE");
        await curator.CreateLocationAsync(store, "Exhibition store secret room", "Room");
        published = ArtifactForms.NewAccessionNumber();
        unpublished = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(published, "Dragon-headed roof ornament");
        await curator.CreateArtifactAsync(unpublished, "Unpublished brick");
        var publish = (await curator.GetFormAsync($"/Artifacts/Details/{published}", "#status-form")).Set("status", "Published");
        using (var answer = await curator.SubmitAsync(publish))
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await curator.MoveOrFailAsync(store, published, unpublished);

        code = $"EX-WT-{Random.Shared.Next(1000, 9999)}";
        var form = (await curator.GetFormAsync("/Exhibitions/Edit", "#exhibition-form"))
            .Set("Input.Code", code).Set("Input.TitleVi", "Hoàng thành Thăng Long").Set("Input.TitleFr", "La citadelle de Thăng Long")
            .Set("Input.TitleEn", "The Thăng Long citadel").Set("Input.IsPublic", "true");
        using (var created = await curator.SubmitAsync(form))
            Assert.That(created.Headers.Location?.ToString(), Is.EqualTo($"/Exhibitions/Details/{code}"), await created.Content.ReadAsStringAsync());
        await PostManageAsync("#venue-form", ("Venue.Institution", "Bảo tàng Hà Nội"), ("Venue.City", "Hanoi"), ("Venue.OpensOn", "2025-03-01"), ("Venue.ClosesOn", "2025-06-30"));
        await PostManageAsync("#venue-form", ("Venue.Institution", "Musée Saint-Raymond"), ("Venue.City", "Toulouse"), ("Venue.Country", "France"), ("Venue.OpensOn", "2025-09-01"), ("Venue.ClosesOn", "2025-12-31"));
        await PostManageAsync("#object-form", ("Item.AccessionNumber", published), ("Item.LabelVi", "Đầu rồng trang trí mái"), ("Item.LabelFr", "Ornement de toit à tête de dragon"), ("Item.LabelEn", "Dragon-head roof ornament"));
        await PostManageAsync("#object-form", ("Item.AccessionNumber", unpublished), ("Item.LabelEn", "A brick not yet published"));
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        curator.Dispose();
        conservator.Dispose();
        visitor.Dispose();
    }

    private async Task PostManageAsync(string formSelector, params (string Name, string Value)[] fields)
    {
        var form = await curator.GetFormAsync($"/Exhibitions/Manage/{code}", formSelector);
        foreach (var (name, value) in fields)
            form.Set(name, value);
        using var response = await curator.SubmitAsync(form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{formSelector}: {(await response.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.TextContent}");
    }

    [Test]
    public async Task The_public_sees_the_exhibition_its_venues_and_its_published_objects_with_their_labels_in_three_languages()
    {
        var page = await visitor.GetPageAsync($"/Exhibitions/Details/{code}");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("#venues")?.TextContent, Does.Contain("Hanoi").And.Contain("Toulouse"));
            var objects = page.QuerySelector("#objects")?.TextContent ?? string.Empty;
            Assert.That(objects, Does.Contain(published).And.Contain("Đầu rồng trang trí mái").And.Contain("Ornement de toit à tête de dragon"));
            Assert.That(objects, Does.Not.Contain(unpublished).And.Not.Contain("A brick not yet published"));
            Assert.That(page.QuerySelector("#objects a")?.GetAttribute("href"), Is.EqualTo($"/Collection/Details/{published}"));
        });
    }

    [Test]
    public async Task A_venue_that_closes_before_it_opens_is_refused_with_a_message_and_not_stored()
    {
        var form = (await curator.GetFormAsync($"/Exhibitions/Manage/{code}", "#venue-form"))
            .Set("Venue.Institution", "Backwards museum").Set("Venue.City", "Lyon").Set("Venue.OpensOn", "2026-05-01").Set("Venue.ClosesOn", "2026-04-01");

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.TextContent, Does.Contain("cannot close before it opens"));
        Assert.That(await WithDatabaseAsync(db => db.Set<ExhibitionVenue>().AnyAsync(v => v.Institution == "Backwards museum")), Is.False);
    }

    [Test]
    public async Task The_checklist_lists_every_object_with_its_labels_and_where_it_is_for_staff_only()
    {
        var page = await curator.GetPageAsync($"/Exhibitions/Checklist/{code}");
        var text = page.QuerySelector("#checklist-objects")?.TextContent ?? string.Empty;
        Assert.That(text, Does.Contain(published).And.Contain(unpublished).And.Contain("Dragon-head roof ornament"));

        using var anonymous = await visitor.GetAsync($"/Exhibitions/Checklist/{code}");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task A_loan_goes_out_and_comes_back_through_its_stages_warning_of_every_missing_condition_check()
    {
        var objects = new[] { ArtifactForms.NewAccessionNumber(), ArtifactForms.NewAccessionNumber() };
        foreach (var number in objects)
            await curator.CreateArtifactAsync(number, $"Loan object {number}");
        await curator.MoveOrFailAsync(store, objects);
        var loan = await NewLoanAsync(objects);

        await ActAsync(loan, "Agree");
        await ActAsync(loan, "Dispatch", ("on", Today()), ("withoutDepartureChecks", "true"));

        var page = await curator.GetPageAsync($"/Loans/Details/{loan}");
        Assert.That(page.QuerySelector("#loan-status")?.TextContent, Is.EqualTo("Dispatched"));
        var warning = page.QuerySelector("#missing-checks")?.TextContent ?? string.Empty;
        Assert.That(warning, Does.Contain("2 required condition checks are missing").And.Contain(objects[0]).And.Contain("Before departure"));
        var artifactPage = await curator.GetPageAsync($"/Artifacts/Details/{objects[0]}");
        Assert.That(artifactPage.QuerySelector("#current-location")?.TextContent, Does.Contain("On loan: Musée Saint-Raymond").And.Contain(loan));

        // A conservator follows the warning's link and records the departure check of the first object.
        var link = (await conservator.GetPageAsync($"/Loans/Details/{loan}")).QuerySelector("#missing-checks a")?.GetAttribute("href");
        Assert.That(link, Does.Contain($"loan={loan}").And.Contain("purpose=LoanDeparture"));
        var report = await conservator.GetFormAsync(link!, "main form[method=post]");
        Assert.That(report.Value("Input.LoanReference"), Is.EqualTo(loan));
        using (var saved = await conservator.SubmitAsync(report.Set("Input.ExaminedOn", Today()).Set("Input.Overall", "Good")))
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), (await saved.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.TextContent);

        page = await curator.GetPageAsync($"/Loans/Details/{loan}");
        warning = page.QuerySelector("#missing-checks")?.TextContent ?? string.Empty;
        Assert.That(warning, Does.Contain("1 required condition check is missing").And.Contain(objects[1]).And.Not.Contain(objects[0]));

        await ActAsync(loan, "OnDisplay");
        await ActAsync(loan, "Return", ("on", Today()), ("to", store));
        page = await curator.GetPageAsync($"/Loans/Details/{loan}");
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("#loan-status")?.TextContent, Is.EqualTo("Returned"));
            Assert.That(page.QuerySelector("#missing-checks")?.TextContent, Does.Contain("On return").And.Contain("On arrival"));
        });
        artifactPage = await curator.GetPageAsync($"/Artifacts/Details/{objects[0]}");
        Assert.That(artifactPage.QuerySelector("#current-location")?.TextContent, Does.Contain(store).And.Not.Contain("On loan"));
    }

    [Test]
    public async Task Returning_a_loan_without_saying_where_the_objects_go_is_refused_and_nothing_changes()
    {
        var number = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(number, "Returned object");
        await curator.MoveOrFailAsync(store, [number]);
        var loan = await NewLoanAsync([number]);
        await ActAsync(loan, "Agree");
        await ActAsync(loan, "Dispatch", ("on", Today()), ("withoutDepartureChecks", "true"));

        var page = await curator.GetPageAsync($"/Loans/Details/{loan}");
        var form = HtmlForm.From(page, new Uri(curator.BaseAddress!, $"/Loans/Details/{loan}"), "#return-form").Set("to", string.Empty);
        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var after = await curator.GetPageAsync($"/Loans/Details/{loan}");
        Assert.That(after.Text(), Does.Contain("Choose where the returned objects are stored"));
        Assert.That(after.QuerySelector("#loan-status")?.TextContent, Is.EqualTo("Dispatched"));
    }

    [Test]
    public async Task Public_pages_and_the_public_API_never_show_a_storage_location_or_an_insurance_value()
    {
        var loan = await NewLoanAsync([published]);
        var staffLoan = (await curator.GetPageAsync($"/Loans/Details/{loan}")).Text();
        Assert.That(staffLoan, Does.Contain("987,654").Or.Contain(InsuranceValue), "the value is really there for staff");

        var pages = new[] { $"/Collection/Details/{published}", $"/Exhibitions/Details/{code}", "/Exhibitions", $"/api/artifacts/{published}", $"/api/exhibitions/{code}", "/api/exhibitions" };
        foreach (var url in pages)
        {
            using var response = await visitor.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Multiple(() =>
            {
                Assert.That(body, Does.Not.Contain(store).And.Not.Contain("secret room"), $"{url} shows the storage location");
                Assert.That(body, Does.Not.Contain("987,654").And.Not.Contain(InsuranceValue).And.Not.Contain(loan), $"{url} shows the loan");
                Assert.That(body, Does.Not.Contain("currentLocation"), url);
            });
        }

        using var staffApi = await curator.GetAsync($"/api/artifacts/{published}");
        using var json = JsonDocument.Parse(await staffApi.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("currentLocation").GetProperty("code").GetString(), Is.EqualTo(store));
    }

    [Test]
    public async Task Viewers_read_loans_but_cannot_change_them()
    {
        var loan = await NewLoanAsync([unpublished]);
        using var viewer = await SignInAsync(Roles.Viewer);
        var page = await viewer.GetPageAsync($"/Loans/Details/{loan}");
        Assert.That(page.QuerySelector("#loan-actions"), Is.Null);

        var token = HtmlForm.From(page, new Uri(viewer.BaseAddress!, "/Loans"), "header form").AntiforgeryToken!;
        var version = await WithDatabaseAsync(db => db.Loans.Where(l => l.Reference == loan).Select(l => l.Version).SingleAsync());
        using var response = await viewer.PostAsync($"/Loans/Act/{loan}?handler=Agree", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

        Assert.That(response.Headers.Location?.AbsolutePath ?? response.StatusCode.ToString(), Does.StartWith("/Account/AccessDenied").Or.EqualTo("Forbidden"));
        Assert.That(await WithDatabaseAsync(db => db.Loans.Where(l => l.Reference == loan).Select(l => l.Status).SingleAsync()), Is.EqualTo(LoanStatus.Requested));
    }

    private async Task<string> NewLoanAsync(string[] objects)
    {
        var form = (await curator.GetFormAsync("/Loans/Edit", "#loan-form"))
            .Set("Input.Institution", "Musée Saint-Raymond").Set("Input.Contact", "Registrar, +33 5 61 22 31 44")
            .Set("Input.Courier", "Nguyễn Văn An").Set("Input.AgreementFrom", "2025-08-01").Set("Input.AgreementTo", "2026-01-31")
            .Set("Input.ExhibitionCode", code);
        using var created = await curator.SubmitAsync(form);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), (await created.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.TextContent);
        var loan = created.Headers.Location!.ToString().Split('/')[^1];
        foreach (var number in objects)
            await ActAsync(loan, "Include", ("accessionNumber", number), ("insuranceValue", InsuranceValue), ("currency", "EUR"));
        return loan;
    }

    /// <summary>Posts one of the loan page's forms and expects to be sent back to the loan page with no error.</summary>
    [Test]
    public async Task Adding_an_unpublished_object_to_a_public_exhibition_says_the_public_will_not_see_it()
    {
        var draft = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(draft, "Draft tile");

        await PostManageAsync("#object-form", ("Item.AccessionNumber", draft));

        var page = await curator.GetPageAsync($"/Exhibitions/Manage/{code}");
        Assert.That(page.QuerySelector("[role=status]")?.TextContent, Does.Contain($"{draft} is shown in the exhibition, but it is not published"));
    }

    [Test]
    public async Task A_dispatch_without_departure_checks_is_refused_until_the_curator_confirms_it_naming_the_objects()
    {
        var number = ArtifactForms.NewAccessionNumber();
        await curator.CreateArtifactAsync(number, $"Loan object {number}");
        await curator.MoveOrFailAsync(store, [number]);
        var loan = await NewLoanAsync([number]);
        await ActAsync(loan, "Agree");
        var page = await curator.GetPageAsync($"/Loans/Details/{loan}");
        Assert.That(page.QuerySelector("#without-departure-checks")?.TextContent, Does.Contain(number));
        var form = HtmlForm.From(page, new Uri(curator.BaseAddress!, $"/Loans/Details/{loan}"), "#dispatch-form");

        using (var refused = await curator.SubmitAsync(form))
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var after = await curator.GetPageAsync($"/Loans/Details/{loan}");
        Assert.That(after.QuerySelector("p.conflict[role=alert]")?.TextContent, Does.Contain($"No departure condition check is recorded for {number}"));
        Assert.That(after.QuerySelector("#loan-status")?.TextContent, Is.EqualTo("Agreed"));
        await ActAsync(loan, "Dispatch", ("withoutDepartureChecks", "true"));
        Assert.That((await curator.GetPageAsync($"/Loans/Details/{loan}")).QuerySelector("#loan-status")?.TextContent, Is.EqualTo("Dispatched"));
    }

    private async Task ActAsync(string loan, string handler, params (string Name, string Value)[] fields)
    {
        var page = await curator.GetPageAsync($"/Loans/Details/{loan}");
        var form = HtmlForm.From(page, new Uri(curator.BaseAddress!, $"/Loans/Details/{loan}"), $"form[action*='handler={handler}']");
        foreach (var (name, value) in fields)
            form.Set(name, value);
        using var response = await curator.SubmitAsync(form);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/Loans/Details/{loan}"), handler);
        var after = await curator.GetPageAsync($"/Loans/Details/{loan}");
        Assert.That(after.QuerySelector("p.conflict[role=alert]")?.TextContent, Is.Null, $"{handler} was refused");
    }

    private static string Today() => CatalogueFactory.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
