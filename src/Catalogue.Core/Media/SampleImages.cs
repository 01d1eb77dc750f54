using System.Security.Cryptography;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Media;

/// <summary>
/// A generated photograph for every sample artifact without one: small (so first start stays quick), its colours
/// drawn from the accession number. Stored and linked like an upload; derivatives follow in the background.
/// </summary>
internal static class SampleImages
{
    public const int Width = 256;
    public const int Height = 192;

    public static async Task<IReadOnlyList<string>> AttachAsync(CatalogueDbContext db, MediaStore store, DateTime now, string userName, CancellationToken cancellationToken)
    {
        var artifacts = await db.Artifacts.AsNoTracking()
            .Where(a => !db.MediaLinks.Any(l => l.ArtifactId == a.Id))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.AccessionNumber }).ToListAsync(cancellationToken);
        var metadata = new ImageMetadata(null, "Catalogue sample generator", null, null);
        var added = new List<string>();
        foreach (var artifact in artifacts)
        {
            var bytes = SyntheticImages.Jpeg(Width, Height, artifact.AccessionNumber, metadata: metadata, quality: 80);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            using (var incoming = await store.ReceiveAsync(new MemoryStream(bytes), long.MaxValue, cancellationToken))
                store.PlaceOriginal(incoming!, ImageFormat.Jpeg);
            var image = await db.MediaImages.SingleOrDefaultAsync(i => i.Sha256 == sha, cancellationToken)
                ?? db.MediaImages.Add(new MediaImage(sha, ImageFormat.Jpeg, bytes.Length, new ImageHeader(Width, Height, 1, metadata), $"{artifact.AccessionNumber}.jpg")).Entity;
            db.MediaLinks.Add(new MediaLink(image, MediaOwnerKind.Artifact, artifact.Id, artifact.AccessionNumber, MediaRole.General, 0, now, userName));
            added.Add(sha);
            // Saved in batches: the change history is linked per save, and one huge save is slow to track.
            if (added.Count % 50 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
