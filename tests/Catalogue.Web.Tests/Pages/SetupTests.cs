using System.Net;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages;

/// <summary>/Setup: the first administrator on a brand-new catalogue, and never again once one exists.</summary>
public sealed class SetupTests() : CatalogueApp(loadSampleData: false, freshAppPerTest: true)
{
    [Test]
    public async Task On_a_catalogue_without_users_the_setup_page_is_open_to_a_visitor()
    {
        using var visitor = CreateClient();

        var page = await visitor.GetPageAsync("/Setup");

        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("First-run setup"));
    }

    [Test]
    public async Task Posting_the_setup_form_creates_the_administrator_signs_them_in_and_closes_the_page()
    {
        using var visitor = CreateClient();

        using var response = await visitor.PostFormAsync("/Setup",
            ("Input.Email", "director@catalogue.test"), ("Input.DisplayName", "Director"), ("Input.Password", Password));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(visitor.BaseAddress!)!.AbsolutePath, Is.EqualTo("/Admin/Users"));
        var users = await visitor.GetPageAsync("/Admin/Users");
        Assert.That(users.QuerySelector("#users")!.TextContent, Does.Contain("director@catalogue.test"), "the new administrator is signed in");
        Assert.That(await AdministratorsAsync(), Is.EqualTo(new[] { "director@catalogue.test" }));

        using var anotherVisitor = CreateClient();
        using var reopened = await anotherVisitor.GetAsync("/Setup");
        Assert.That(reopened.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_second_setup_post_after_the_first_administrator_exists_creates_nothing()
    {
        using var first = CreateClient();
        using (var created = await first.PostFormAsync("/Setup", ("Input.Email", "director@catalogue.test"), ("Input.Password", Password)))
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        // A replayed post: a real antiforgery token (from the sign-in page) and the setup fields.
        using var intruder = CreateClient();
        var token = (await intruder.GetFormAsync("/Account/Login")).AntiforgeryToken!;

        using var response = await intruder.PostAsync("/Setup", new FormUrlEncodedContent(
        [
            new(HtmlForm.TokenField, token),
            new("Input.Email", "intruder@catalogue.test"),
            new("Input.Password", Password),
        ]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await WithDatabaseAsync(db => db.Users.Select(u => u.Email).ToListAsync()), Is.EqualTo(new[] { "director@catalogue.test" }));
    }

    [Test]
    public async Task A_weak_password_is_refused_with_a_message_on_the_password_field_and_the_page_stays_open()
    {
        using var visitor = CreateClient();

        using var response = await visitor.PostFormAsync("/Setup", ("Input.Email", "director@catalogue.test"), ("Input.Password", "short"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.Password"), Does.Contain("at least 12"));
        Assert.That(await WithDatabaseAsync(db => db.Users.CountAsync()), Is.Zero);
        using var again = await visitor.GetAsync("/Setup");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private Task<List<string?>> AdministratorsAsync() => WithDatabaseAsync(db =>
        db.UserRoles.Where(r => r.RoleId == Roles.Admin).Join(db.Users, r => r.UserId, u => u.Id, (_, u) => u.Email).ToListAsync());
}
