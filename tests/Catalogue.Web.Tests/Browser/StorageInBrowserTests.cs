using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Catalogue.Web.Tests.Pages.Locations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// A curator at a real browser: fills a box, moves the whole box in one step, and records an inventory check of it.
/// </summary>
public sealed class StorageInBrowserTests() : CatalogueApp()
{
    /// <summary>Wait for the next page to arrive, not for its load event: the assertions that follow wait for what they need.</summary>
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private IBrowserContext context = null!;
    private IPage page = null!;
    private TestUser curator = null!;

    protected override void Configure(CatalogueFactory app) => app.UseKestrel(0);

    [OneTimeSetUp]
    public async Task LaunchBrowser()
    {
        curator = await UserAsync(Roles.Curator);
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

    [SetUp]
    public async Task OpenPage()
    {
        context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ServerAddress().ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        page = await context.NewPageAsync();
    }

    [TearDown]
    public async Task ClosePage()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.Name}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            TestContext.AddTestAttachment(screenshot, "the page when the test failed");
        }

        await context.CloseAsync();
    }

    [Test]
    public async Task A_curator_fills_a_box_moves_the_whole_box_to_another_shelf_and_checks_its_inventory()
    {
        var objects = new[] { ArtifactForms.NewAccessionNumber(), ArtifactForms.NewAccessionNumber(), ArtifactForms.NewAccessionNumber() };
        await SignInThroughTheFormAsync();
        foreach (var number in objects)
            await CreateArtifactAsync(number);
        var box = LocationForms.NewCode("BOX");
        var shelf = LocationForms.NewCode("SHELF");
        await CreateLocationAsync(shelf, "Shelf B3", "Shelf");
        await CreateLocationAsync(box, "Box of glazed tiles", "Box");

        // The objects go into the box: ticked on the artifact list, then the move form.
        await page.GotoAsync("/Artifacts?q=Glazed+tile");
        foreach (var number in objects)
            await page.GetByRole(AriaRole.Checkbox, new() { Name = number }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the ticked objects" }).ClickAsync();
        await page.WaitForURLAsync("**/Locations/Move?*", Committed);
        await Expect(page.Locator("#Input_AccessionNumbers")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(string.Join("\\s+", objects.Select(System.Text.RegularExpressions.Regex.Escape))));
        await page.Locator("#Input_ToLocationCode").SelectOptionAsync(box);
        await page.Locator("#Input_Reason").FillAsync("Packed after washing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/Locations/Details/{box}", Committed);
        await Expect(page.Locator("p.notice")).ToContainTextAsync($"3 objects were moved to {box}");
        await Expect(page.Locator("#contents tbody tr")).ToHaveCountAsync(3);

        // The whole box moves to the shelf in one step.
        await page.GetByRole(AriaRole.Link, new() { Name = "Move the contents" }).ClickAsync();
        await Expect(page.Locator("#moving li")).ToHaveCountAsync(3);
        await page.Locator("#Input_ToLocationCode").SelectOptionAsync(shelf);
        await page.Locator("#Input_Reason").FillAsync("Box moved to shelf B3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/Locations/Details/{shelf}", Committed);
        await Expect(page.Locator("#contents tbody tr")).ToHaveCountAsync(3);

        // The artifact page agrees.
        await page.GotoAsync($"/Artifacts/Details/{objects[0]}");
        await Expect(page.Locator("#current-location")).ToContainTextAsync(shelf);

        // Inventory: two of the three are on the shelf.
        await page.GotoAsync($"/Locations/Details/{shelf}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inventory check" }).ClickAsync();
        await page.Locator($"#present-{Css(objects[0])}").CheckAsync();
        await page.Locator($"#present-{Css(objects[2])}").CheckAsync();
        await page.Locator("#Notes").FillAsync("One sherd not found");
        await page.GetByRole(AriaRole.Button, new() { Name = "Store the inventory check" }).ClickAsync();
        await page.WaitForURLAsync($"**/Locations/Details/{shelf}*", Committed);
        await Expect(page.Locator("p.notice")).ToContainTextAsync("2 present, 1 missing, 0 found here");
        await Expect(page.Locator("#inventories")).ToContainTextAsync(objects[1]);
        await Expect(page.Locator("#inventories")).ToContainTextAsync("One sherd not found");
    }

    private static string Css(string accessionNumber) => accessionNumber.Replace(".", "\\.", StringComparison.Ordinal);

    private async Task SignInThroughTheFormAsync()
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Email").FillAsync(curator.Email);
        await page.Locator("#Password").FillAsync(curator.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Expect(page.Locator("header .account")).ToContainTextAsync(curator.Email);
    }

    private async Task CreateArtifactAsync(string accessionNumber)
    {
        await page.GotoAsync("/Artifacts/Create");
        await page.Locator("#Input_AccessionNumber").FillAsync(accessionNumber);
        await page.Locator("#Input_ObjectTypeId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_TitleEn").FillAsync($"Glazed tile {accessionNumber}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create artifact" }).ClickAsync();
        await page.WaitForURLAsync($"**/Artifacts/Details/{accessionNumber}", Committed);
    }

    private async Task CreateLocationAsync(string code, string name, string kind)
    {
        await page.GotoAsync("/Locations/Edit");
        await page.Locator("#Input_Code").FillAsync(code);
        await page.Locator("#Input_Name").FillAsync(name);
        await page.Locator("#Input_Kind").SelectOptionAsync(kind);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save location" }).ClickAsync();
        await page.WaitForURLAsync($"**/Locations/Details/{code}", Committed);
    }

    private Uri ServerAddress()
    {
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.First().Replace("//[::]", "//localhost", StringComparison.Ordinal).Replace("//0.0.0.0", "//localhost", StringComparison.Ordinal);
        return new Uri(address);
    }
}
