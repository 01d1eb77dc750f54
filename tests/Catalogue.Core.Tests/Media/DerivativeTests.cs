using Catalogue.Core.Media;
using Catalogue.Core.Tests.Support;
using NetVips;
using VipsImage = NetVips.Image;

namespace Catalogue.Core.Tests.Media;

public sealed class DerivativeTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0001"));
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    private async Task<string> AttachAndMakeAsync(byte[] bytes)
    {
        await using var scope = _catalogue.As("lan.curator");
        using var content = new MemoryStream(bytes);
        var result = await scope.Get<MediaCommands>().AttachAsync(MediaOwnerKind.Artifact, "TL.2023.0001", content, "photo.jpg");
        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        Assert.That(await scope.Get<DerivativeMaker>().MakeAsync(result.Value!.Sha256), Is.True);
        return result.Value!.Sha256;
    }

    [Test]
    public async Task Every_size_is_made_in_webp_and_jpeg_with_the_long_edge_of_its_size()
    {
        var sha = await AttachAndMakeAsync(TestImages.Jpeg(3000, 2000, "landscape"));

        var store = _catalogue.Services.GetService(typeof(MediaStore)) as MediaStore;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(store!.HasDerivatives(sha), Is.True);
            foreach (var (edge, width, height) in new[] { (1600, 1600, 1067), (800, 800, 533), (200, 200, 133) })
            {
                foreach (var ext in new[] { "webp", "jpg" })
                {
                    using var image = VipsImage.NewFromFile(store.DerivativePath(sha, edge, ext));
                    Assert.That((image.Width, image.Height), Is.EqualTo((width, height)).Within(1), $"{edge}.{ext}");
                    Assert.That(image.Interpretation, Is.EqualTo(Enums.Interpretation.Srgb), $"{edge}.{ext} is sRGB");
                }
            }
        }
    }

    [Test]
    public async Task A_photograph_taken_on_its_side_is_turned_upright_by_its_exif_orientation()
    {
        // Stored 1200 × 800 with orientation 6 (turn 90° clockwise): shown 800 × 1200, the stored left half on top.
        var sha = await AttachAndMakeAsync(TestImages.HalvesJpeg(1200, 800, orientation: 6));

        var store = (MediaStore)_catalogue.Services.GetService(typeof(MediaStore))!;
        using var thumbnail = VipsImage.NewFromFile(store.DerivativePath(sha, 200, "jpg"));
        var top = thumbnail.Getpoint(thumbnail.Width / 2, 10);
        var bottom = thumbnail.Getpoint(thumbnail.Width / 2, thumbnail.Height - 10);
        await using var scope = _catalogue.As("reader");
        var image = scope.Db.MediaImages.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((image.Width, image.Height, image.Orientation), Is.EqualTo((800, 1200, 6)), "the record holds the upright size");
            Assert.That((thumbnail.Width, thumbnail.Height), Is.EqualTo((133, 200)).Within(1));
            Assert.That(top[0], Is.GreaterThan(150), "red on top");
            Assert.That(top[2], Is.LessThan(100));
            Assert.That(bottom[2], Is.GreaterThan(150), "blue below");
            Assert.That(bottom[0], Is.LessThan(100));
        }
    }

    [Test]
    public async Task A_small_original_is_never_enlarged()
    {
        var sha = await AttachAndMakeAsync(TestImages.Jpeg(320, 240, "small"));

        var store = (MediaStore)_catalogue.Services.GetService(typeof(MediaStore))!;
        using var large = VipsImage.NewFromFile(store.DerivativePath(sha, 1600, "webp"));
        using var thumb = VipsImage.NewFromFile(store.DerivativePath(sha, 200, "webp"));
        Assert.That((large.Width, large.Height), Is.EqualTo((320, 240)));
        Assert.That((thumb.Width, thumb.Height), Is.EqualTo((200, 150)));
    }

    [Test]
    public async Task Derivatives_are_made_again_when_a_file_goes_missing()
    {
        var sha = await AttachAndMakeAsync(TestImages.Jpeg(640, 480, "missing"));
        var store = (MediaStore)_catalogue.Services.GetService(typeof(MediaStore))!;
        File.Delete(store.DerivativePath(sha, 800, "webp"));

        await using var scope = _catalogue.As("system");
        var stale = await scope.Get<MediaQueries>().WithoutCurrentDerivativesAsync();
        var made = await scope.Get<DerivativeMaker>().MakeAsync(sha);

        Assert.That(stale, Is.EqualTo(new[] { sha }));
        Assert.That(made && store.HasDerivatives(sha), Is.True);
    }
}
