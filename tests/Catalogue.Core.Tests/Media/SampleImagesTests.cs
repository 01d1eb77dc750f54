using Catalogue.Core.Media;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Media;

public sealed class SampleImagesTests
{
    [Test]
    public async Task Every_sample_artifact_gets_a_generated_photograph_on_first_start()
    {
        await using var catalogue = await TestCatalogue.StartAsync(seedTerms: false, loadSampleData: true);

        await using var scope = catalogue.As("reader");
        var withoutImage = await scope.Db.Artifacts.CountAsync(a => !scope.Db.MediaLinks.Any(l => l.ArtifactId == a.Id));
        var images = await scope.Db.MediaImages.AsNoTracking().ToListAsync();
        var store = scope.Get<MediaStore>();
        Assert.That(withoutImage, Is.Zero);
        Assert.That(images, Has.Count.EqualTo(await scope.Db.Artifacts.CountAsync()), "each sample photograph is distinct");
        Assert.That(images.All(i => File.Exists(store.OriginalPath(i.Sha256, i.Format))), Is.True);
        var made = await scope.Get<DerivativeMaker>().MakeAsync(images[0].Sha256);
        Assert.That(made && store.HasDerivatives(images[0].Sha256), Is.True, "a sample photograph goes through the pipeline like an upload");
    }
}
