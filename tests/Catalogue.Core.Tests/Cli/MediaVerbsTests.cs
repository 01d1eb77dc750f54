using Catalogue.Cli;
using Catalogue.Core.Media;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Catalogue.Core.Tests.Cli;

/// <summary><c>media attach</c> and <c>thumbnails</c>, run in-process on a test catalogue's data directory.</summary>
public sealed class MediaVerbsTests
{
    private TestCatalogue _catalogue = null!;
    private string _folder = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0142"));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0143"));
        _folder = Path.Combine(_catalogue.DataDirectory, "incoming-photographs");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Media_attach_matches_file_names_to_accession_numbers_and_reports_the_files_it_could_not_match()
    {
        await File.WriteAllBytesAsync(Path.Combine(_folder, "TL.2023.0142.jpg"), TestImages.Jpeg(400, 300, "front"));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "tl.2023.0142_back.jpg"), TestImages.Jpeg(400, 300, "back"));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "TL.2023.0143 (2).png"), TestImages.Png(300, 200, "side"));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "holiday.jpg"), TestImages.Jpeg(400, 300, "holiday"));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "TL.2023.0143_notes.jpg"), TestImages.Text());

        var (exitCode, output) = await RunAsync(["media", "attach", _folder]);

        await using var scope = _catalogue.As("reader");
        var links = await scope.Db.MediaLinks.AsNoTracking().OrderBy(l => l.Id).Select(l => l.OwnerKey).ToListAsync();
        var shas = await scope.Db.MediaImages.AsNoTracking().Select(i => i.Sha256).ToListAsync();
        var store = scope.Get<MediaStore>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), "some files were not attached");
            Assert.That(links, Is.EqualTo(new[] { "TL.2023.0142", "TL.2023.0143", "TL.2023.0142" }));
            Assert.That(output, Does.Contain("holiday.jpg"));
            Assert.That(output, Does.Contain("No accession or find number matches"));
            Assert.That(output, Does.Contain("TL.2023.0143_notes.jpg"));
            Assert.That(output, Does.Contain("is text, not an image"));
            Assert.That(output, Does.Contain("Attached 3 files; 1 matched no accession or find number; 1 refused"));
            Assert.That(shas.All(store.HasDerivatives), Is.True, "the command line makes the derivatives itself");
        }
    }

    [Test]
    public async Task Thumbnails_remakes_missing_derivatives_and_leaves_current_ones()
    {
        string sha;
        await using (var scope = _catalogue.As("lan"))
        {
            using var content = new MemoryStream(TestImages.Jpeg(640, 480, "thumbs"));
            sha = (await scope.Get<MediaCommands>().AttachAsync(MediaOwnerKind.Artifact, "TL.2023.0142", content, "a.jpg")).Value!.Sha256;
        }

        var store = (MediaStore)_catalogue.Services.GetService(typeof(MediaStore))!;
        Assert.That(store.HasDerivatives(sha), Is.False, "no worker runs in the test catalogue");
        Directory.CreateDirectory(Path.Combine(store.Root, "derivatives", "v0", "ab"));

        var (exitCode, output) = await RunAsync(["thumbnails"]);
        var (secondExit, second) = await RunAsync(["thumbnails"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("1 images made, 0 already current, 0 failed; 1 outdated version folders removed"));
            Assert.That(store.HasDerivatives(sha), Is.True);
            Assert.That(Directory.Exists(Path.Combine(store.Root, "derivatives", "v0")), Is.False);
            Assert.That(secondExit, Is.Zero);
            Assert.That(second, Does.Contain("0 images made, 1 already current"));
        }
    }

    [Test]
    public async Task Thumbnails_makes_the_missing_zoom_copy_of_a_large_image_and_only_that()
    {
        string large, small;
        await using (var scope = _catalogue.As("lan"))
        {
            using var wide = new MemoryStream(TestImages.Jpeg(3000, 2000, "wide"));
            large = (await scope.Get<MediaCommands>().AttachAsync(MediaOwnerKind.Artifact, "TL.2023.0142", wide, "wide.jpg")).Value!.Sha256;
            using var narrow = new MemoryStream(TestImages.Jpeg(640, 480, "narrow"));
            small = (await scope.Get<MediaCommands>().AttachAsync(MediaOwnerKind.Artifact, "TL.2023.0143", narrow, "narrow.jpg")).Value!.Sha256;
        }

        var store = (MediaStore)_catalogue.Services.GetService(typeof(MediaStore))!;
        var (firstExit, first) = await RunAsync(["thumbnails"]);
        File.Delete(store.ZoomCopyPath(large));

        var (exitCode, output) = await RunAsync(["thumbnails"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstExit, Is.Zero, first);
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("1 images made, 1 already current"));
            Assert.That(store.HasZoomCopy(large), Is.True);
            Assert.That(store.HasZoomCopy(small), Is.False, "a small image needs none");
        }
    }

    [Test]
    public void File_names_match_accession_numbers_with_suffixes_and_find_numbers()
    {
        var accessions = new HashSet<string>(["TL.2023.0142", "TL.2023.0142.2"]);
        var finds = new HashSet<string>(["HD18-0042"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FolderAttachment.Match("TL.2023.0142", accessions, finds), Is.EqualTo((MediaOwnerKind.Artifact, "TL.2023.0142")));
            Assert.That(FolderAttachment.Match("TL.2023.0142.2", accessions, finds), Is.EqualTo((MediaOwnerKind.Artifact, "TL.2023.0142.2")));
            Assert.That(FolderAttachment.Match("tl.2023.0142-a", accessions, finds), Is.EqualTo((MediaOwnerKind.Artifact, "TL.2023.0142")));
            Assert.That(FolderAttachment.Match("TL.2023.0142 (3)", accessions, finds), Is.EqualTo((MediaOwnerKind.Artifact, "TL.2023.0142")));
            Assert.That(FolderAttachment.Match("HD18-0042_detail", accessions, finds), Is.EqualTo((MediaOwnerKind.Find, "HD18-0042")));
            Assert.That(FolderAttachment.Match("TL.2023.9999", accessions, finds), Is.Null);
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        await using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        using var reader = new StringReader(string.Empty);
        var exitCode = await CliApplication.RunAsync([.. args, "--data-dir", _catalogue.DataDirectory], reader, console, inputRedirected: true);
        return (exitCode, writer.ToString());
    }
}
