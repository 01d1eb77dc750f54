using System.Security.Cryptography;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Media;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// A curator at a real browser drops a photograph on an artifact's page, sees it processing and then its thumbnail
/// without reloading, and zooms into it with the deep-zoom viewer reading the IIIF service.
/// </summary>
public sealed class PhotographsInBrowserTests() : BrowserApp()
{
    private IPage page = null!;
    private TestUser curator = null!;

    [OneTimeSetUp]
    public async Task PrepareUsers()
    {
        curator = await UserAsync(Roles.Curator);
    }

    [SetUp]
    public async Task OpenPage()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        page = await NewPageAsync();
    }

    [Test]
    public async Task A_curator_uploads_a_photograph_sees_its_thumbnail_appear_and_zooms_into_it()
    {
        var accessionNumber = SampleCatalogue.First(PublicationStatus.Draft).AccessionNumber;
        var photograph = SyntheticImages.Jpeg(2400, 1600, "browser-upload", noise: true);
        var imageId = Convert.ToHexStringLower(SHA256.HashData(photograph));
        await SignInThroughTheFormAsync(page, curator);
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
}
