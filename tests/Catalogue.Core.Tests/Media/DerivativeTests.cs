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

    private MediaStore Store => (MediaStore)_catalogue.Services.GetService(typeof(MediaStore))!;

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
    public void A_file_libvips_cannot_read_is_refused_naming_the_file_but_not_the_folders_it_is_stored_in()
    {
        var folder = Path.Combine(Path.GetTempPath(), "catalogue-secret-folder", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "damaged.jpg");
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49]);
        try
        {
            var processor = new VipsImageProcessor();
            var rendering = Assert.Throws<ImageProcessingException>(() => processor.Render(path, new PixelRegion(0, 0, 10, 10), 10, 10, RenderFormat.Jpeg));

            Assert.That(rendering!.Message, Does.StartWith("The image could not be rendered: "));
            Assert.That(rendering.Message, Does.Not.Contain("catalogue-secret-folder").And.Not.Contain(folder));
            Assert.That(VipsImageProcessor.FirstLine($"unable to load from file {path}\nmore"), Is.EqualTo("unable to load from file damaged.jpg"));
            Assert.That(VipsImageProcessor.FirstLine("VipsJpeg: Premature end of input file"), Is.EqualTo("VipsJpeg: Premature end of input file"),
                "words without a path are left as they are");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
    public async Task A_photograph_taken_on_its_side_is_turned_upright_by_its_exif_orientation_in_its_derivatives_and_zoom_copy()
    {
        // Stored 3000 × 2100 with orientation 6 (turn 90° clockwise): shown 2100 × 3000, the stored left half on top.
        var sha = await AttachAndMakeAsync(TestImages.HalvesJpeg(3000, 2100, orientation: 6));

        using var thumbnail = VipsImage.NewFromFile(Store.DerivativePath(sha, 200, "jpg"));
        using var copy = VipsImage.NewFromFile(Store.ZoomCopyPath(sha));
        await using var scope = _catalogue.As("reader");
        var image = scope.Db.MediaImages.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((image.Width, image.Height, image.Orientation), Is.EqualTo((2100, 3000, 6)), "the record holds the upright size");
            Assert.That((thumbnail.Width, thumbnail.Height), Is.EqualTo((140, 200)).Within(1));
            Assert.That((copy.Width, copy.Height), Is.EqualTo((2100, 3000)));
            foreach (var (name, upright) in new[] { ("thumbnail", thumbnail), ("zoom copy", copy) })
            {
                var top = upright.Getpoint(upright.Width / 2, upright.Height / 20);
                var bottom = upright.Getpoint(upright.Width / 2, upright.Height - (upright.Height / 20));
                Assert.That(top[0] > 150 && top[2] < 100, Is.True, $"{name}: red on top");
                Assert.That(bottom[2] > 150 && bottom[0] < 100, Is.True, $"{name}: blue below");
            }
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

    // Zoom copies: large images get a tiled pyramid after their derivatives, and the deep-zoom viewer's tiles rendered
    // from it are the tiles the original gives.

    private static List<(int Width, int Height)> Levels(string path)
    {
        using var first = VipsImage.NewFromFile(path);
        var pages = Convert.ToInt32(first.Get("n-pages"), System.Globalization.CultureInfo.InvariantCulture);
        var levels = new List<(int, int)>();
        for (var page = 0; page < pages; page++)
        {
            using var level = VipsImage.NewFromFile(path, kwargs: new VOption { { "page", page } });
            levels.Add((level.Width, level.Height));
        }

        return levels;
    }

    [Test]
    public async Task A_large_photograph_gets_a_zoom_copy_in_srgb_with_levels_each_half_the_one_before_down_to_one_tile()
    {
        var sha = await AttachAndMakeAsync(TestImages.Jpeg(3000, 2000, "large"));

        Assert.That(Store.HasZoomCopy(sha), Is.True);
        var levels = Levels(Store.ZoomCopyPath(sha));
        using var full = VipsImage.NewFromFile(Store.ZoomCopyPath(sha));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(levels[0], Is.EqualTo((3000, 2000)));
            Assert.That(levels, Has.Count.EqualTo(4), "3000, 1500, 750 and 375 pixels wide");
            for (var i = 1; i < levels.Count; i++)
                Assert.That(levels[i], Is.EqualTo((levels[i - 1].Width / 2, levels[i - 1].Height / 2)).Within(1), $"level {i}");
            Assert.That(Math.Max(levels[^1].Width, levels[^1].Height), Is.LessThanOrEqualTo(512), "the last level is one tile");
            Assert.That((full.Interpretation, full.Format), Is.EqualTo((Enums.Interpretation.Srgb, Enums.BandFormat.Uchar)));
        }
    }

    [Test]
    public async Task A_photograph_no_longer_than_2048_pixels_gets_no_zoom_copy_and_is_not_waiting_for_one()
    {
        var sha = await AttachAndMakeAsync(TestImages.Jpeg(2048, 1536, "edge"));

        await using var scope = _catalogue.As("system");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Store.HasDerivatives(sha), Is.True);
            Assert.That(Store.HasZoomCopy(sha), Is.False);
            Assert.That(await scope.Get<MediaQueries>().WithoutCurrentDerivativesAsync(), Is.Empty);
        }
    }

    [TestCase(0, 0, 512, 512, 512, 512, TestName = "A full-size tile")]
    [TestCase(1536, 1024, 1024, 976, 512, 488, TestName = "A tile at half size, at the bottom right")]
    [TestCase(1000, 300, 2000, 1600, 500, 400, TestName = "A region at a quarter")]
    [TestCase(0, 0, 3000, 2000, 375, 250, TestName = "The whole image at an eighth")]
    [TestCase(0, 0, 3000, 2000, 90, 60, TestName = "The whole image smaller than the last level")]
    public async Task A_region_rendered_from_the_zoom_copy_is_the_region_the_original_gives(int x, int y, int w, int h, int width, int height)
    {
        var sha = await AttachAndMakeAsync(TestImages.CheckerJpeg(3000, 2000));
        var processor = new VipsImageProcessor();
        await using var scope = _catalogue.As("system");
        var original = Store.OriginalPath(sha, ImageFormat.Jpeg);
        var region = new PixelRegion(x, y, w, h);

        using var fromCopy = VipsImage.NewFromBuffer(processor.RenderFromZoomCopy(Store.ZoomCopyPath(sha), region, width, height, RenderFormat.Jpeg));
        using var fromOriginal = VipsImage.NewFromBuffer(processor.Render(original, region, width, height, RenderFormat.Jpeg));
        // The same region an eighth of its width off, to show the comparison would see a misplaced region.
        using var shifted = VipsImage.NewFromBuffer(processor.Render(original, region with { X = x + (w / 8) }, width, height, RenderFormat.Jpeg));

        using var difference = (fromCopy - fromOriginal).Abs();
        using var offDifference = (shifted - fromOriginal).Abs();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((fromCopy.Width, fromCopy.Height), Is.EqualTo((width, height)));
            Assert.That(difference.Avg(), Is.LessThan(6), "the mean difference per channel, out of 255");
            Assert.That(offDifference.Avg(), Is.GreaterThan(20), "a region one cell off differs clearly");
        }
    }

    [Test]
    public async Task A_zoom_copy_that_went_missing_is_made_again_without_remaking_the_derivatives()
    {
        var sha = await AttachAndMakeAsync(TestImages.Jpeg(2400, 1800, "again"));
        var thumbnail = Store.DerivativePath(sha, 200, "jpg");
        var thumbnailWritten = File.GetLastWriteTimeUtc(thumbnail);
        File.Delete(Store.ZoomCopyPath(sha));

        await using var scope = _catalogue.As("system");
        var stale = await scope.Get<MediaQueries>().WithoutCurrentDerivativesAsync();
        var made = await scope.Get<DerivativeMaker>().MakeAsync(sha);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stale, Is.EqualTo(new[] { sha }));
            Assert.That(made && Store.HasZoomCopy(sha), Is.True);
            Assert.That(File.GetLastWriteTimeUtc(thumbnail), Is.EqualTo(thumbnailWritten), "the derivatives were current and kept");
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(Store.ZoomCopyPath(sha))!, ".zoom.*"), Is.Empty, "no temporary file is left");
        }
    }

    [Test]
    public async Task On_demand_derivatives_for_a_viewer_leave_the_zoom_copy_to_the_background()
    {
        await using var scope = _catalogue.As("lan.curator");
        using var content = new MemoryStream(TestImages.Jpeg(3000, 2000, "on-demand"));
        var sha = (await scope.Get<MediaCommands>().AttachAsync(MediaOwnerKind.Artifact, "TL.2023.0001", content, "photo.jpg")).Value!.Sha256;

        var made = await scope.Get<DerivativeMaker>().MakeAsync(sha, withZoomCopy: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(made && Store.HasDerivatives(sha), Is.True);
            Assert.That(Store.HasZoomCopy(sha), Is.False);
            Assert.That(await scope.Get<MediaQueries>().WithoutCurrentDerivativesAsync(), Is.EqualTo(new[] { sha }), "still waiting for its zoom copy");
        }
    }

    [Test]
    public void A_zoom_copy_of_a_picture_with_transparency_keeps_it()
    {
        var folder = Directory.CreateTempSubdirectory("zoom-alpha-").FullName;
        try
        {
            var png = Path.Combine(folder, "cut-out.png");
            File.WriteAllBytes(png, TestImages.PngWithTransparentHalf(2600, 1000));
            var copy = Path.Combine(folder, "zoom.tif");
            var processor = new VipsImageProcessor();

            processor.MakeZoomCopy(png, copy);

            using var image = VipsImage.NewFromFile(copy);
            using var tile = VipsImage.NewFromBuffer(processor.RenderFromZoomCopy(copy, new PixelRegion(0, 0, 2600, 1000), 260, 100, RenderFormat.WebP));
            using (Assert.EnterMultipleScope())
            {
                Assert.That((image.Bands, image.HasAlpha()), Is.EqualTo((4, true)));
                Assert.That(image.Getpoint(100, 500)[3], Is.EqualTo(0), "the transparent half stays transparent");
                Assert.That(image.Getpoint(2500, 500)[3], Is.EqualTo(255));
                Assert.That(tile.HasAlpha() && tile.Getpoint(10, 50)[3] == 0, Is.True, "a WebP rendering keeps the transparency");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
