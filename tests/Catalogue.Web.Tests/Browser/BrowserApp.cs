using Catalogue.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// The app on a real port and Debian's chromium driving it: browser sessions (each with its own cookies) opened by a
/// test are closed after it, with a screenshot of the last page attached when the test failed.
/// </summary>
public abstract class BrowserApp() : CatalogueApp()
{
    /// <summary>
    /// Waits until the page is at <paramref name="url"/> (a glob) and parsed (DOMContentLoaded), not for its load event
    /// (images): a form's button can be clicked as soon as the parser reaches it, and a form sent before the parser reaches
    /// its end goes without the fields that follow the button, among them the antiforgery token (a 400). The address is
    /// awaited to its commit and the parsing apart, as a load state already reached: waiting for both in one call timed
    /// out now and then on a loaded machine with the page already there, parsed and idle.
    /// </summary>
    protected static async Task ArrivedAsync(IPage page, string url)
    {
        await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private readonly List<IBrowserContext> sessions = [];
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private IPage? lastPage;

    protected override void Configure(CatalogueFactory app) => app.UseKestrel(0);

    [OneTimeSetUp]
    public async Task LaunchBrowser()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // The distribution's browser: nothing is downloaded.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }

    [TearDown]
    public async Task CloseSessions()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed && lastPage is not null)
        {
            var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.Name}.png");
            await lastPage.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            TestContext.AddTestAttachment(screenshot, "the page when the test failed");
        }

        foreach (var session in sessions)
            await session.CloseAsync();
        sessions.Clear();
        lastPage = null;
    }

    /// <summary>A page in a fresh browser session, not signed in.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var session = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ServerAddress().ToString(), Locale = "en-GB" });
        // Many pages on a shared two-core machine: generous waits, which cost nothing when the app is quick.
        session.SetDefaultTimeout(30_000);
        sessions.Add(session);
        return lastPage = await session.NewPageAsync();
    }

    /// <summary>A page in a fresh browser session, signed in through the login form.</summary>
    protected async Task<IPage> SignedInPageAsync(TestUser user)
    {
        var page = await NewPageAsync();
        await SignInThroughTheFormAsync(page, user);
        return page;
    }

    protected static async Task SignInThroughTheFormAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Email").FillAsync(user.Email);
        await page.Locator("#Password").FillAsync(user.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Expect(page.Locator("header .account")).ToContainTextAsync(user.Email);
    }

    /// <summary>Where Kestrel really listens (port 0 picks a free one).</summary>
    protected Uri ServerAddress()
    {
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.First().Replace("//[::]", "//localhost", StringComparison.Ordinal).Replace("//0.0.0.0", "//localhost", StringComparison.Ordinal);
        return new Uri(address);
    }
}
