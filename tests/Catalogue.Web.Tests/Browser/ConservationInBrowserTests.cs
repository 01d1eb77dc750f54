using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Conservation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// A conservator and a curator at a real browser (Debian's chromium, driven by Playwright) against the app on a real port:
/// the conservator logs a condition report from the artifact's page and proposes a treatment, the curator approves it.
/// </summary>
public sealed class ConservationInBrowserTests() : CatalogueApp()
{
    /// <summary>Wait for the next page to arrive, not for its load event: the assertions that follow wait for what they need.</summary>
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private readonly List<IBrowserContext> contexts = [];
    private IPage? current;

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
    public async Task ClosePages()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed && current is not null)
        {
            var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.Name}.png");
            await current.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            TestContext.AddTestAttachment(screenshot, "the page when the test failed");
        }

        foreach (var context in contexts)
            await context.CloseAsync();
        contexts.Clear();
    }

    [Test]
    public async Task A_conservator_logs_a_condition_report_and_takes_a_treatment_from_proposal_to_sign_off_then_prints_its_record_copy()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        var artifact = await new ConservationRecords(App.Services).ArtifactAsync("Bronze incense burner");
        var conservator = await UserAsync(Roles.Conservator);
        var curator = await UserAsync(Roles.Curator);

        var page = await SignedInPageAsync(conservator);
        await page.GotoAsync($"/Artifacts/Details/{artifact}");
        await page.GetByRole(AriaRole.Link, new() { Name = "New condition report" }).ClickAsync();
        await page.WaitForURLAsync("**/Conservation/Reports/Create?artifact=*", Committed);
        await page.Locator("#Input_Overall").SelectOptionAsync(nameof(OverallCondition.Poor));
        await page.Locator("#Input_Observations_0__DamageTypeId").SelectOptionAsync(new SelectOptionValue { Label = "Corrosion (active)" });
        await page.Locator("#Input_Observations_0__Location").FillAsync("lid, inner face");
        await page.Locator("#Input_Priority").SelectOptionAsync(nameof(ConservationPriority.High));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save condition report" }).ClickAsync();

        await page.WaitForURLAsync("**/Conservation/Reports/Details/CR-*", Committed);
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("was saved");
        await Expect(page.Locator("#overall")).ToHaveTextAsync("Poor");
        await Expect(page.Locator("#observations")).ToContainTextAsync("lid, inner face");
        var reference = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        Assert.That(await WithDatabaseAsync(db => db.ConditionReports.Where(r => r.Reference == reference).Select(r => r.Examiner).SingleAsync()),
            Is.EqualTo(conservator.Email), "the examiner is the conservator the form proposed");

        await page.GotoAsync($"/Artifacts/Details/{artifact}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Propose a treatment" }).ClickAsync();
        await page.Locator("#Input_Title").FillAsync("Stabilisation of active corrosion");
        await page.Locator("#Input_Proposal").FillAsync("Benzotriazole 3% in ethanol, then microcrystalline wax.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose treatment" }).ClickAsync();
        await page.WaitForURLAsync("**/Conservation/Treatments/Details/TR-*", Committed);
        await Expect(page.Locator("#status")).ToHaveTextAsync("Proposed");
        var treatment = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        var curatorPage = await SignedInPageAsync(curator);
        await curatorPage.GotoAsync("/Conservation");
        await curatorPage.GetByRole(AriaRole.Link, new() { Name = treatment }).ClickAsync();
        await curatorPage.WaitForURLAsync($"**/Conservation/Treatments/Details/{treatment}", Committed);
        await curatorPage.Locator("#approve-form button").ClickAsync();

        await Expect(curatorPage.Locator("[role=status]")).ToContainTextAsync($"Treatment {treatment} was approved.");
        await Expect(curatorPage.Locator("#status")).ToHaveTextAsync("Approved");
        await Expect(curatorPage.Locator("#approved")).ToContainTextAsync(curator.Email);
        Assert.That(await WithDatabaseAsync(db => db.Treatments.Where(t => t.Reference == treatment).Select(t => t.ApprovedBy).SingleAsync()),
            Is.EqualTo(curator.Email));

        // The conservator does the work: starts, records a step with its material, completes.
        await page.GotoAsync($"/Conservation/Treatments/Details/{treatment}");
        await page.Locator("#start-form button").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("In progress");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add step" }).ClickAsync();
        await page.Locator("#Input_StepTypeId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_Description").FillAsync("Corrosion inhibitor applied by brush");
        await page.Locator("#Input_MinutesSpent").FillAsync("90");
        await page.Locator("#Input_Materials_0__Product").FillAsync("Benzotriazole");
        await page.Locator("#Input_Materials_0__Concentration").FillAsync("3% w/v");
        await page.Locator("#Input_Materials_0__Solvent").FillAsync("ethanol");
        await page.Locator("#Input_Materials_0__Batch").FillAsync("BTA-2291");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save step" }).ClickAsync();
        await page.WaitForURLAsync($"**/Conservation/Treatments/Details/{treatment}*", Committed);
        await Expect(page.Locator("#steps")).ToContainTextAsync("BTA-2291");
        await page.Locator("#complete-link").ClickAsync();
        await page.Locator("#outcome").FillAsync("Corrosion stable after 30 days at 75% RH.");
        await page.Locator("#complete-form button").ClickAsync();
        await page.WaitForURLAsync($"**/Conservation/Treatments/Details/{treatment}*", Committed);
        await Expect(page.Locator("#status")).ToHaveTextAsync("Completed");

        // The curator signs off; the record is then read-only.
        await curatorPage.GotoAsync($"/Conservation/Treatments/Details/{treatment}");
        await curatorPage.Locator("#signoff-form button").ClickAsync();
        await Expect(curatorPage.Locator("#status")).ToHaveTextAsync("Signed off");
        await page.GotoAsync($"/Conservation/Treatments/Details/{treatment}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add step" })).ToHaveCountAsync(0);

        // The record copy: the print button prints, and the printed page is the record without the site's chrome.
        await page.EvaluateAsync("() => { window.__printed = false; window.print = () => { window.__printed = true; }; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Print record copy" }).ClickAsync();
        Assert.That(await page.EvaluateAsync<bool>("() => window.__printed"), Is.True, "the button opens the print dialog");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await Expect(page.Locator("#steps")).ToContainTextAsync("Benzotriazole");
        await Expect(page.Locator("#steps")).ToContainTextAsync("3% w/v");
        await Expect(page.Locator("#approved")).ToContainTextAsync(curator.Email);
        await Expect(page.Locator("#signed-off")).ToContainTextAsync(curator.Email);
    }

    private async Task<IPage> SignedInPageAsync(TestUser user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ServerAddress().ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(30_000);
        contexts.Add(context);
        var page = current = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Email").FillAsync(user.Email);
        await page.Locator("#Password").FillAsync(user.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Expect(page.Locator("header .account")).ToContainTextAsync(user.Email);
        return page;
    }

    /// <summary>Where Kestrel really listens (port 0 picks a free one).</summary>
    private Uri ServerAddress()
    {
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.First().Replace("//[::]", "//localhost", StringComparison.Ordinal).Replace("//0.0.0.0", "//localhost", StringComparison.Ordinal);
        return new Uri(address);
    }
}
