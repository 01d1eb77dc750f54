using System.Security.Cryptography;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Media;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// A curator at a real browser drops a photograph on an artifact's page, sees it processing and then its thumbnail
/// without reloading, and zooms into it with the deep-zoom viewer reading the IIIF service.
/// </summary>
public sealed class PhotographsInBrowserTests() : CatalogueApp()
{
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
        Assertions.SetDefaultExpectTimeout(30_000);
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
    public async Task A_curator_uploads_a_photograph_sees_its_thumbnail_appear_and_zooms_into_it()
    {
        var accessionNumber = SampleCatalogue.First(PublicationStatus.Draft).AccessionNumber;
        var photograph = SyntheticImages.Jpeg(2400, 1600, "browser-upload", noise: true);
        var imageId = Convert.ToHexStringLower(SHA256.HashData(photograph));
        await SignInThroughTheFormAsync();
        await page.GotoAsync($"/Artifacts/Details/{accessionNumber}");

        await page.Locator("#image-files").SetInputFilesAsync(new FilePayload { Name = "celadon-bowl.jpg", MimeType = "image/jpeg", Buffer = photograph });

        await Expect(page.Locator("[data-upload-outcomes] li.ok")).ToContainTextAsync("celadon-bowl.jpg");
        var item = page.Locator($"#image-gallery [data-image-id='{imageId}']");
        await Expect(item).ToBeVisibleAsync();
        var thumbnail = item.Locator("img");
        await Expect(thumbnail).ToBeVisibleAsync();
        await Expect(thumbnail).ToHaveAttributeAsync("src", $"/iiif/3/{imageId}/full/!200,200/0/default.jpg");
        Assert.That(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth"), Is.EqualTo(200), "the thumbnail loaded with a long edge of 200");

        var tileRequested = page.WaitForResponseAsync(r => r.Url.Contains($"/iiif/3/{imageId}/", StringComparison.Ordinal) && !r.Url.EndsWith("info.json", StringComparison.Ordinal) && r.Status == 200);
        await item.Locator("button.thumbnail").ClickAsync();

        var viewer = page.Locator("#zoom-viewer");
        await Expect(viewer).ToBeVisibleAsync();
        await Expect(viewer.Locator(".openseadragon-canvas").First).ToBeVisibleAsync();
        var tile = await tileRequested;
        Assert.That(tile.Headers["content-type"], Does.StartWith("image/"));
    }

    private async Task SignInThroughTheFormAsync()
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Email").FillAsync(curator.Email);
        await page.Locator("#Password").FillAsync(curator.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Expect(page.Locator("header .account")).ToContainTextAsync(curator.Email);
    }

    private Uri ServerAddress()
    {
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.First().Replace("//[::]", "//localhost", StringComparison.Ordinal).Replace("//0.0.0.0", "//localhost", StringComparison.Ordinal);
        return new Uri(address);
    }
}
