using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Media;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Media;

public sealed class AttachImageTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0001"));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0002"));
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    private string MediaRoot => Path.Combine(_catalogue.DataDirectory, "media");

    private async Task<CommandResult<AttachedImage>> AttachAsync(string accession, byte[] bytes, string fileName, string user = "lan.curator")
    {
        await using var scope = _catalogue.As(user);
        using var content = new MemoryStream(bytes);
        return await scope.Get<MediaCommands>().AttachAsync(MediaOwnerKind.Artifact, accession, content, fileName);
    }

    // EXIF text tags are ASCII; libvips transliterates anything else, so the test speaks ASCII.
    [Test]
    public async Task A_photograph_is_stored_once_under_its_sha256_with_its_exif_even_when_attached_twice()
    {
        var taken = new DateTime(2024, 5, 1, 10, 20, 30, DateTimeKind.Utc);
        var bytes = TestImages.Jpeg(900, 600, "bowl", metadata: new ImageMetadata(taken, "Canon EOS 5D", "Nguyen Lan", "(C) Citadel Centre"));

        var first = await AttachAsync("TL.2023.0001", bytes, "bowl.jpg");
        var second = await AttachAsync("TL.2023.0002", bytes, "same-bowl.jpg");
        var again = await AttachAsync("tl.2023.0001", bytes, "bowl.jpg");

        Assert.That(first.Succeeded && second.Succeeded && again.Succeeded, Is.True, () => TestCatalogue.Describe(first.Errors.Concat(second.Errors).Concat(again.Errors)));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await using var scope = _catalogue.As("reader");
        var images = await scope.Db.MediaImages.AsNoTracking().ToListAsync();
        var links = await scope.Db.MediaLinks.AsNoTracking().ToListAsync();
        var originals = Directory.GetFiles(Path.Combine(MediaRoot, "originals"), "*", SearchOption.AllDirectories);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Value!.Sha256, Is.EqualTo(sha));
            Assert.That(second.Value!.AlreadyStored, Is.True);
            Assert.That(again.Value!.AlreadyAttached, Is.True);
            Assert.That(images, Has.Count.EqualTo(1));
            Assert.That(links, Has.Count.EqualTo(2));
            Assert.That(originals.Select(Path.GetFileName), Is.EqualTo(new[] { $"{sha}.jpg" }));
            Assert.That(File.ReadAllBytes(originals[0]), Is.EqualTo(bytes), "the original is kept byte for byte");
            Assert.That(images[0].Width, Is.EqualTo(900));
            Assert.That(images[0].Height, Is.EqualTo(600));
            Assert.That(images[0].Camera, Is.EqualTo("Canon EOS 5D"));
            Assert.That(images[0].Photographer, Is.EqualTo("Nguyen Lan"));
            Assert.That(images[0].Copyright, Is.EqualTo("(C) Citadel Centre"));
            Assert.That(images[0].TakenAt, Is.EqualTo(taken));
            Assert.That(images[0].OriginalFileName, Is.EqualTo("bowl.jpg"));
            Assert.That(images[0].CreatedBy, Is.EqualTo("lan.curator"));
        }
    }

    [Test]
    public async Task A_photograph_with_IPTC_instead_of_EXIF_keeps_its_photographer_copyright_and_date_created()
    {
        var bytes = TestImages.JpegWithIptc("Nguyễn Văn An", "© Trung tâm Bảo tồn Thăng Long", "20240501", "172030+0700");

        var result = await AttachAsync("TL.2023.0001", bytes, "agency.jpg");

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        await using var scope = _catalogue.As("reader");
        var image = await scope.Db.MediaImages.AsNoTracking().SingleAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(image.Photographer, Is.EqualTo("Nguyễn Văn An"));
            Assert.That(image.Copyright, Is.EqualTo("© Trung tâm Bảo tồn Thăng Long"));
            Assert.That(image.TakenAt, Is.EqualTo(new DateTime(2024, 5, 1, 10, 20, 30, DateTimeKind.Utc)), "17:20:30 at UTC+7");
        }
    }

    [Test]
    public async Task Attaching_an_image_is_written_to_the_artifacts_change_history()
    {
        var result = await AttachAsync("TL.2023.0001", TestImages.Jpeg(), "bowl.jpg");

        Assert.That(result.Succeeded, Is.True);
        await using var scope = _catalogue.As("reader");
        var history = await scope.Get<HistoryQueries>().ForRecordWithPartsAsync("Artifact", MediaLink.AuditTypeFor(MediaOwnerKind.Artifact), "TL.2023.0001");
        var imageEntries = await scope.Db.AuditEntries.CountAsync(e => e.EntityType == MediaImage.AuditType);
        Assert.That(history.Any(h => h.UserName == "lan.curator" && h.Changes.Any(c => c.Field.StartsWith("image ", StringComparison.Ordinal))), Is.True,
            "the artifact's history names the image attached");
        Assert.That(imageEntries, Is.EqualTo(1), "the image record itself is audited");
    }

    public static IEnumerable<TestCaseData> HostileFiles()
    {
        yield return new TestCaseData(TestImages.TruncatedJpeg(), "sherd.jpg", "truncated").SetName("A truncated JPEG is refused");
        yield return new TestCaseData(Array.Empty<byte>(), "empty.jpg", "The file is empty").SetName("An empty file is refused");
        yield return new TestCaseData(TestImages.PngDeclaring(60000, 60000), "bomb.png", "60000 × 60000 pixels").SetName("A PNG declaring 60000x60000 pixels is refused");
        yield return new TestCaseData(TestImages.Text(), "note.jpg", "is text, not an image").SetName("A text file named .jpg is refused");
        yield return new TestCaseData(TestImages.SvgWithScript(), "drawing.svg", "SVG drawings are refused").SetName("An SVG with a script is refused");
        yield return new TestCaseData(TestImages.Jpeg(), "../../../etc/cron.d/bowl.jpg", "contains a folder path").SetName("A path-traversal file name is refused");
        yield return new TestCaseData(TestImages.Jpeg(), "..\\..\\bowl.jpg", "contains a folder path").SetName("A Windows path-traversal file name is refused");
    }

    [TestCaseSource(nameof(HostileFiles))]
    public async Task Hostile_uploads_are_refused_with_the_rule_named_and_nothing_stored(byte[] bytes, string fileName, string rule)
    {
        var before = await _catalogue.CountRowsAsync();

        var result = await AttachAsync("TL.2023.0001", bytes, fileName);

        await using var scope = _catalogue.As("reader");
        var files = Directory.Exists(MediaRoot) ? Directory.GetFiles(MediaRoot, "*", SearchOption.AllDirectories) : [];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
            Assert.That(result.Errors.Single().Field, Is.EqualTo(MediaCommands.FileField));
            Assert.That(result.Errors.Single().Message, Does.Contain(rule));
            Assert.That(result.Errors.Single().Message, Does.Contain("Nothing was stored"));
            Assert.That(await scope.Db.MediaImages.CountAsync(), Is.Zero);
            Assert.That(await scope.Db.MediaLinks.CountAsync(), Is.Zero);
            Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before), "no history entry either");
            Assert.That(files, Is.Empty, "no file left in the media store, not even in its incoming folder");
        }
    }

    [Test]
    public async Task A_file_larger_than_the_byte_limit_is_refused_without_being_kept()
    {
        await using var scope = _catalogue.As("lan.curator");
        var options = scope.Get<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value;
        options.MaxBytes = 1000;
        using var content = new MemoryStream(TestImages.Jpeg());

        var result = await scope.Get<MediaCommands>().AttachAsync(MediaOwnerKind.Artifact, "TL.2023.0001", content, "big.jpg");

        Assert.That(result.Errors.Single().Message, Does.Contain("larger than the limit"));
        Assert.That(Directory.GetFiles(MediaRoot, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task An_image_for_an_unknown_artifact_is_not_found_and_not_stored()
    {
        var result = await AttachAsync("TL.1999.9999", TestImages.Jpeg(), "bowl.jpg");

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(Directory.Exists(MediaRoot) ? Directory.GetFiles(MediaRoot, "*", SearchOption.AllDirectories) : [], Is.Empty);
    }

    [Test]
    public async Task Png_tiff_and_webp_photographs_are_accepted_by_their_bytes()
    {
        using var picture = SyntheticImages.Picture(300, 200, "formats");
        var files = new (string Name, byte[] Bytes, ImageFormat Format)[]
        {
            ("a.png", picture.PngsaveBuffer(), ImageFormat.Png),
            ("b.tif", picture.TiffsaveBuffer(), ImageFormat.Tiff),
            ("c.webp", picture.WebpsaveBuffer(), ImageFormat.WebP),
            ("named-wrongly.jpg", picture.PngsaveBuffer(compression: 9), ImageFormat.Png),
            ("e.avif", picture.HeifsaveBuffer(compression: NetVips.Enums.ForeignHeifCompression.Av1, q: 60), ImageFormat.Heif),
        };
        foreach (var (name, bytes, _) in files)
        {
            var result = await AttachAsync("TL.2023.0001", bytes, name);
            Assert.That(result.Succeeded, Is.True, () => $"{name}: {TestCatalogue.Describe(result.Errors)}");
        }

        await using var scope = _catalogue.As("reader");
        var formats = await scope.Db.MediaImages.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Format).ToListAsync();
        Assert.That(formats, Is.EqualTo(files.Select(f => f.Format)));
    }
}
