using System.Net;
using Catalogue.Core.Users;
using Catalogue.Web.Pages.Account;
using Catalogue.Web.Tests.Infrastructure;

namespace Catalogue.Web.Tests.Pages.Account;

/// <summary>Sign-in tells nobody which addresses have accounts, and slows one address trying many passwords.</summary>
public sealed class SignInTests() : CatalogueApp(loadSampleData: false, freshAppPerTest: true)
{
    private const string Refused = "The email or password is not correct, or the account is locked after too many failed attempts";

    private readonly MovableClock clock = new();

    protected override void Configure(CatalogueFactory app)
    {
        clock.Shift = TimeSpan.Zero;
        app.Clock = clock;
    }

    [Test]
    public async Task A_locked_account_an_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        var locked = await CreateUserAsync(Roles.Viewer);
        var other = await CreateUserAsync(Roles.Viewer);
        using var visitor = CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
            await SignInMessageAsync(visitor, locked.Email, "not the password");

        var lockedAnswer = await SignInMessageAsync(visitor, locked.Email, locked.Password);
        var unknownAnswer = await SignInMessageAsync(visitor, "nobody-here@catalogue.test", "not the password");
        var wrongAnswer = await SignInMessageAsync(visitor, other.Email, "not the password");

        Assert.That(lockedAnswer, Does.StartWith(Refused), "the locked account, with its right password, is refused");
        Assert.That(unknownAnswer, Is.EqualTo(lockedAnswer));
        Assert.That(wrongAnswer, Is.EqualTo(lockedAnswer));
    }

    [Test]
    public async Task After_too_many_failures_from_one_address_even_the_right_password_waits_until_the_window_has_passed()
    {
        var user = await CreateUserAsync(Roles.Curator);
        using var visitor = CreateClient();
        for (var attempt = 0; attempt < SignInThrottle.MaxFailures; attempt++)
            Assert.That(await SignInMessageAsync(visitor, $"guess-{attempt}@catalogue.test", "summer2026"), Does.StartWith(Refused));

        var throttled = await SignInMessageAsync(visitor, user.Email, user.Password);
        Assert.That(throttled, Is.EqualTo("Too many failed sign-ins from this address: try again in 15 minutes."));

        clock.Shift = SignInThrottle.Window + TimeSpan.FromSeconds(1);
        using var client = await SignInAsync(user);
        var page = await client.GetPageAsync("/Artifacts");
        Assert.That(page.QuerySelector("h1"), Is.Not.Null, "signed in once the window has passed");
    }

    /// <summary>Posts the sign-in form and returns the message it answers with, failing if it signed in.</summary>
    private static async Task<string> SignInMessageAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostFormAsync("/Account/Login", ("Email", email), ("Password", password));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"signing in as {email} should be refused");
        var page = await response.ReadHtmlAsync();
        return page.QuerySelector(".validation-summary-errors")!.TextContent.Trim();
    }
}
