using System.Text.Json;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Media;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Api;

/// <summary>The IIIF Image API: what it answers, and 400 rather than a server error for anything it cannot serve.</summary>
public sealed class IiifApiTests() : CatalogueApp()
{
    private HttpClient client = null!;
    private string image = null!;

    [OneTimeSetUp]
    public async Task FindAPublishedImage()
    {
        client = CreateClient();
        var published = SampleCatalogue.First(PublicationStatus.Published).AccessionNumber;
        image = await WithDatabaseAsync(db => db.MediaLinks.Where(l => l.OwnerKey == published).Select(l => l.Image!.Sha256).FirstAsync());
    }

    [OneTimeTearDown]
    public void DisposeClient() => client.Dispose();

    [Test]
    public async Task Info_json_describes_a_level_1_image_service_with_its_size_tiles_and_formats()
    {
        using var response = await client.GetAsync($"/iiif/3/{image}/info.json");
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(info.GetProperty("@context").GetString(), Is.EqualTo("http://iiif.io/api/image/3/context.json"));
            Assert.That(info.GetProperty("type").GetString(), Is.EqualTo("ImageService3"));
            Assert.That(info.GetProperty("profile").GetString(), Is.EqualTo("level1"));
            Assert.That(info.GetProperty("id").GetString(), Does.EndWith($"/iiif/3/{image}"));
            Assert.That((info.GetProperty("width").GetInt32(), info.GetProperty("height").GetInt32()), Is.EqualTo((256, 192)));
            Assert.That(info.GetProperty("extraFormats").EnumerateArray().Select(e => e.GetString()), Does.Contain("webp"));
            Assert.That(info.GetProperty("tiles")[0].GetProperty("width").GetInt32(), Is.EqualTo(512));
        });
    }

    [TestCase("full/max/0/default.jpg", "image/jpeg", 256, 192)]
    [TestCase("full/max/0/default.webp", "image/webp", 256, 192)]
    [TestCase("full/128,/0/default.jpg", "image/jpeg", 128, 96)]
    [TestCase("full/,48/0/default.jpg", "image/jpeg", 64, 48)]
    [TestCase("full/pct:50/0/default.jpg", "image/jpeg", 128, 96)]
    [TestCase("full/100,100/0/default.jpg", "image/jpeg", 100, 100)]
    [TestCase("full/!100,100/0/default.webp", "image/webp", 100, 75)]
    [TestCase("0,0,64,64/max/0/default.jpg", "image/jpeg", 64, 64)]
    [TestCase("pct:50,50,50,50/max/0/color.jpg", "image/jpeg", 128, 96)]
    [TestCase("square/32,/0/default.jpg", "image/jpeg", 32, 32)]
    [TestCase("200,150,500,500/max/0/default.jpg", "image/jpeg", 56, 42)]
    [TestCase("full/^512,/0/default.jpg", "image/jpeg", 512, 384)]
    public async Task Regions_and_sizes_render_at_the_size_asked(string request, string contentType, int width, int height)
    {
        using var response = await client.GetAsync($"/iiif/3/{image}/{request}");

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(contentType));
        using var decoded = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((width, height)));
    }

    [TestCase("full/max/90/default.jpg", "Rotation")]
    [TestCase("full/max/!0/default.jpg", "Rotation")]
    [TestCase("full/max/0/gray.jpg", "Quality")]
    [TestCase("full/max/0/default.png", "Format")]
    [TestCase("full/max/0/default.gif", "Format")]
    [TestCase("full/max/0/default", "Format")]
    [TestCase("nonsense/max/0/default.jpg", "Region")]
    [TestCase("1,2,3/max/0/default.jpg", "Region")]
    [TestCase("-1,0,10,10/max/0/default.jpg", "Region")]
    [TestCase("0,0,0,10/max/0/default.jpg", "Region")]
    [TestCase("5000,5000,10,10/max/0/default.jpg", "Region")]
    [TestCase("pct:NaN,0,10,10/max/0/default.jpg", "Region")]
    [TestCase("full/0,/0/default.jpg", "Size")]
    [TestCase("full/257,/0/default.jpg", "Size")]
    [TestCase("full/,abc/0/default.jpg", "Size")]
    [TestCase("full/pct:0/0/default.jpg", "Size")]
    [TestCase("full/pct:101/0/default.jpg", "Size")]
    [TestCase("full/!100,/0/default.jpg", "Size")]
    [TestCase("full/99999999999,/0/default.jpg", "Size")]
    [TestCase("full/^100000,/0/default.jpg", "Size")]
    [TestCase("full/1,2,3/0/default.jpg", "Size")]
    public async Task Invalid_parameters_are_a_400_problem_naming_the_parameter_never_a_server_error(string request, string parameter)
    {
        using var response = await client.GetAsync($"/iiif/3/{image}/{request}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(400), body);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), Does.StartWith(parameter));
    }

    [Test]
    public async Task A_large_images_tiles_come_from_its_zoom_copy_once_the_background_has_made_it()
    {
        var curator = await SignInAsync(Roles.Curator);
        var published = SampleCatalogue.First(PublicationStatus.Published).AccessionNumber;
        var (status, body) = await curator.UploadAsync(published, ("wall.jpg", MediaUploads.Jpeg(3000, 2000, "wall")));
        Assert.That(status, Is.EqualTo(200));
        var id = body.GetProperty("outcomes")[0].GetProperty("imageId").GetString()!;
        var store = App.Services.GetRequiredService<MediaStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!store.HasZoomCopy(id) && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.That(store.HasZoomCopy(id), Is.True, "the background made the zoom copy within a minute");

        // With the original out of the way, only the zoom copy can answer.
        var original = store.OriginalPath(id, ImageFormat.Jpeg);
        var away = original + ".away";
        File.Move(original, away);
        try
        {
            using var tile = await curator.GetAsync($"/iiif/3/{id}/512,512,512,512/512,/0/default.jpg");
            using var quarter = await curator.GetAsync($"/iiif/3/{id}/0,0,2048,2000/512,/0/default.webp");

            Assert.That((int)tile.StatusCode, Is.EqualTo(200), await tile.Content.ReadAsStringAsync());
            Assert.That((int)quarter.StatusCode, Is.EqualTo(200), await quarter.Content.ReadAsStringAsync());
            using var tileImage = NetVips.Image.NewFromBuffer(await tile.Content.ReadAsByteArrayAsync());
            using var quarterImage = NetVips.Image.NewFromBuffer(await quarter.Content.ReadAsByteArrayAsync());
            Assert.That((tileImage.Width, tileImage.Height), Is.EqualTo((512, 512)));
            Assert.That((quarterImage.Width, quarterImage.Height), Is.EqualTo((512, 500)));
        }
        finally
        {
            File.Move(away, original);
        }
    }

    [Test]
    public async Task A_public_image_is_cached_by_shared_caches_for_five_minutes_only()
    {
        using var response = await client.GetAsync($"/iiif/3/{image}/full/!200,200/0/default.jpg");

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=300"), "an object withdrawn from publication stops being served soon after");
        Assert.That(response.Headers.ETag, Is.Not.Null, "a cache asks again with the ETag");
    }

    [Test]
    public async Task An_original_that_cannot_be_read_answers_422_without_saying_where_it_is_stored()
    {
        var store = App.Services.GetRequiredService<MediaStore>();
        var format = await WithDatabaseAsync(db => db.MediaImages.Where(i => i.Sha256 == image).Select(i => i.Format).SingleAsync());
        var original = store.OriginalPath(image, format);
        var away = original + ".away";
        File.Move(original, away);
        try
        {
            File.WriteAllBytes(original, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49]);

            using var response = await client.GetAsync($"/iiif/3/{image}/7,7,33,33/33,/0/default.jpg");

            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(422), body);
            Assert.That(body, Does.Contain("The image file could not be read"));
            Assert.That(body, Does.Not.Contain(Path.GetDirectoryName(original)!).And.Not.Contain("originals").And.Not.Contain(image + "."));
        }
        finally
        {
            File.Move(away, original, overwrite: true);
        }
    }

    [TestCase("<script>alert(1)</script>", "<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>")]
    [TestCase("  <b>CC BY</b>", "<span>  &lt;b&gt;CC BY&lt;/b&gt;</span>")]
    [TestCase("Bát men ngọc <Lý>", "Bát men ngọc <Lý>")]
    public void Manifest_text_that_iiif_viewers_would_take_for_html_is_sent_as_html_showing_it_as_written(string text, string sent)
    {
        Assert.That(Catalogue.Web.Api.IiifApi.PlainText(text), Is.EqualTo(sent));
    }

    [TestCase("not-a-hash")]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("..%2F..%2Fcatalogue.db")]
    public async Task An_unknown_or_malformed_image_id_is_not_found(string id)
    {
        using var info = await client.GetAsync($"/iiif/3/{id}/info.json");
        using var render = await client.GetAsync($"/iiif/3/{id}/full/max/0/default.jpg");

        Assert.That((int)info.StatusCode, Is.EqualTo(404));
        Assert.That((int)render.StatusCode, Is.EqualTo(404));
    }
}
