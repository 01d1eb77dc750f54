using System.Net;
using System.Text.Json;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Media;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Pages.Media;

/// <summary>Uploading photographs of an artifact, their processing, and who sees them.</summary>
public sealed class PhotographsTests() : CatalogueApp()
{
    private static string Published => SampleCatalogue.First(PublicationStatus.Published).AccessionNumber;

    private static string Draft => SampleCatalogue.First(PublicationStatus.Draft).AccessionNumber;

    [Test]
    public async Task A_curator_uploads_several_photographs_at_once_and_each_is_attached_and_processed_in_the_background()
    {
        var curator = await SignInAsync(Roles.Curator);

        var (status, body) = await curator.UploadAsync(Published, ("front.jpg", MediaUploads.Jpeg(1200, 900, "front")), ("back.jpg", MediaUploads.Jpeg(900, 1200, "back")));

        Assert.That(status, Is.EqualTo(200));
        var outcomes = body.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.That(outcomes.Select(o => o.GetProperty("attached").GetBoolean()), Is.EqualTo(new[] { true, true }));
        var ids = outcomes.Select(o => o.GetProperty("imageId").GetString()!).ToList();
        foreach (var id in ids)
            await WaitUntilReadyAsync(curator, id);
        var page = await curator.GetPageAsync($"/Artifacts/Details/{Published}");
        var thumbnails = page.QuerySelectorAll("#image-gallery img").Select(i => i.GetAttribute("src")).ToList();
        Assert.That(thumbnails, Does.Contain($"/iiif/3/{ids[0]}/full/!200,200/0/default.jpg"));
        Assert.That(page.QuerySelector("[data-viewer]"), Is.Not.Null, "the page has the zoom viewer");
        using var thumbnail = await curator.GetAsync(thumbnails.First(t => t!.Contains(ids[1], StringComparison.Ordinal)));
        Assert.That(thumbnail.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/jpeg"));
        using var decoded = NetVips.Image.NewFromBuffer(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((150, 200)), "a portrait photograph's thumbnail has a long edge of 200");
    }

    [Test]
    public async Task Pages_load_the_zoom_viewer_script_only_when_someone_zooms()
    {
        var curator = await SignInAsync(Roles.Curator);

        foreach (var path in new[] { "/", "/Search?q=bowl", $"/Artifacts/Details/{Published}" })
        {
            var page = await curator.GetPageAsync(path);
            var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")).ToList();
            Assert.That(scripts, Has.None.Contains("openseadragon"), path);
        }

        using var script = await curator.GetAsync("/lib/openseadragon/openseadragon.min.js");
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK), "site.js fetches it from here on the first zoom");
    }

    public static IEnumerable<TestCaseData> HostileFiles()
    {
        var jpeg = SyntheticImages.Jpeg(800, 600, "hostile");
        yield return new TestCaseData("sherd.jpg", jpeg[..(jpeg.Length / 2)], "truncated").SetName("A truncated JPEG upload is refused");
        yield return new TestCaseData("empty.jpg", Array.Empty<byte>(), "The file is empty").SetName("An empty upload is refused");
        yield return new TestCaseData("note.jpg", "Not a photograph, only a note."u8.ToArray(), "is text, not an image").SetName("A text file named .jpg is refused");
        yield return new TestCaseData("x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "SVG drawings are refused").SetName("An SVG upload with a script is refused");
        yield return new TestCaseData("../../../../etc/bowl.jpg", jpeg, "contains a folder path").SetName("An upload with a path-traversal name is refused");
    }

    [TestCaseSource(nameof(HostileFiles))]
    public async Task Hostile_uploads_are_refused_with_a_message_naming_the_rule_and_nothing_is_stored(string fileName, byte[] bytes, string rule)
    {
        var curator = await SignInAsync(Roles.Curator);
        var before = await WithDatabaseAsync(db => db.MediaImages.CountAsync());

        var (status, body) = await curator.UploadAsync(Published, (fileName, bytes));

        var outcome = body.GetProperty("outcomes").EnumerateArray().Single();
        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(outcome.GetProperty("attached").GetBoolean(), Is.False);
            Assert.That(outcome.GetProperty("message").GetString(), Does.Contain(rule).And.Contain("Nothing was stored"));
            Assert.That(await WithDatabaseAsync(db => db.MediaImages.CountAsync()), Is.EqualTo(before));
            Assert.That(Directory.GetFiles(Path.Combine(App.DataDirectory, "media", "incoming")), Is.Empty);
        });
    }

    [Test]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        var curator = await SignInAsync(Roles.Curator);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(MediaUploads.Jpeg()), "files", "a.jpg" } };

        using var response = await curator.PostAsync($"/Artifacts/Images/{Published}", content);

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
    }

    [TestCase(Roles.Viewer)]
    [TestCase(Roles.Conservator)]
    public async Task Staff_who_may_not_edit_the_catalogue_cannot_upload(string role)
    {
        var client = await SignInAsync(role);
        var curator = await SignInAsync(Roles.Curator);
        var form = await curator.GetFormAsync($"/Artifacts/Images/{Published}", "form#image-upload");
        using var content = new MultipartFormDataContent { { new StringContent(form.AntiforgeryToken!), HtmlForm.TokenField }, { new ByteArrayContent(MediaUploads.Jpeg()), "files", "a.jpg" } };

        using var response = await client.PostAsync($"/Artifacts/Images/{Published}", content);

        Assert.That((int)response.StatusCode is 403 or 302 or 400, Is.True, $"{role} upload answered {(int)response.StatusCode}");
        Assert.That(response.Headers.Location?.ToString() ?? string.Empty, Does.Not.Contain("/Artifacts/Images"));
    }

    [Test]
    public async Task The_public_sees_photographs_of_published_objects_and_never_those_of_unpublished_ones()
    {
        var anonymous = CreateClient();
        var staff = await SignInAsync(Roles.Viewer);
        var publishedImage = await ImageOfAsync(Published);
        var draftImage = await ImageOfAsync(Draft);

        var publicPage = await anonymous.GetPageAsync($"/Collection/Details/{Published}");
        var fileName = await WithDatabaseAsync(db => db.MediaImages.Where(i => i.Sha256 == publishedImage).Select(i => i.OriginalFileName).SingleAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(publicPage.QuerySelector("#image-gallery")!.InnerHtml, Does.Not.Contain(fileName), "the public is not shown the file names the museum stores photographs under");
            Assert.That(publicPage.QuerySelector("#image-gallery .caption")?.TextContent, Does.Contain("Photograph 1 of"));
            Assert.That(publicPage.QuerySelector("#image-gallery img")?.GetAttribute("alt"), Does.StartWith(publicPage.QuerySelector("h1")!.TextContent.Trim()));
            Assert.That(publicPage.QuerySelectorAll("#image-gallery [data-image-id]").Select(e => e.GetAttribute("data-image-id")), Does.Contain(publishedImage));
            Assert.That((int)(await anonymous.GetAsync($"/iiif/3/{publishedImage}/info.json")).StatusCode, Is.EqualTo(200));
            Assert.That((int)(await anonymous.GetAsync($"/iiif/3/{draftImage}/info.json")).StatusCode, Is.EqualTo(404));
            Assert.That((int)(await anonymous.GetAsync($"/iiif/3/{draftImage}/full/max/0/default.jpg")).StatusCode, Is.EqualTo(404));
            Assert.That((int)(await anonymous.GetAsync($"/api/images/{draftImage}")).StatusCode, Is.EqualTo(404));
            Assert.That((int)(await anonymous.GetAsync($"/iiif/manifests/{Draft}")).StatusCode, Is.EqualTo(404));
            Assert.That((int)(await staff.GetAsync($"/iiif/3/{draftImage}/info.json")).StatusCode, Is.EqualTo(200));
            Assert.That((int)(await staff.GetAsync($"/iiif/manifests/{Draft}")).StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Cache_headers_let_the_public_cache_public_images_and_keep_staff_only_ones_private()
    {
        var staff = await SignInAsync(Roles.Viewer);
        using var publicImage = await staff.GetAsync($"/iiif/3/{await ImageOfAsync(Published)}/full/!200,200/0/default.webp");
        using var privateImage = await staff.GetAsync($"/iiif/3/{await ImageOfAsync(Draft)}/full/!200,200/0/default.webp");

        Assert.Multiple(() =>
        {
            Assert.That(publicImage.Headers.CacheControl!.Public, Is.True);
            Assert.That(publicImage.Headers.ETag, Is.Not.Null);
            Assert.That(publicImage.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/webp"));
            Assert.That(privateImage.Headers.CacheControl!.Private, Is.True);
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/iiif/3/{await ImageOfAsync(Published)}/full/!200,200/0/default.webp");
        request.Headers.IfNoneMatch.Add(publicImage.Headers.ETag!);
        using var again = await staff.SendAsync(request);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task The_manifest_lists_the_objects_images_with_their_image_services()
    {
        var anonymous = CreateClient();
        var image = await ImageOfAsync(Published);

        var manifest = JsonDocument.Parse(await anonymous.GetStringAsync($"/iiif/manifests/{Published}")).RootElement;

        var canvas = manifest.GetProperty("items")[0];
        var body = canvas.GetProperty("items")[0].GetProperty("items")[0].GetProperty("body");
        Assert.Multiple(() =>
        {
            Assert.That(manifest.GetProperty("@context").GetString(), Is.EqualTo("http://iiif.io/api/presentation/3/context.json"));
            Assert.That(manifest.GetProperty("type").GetString(), Is.EqualTo("Manifest"));
            Assert.That(canvas.GetProperty("type").GetString(), Is.EqualTo("Canvas"));
            Assert.That(body.GetProperty("service")[0].GetProperty("id").GetString(), Does.EndWith($"/iiif/3/{image}"));
            Assert.That(canvas.GetProperty("width").GetInt32(), Is.EqualTo(SampleImagesWidth));
        });
    }

    [Test]
    public async Task The_public_collection_list_shows_a_thumbnail_of_each_published_object()
    {
        var anonymous = CreateClient();

        var page = await anonymous.GetPageAsync("/Collection");

        var image = await ImageOfAsync(Published);
        Assert.That(page.QuerySelectorAll(".card-image img").Select(i => i.GetAttribute("src")), Does.Contain($"/iiif/3/{image}/full/!200,200/0/default.jpg"));
    }

    [Test]
    public async Task A_curator_removes_a_photograph_from_an_object_and_the_removal_is_in_the_objects_history()
    {
        var accession = SampleCatalogue.WithStatus(PublicationStatus.Published).Skip(1).First().AccessionNumber;
        var curator = await SignInAsync(Roles.Curator);
        var (_, body) = await curator.UploadAsync(accession, ("detail.jpg", MediaUploads.Jpeg(300, 200, "detail")));
        var imageId = body.GetProperty("outcomes")[0].GetProperty("imageId").GetString()!;
        var form = await curator.GetFormAsync($"/Artifacts/Images/{accession}", $"form:has(input[name=imageId][value='{imageId}'])");

        using var response = await curator.SubmitAsync(form);

        Assert.That((int)response.StatusCode, Is.EqualTo(302));
        var page = await curator.GetPageAsync($"/Artifacts/Details/{accession}");
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("[data-image-id]").Select(e => e.GetAttribute("data-image-id")), Does.Not.Contain(imageId));
            Assert.That(page.QuerySelector("#history")?.TextContent ?? page.Text(), Does.Contain($"image {imageId[..12]}"));
        });
    }

    private const int SampleImagesWidth = 256;

    private Task<string> ImageOfAsync(string accessionNumber) =>
        WithDatabaseAsync(db => db.MediaLinks.Where(l => l.OwnerKey == accessionNumber).OrderBy(l => l.Id).Select(l => l.Image!.Sha256).FirstAsync());

    private static async Task WaitUntilReadyAsync(HttpClient client, string imageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? state = null;
        while (DateTime.UtcNow < deadline)
        {
            state = JsonDocument.Parse(await client.GetStringAsync($"/api/images/{imageId}")).RootElement.GetProperty("state").GetString();
            if (state == "ready")
                return;
            await Task.Delay(250);
        }

        Assert.Fail($"Image {imageId} was still '{state}' after a minute.");
    }
}
