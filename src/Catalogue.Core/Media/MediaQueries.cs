using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Media;

/// <summary>Where an image's derivatives stand.</summary>
public enum DerivativeState
{
    Processing,
    Ready,
    Failed,
}

/// <summary>An image as a record shows it.</summary>
public sealed record MediaImageView(
    string Sha256, string FileName, ImageFormat Format, int Width, int Height, long ByteLength, DateTime? TakenAt, string? Camera,
    string? Photographer, string? Copyright, MediaRole Role, DerivativeState State, string? Failure, DateTime AttachedAt, string AttachedBy);

/// <summary>An artifact's images for its IIIF manifest.</summary>
public sealed record ArtifactImages(string AccessionNumber, LocalizedText Title, string? Rights, string? CreditLine, IReadOnlyList<MediaImageView> Images);

/// <summary>Reads images and who may see them: the public only sees images of published artifacts.</summary>
public sealed class MediaQueries(CatalogueDbContext db, MediaStore store)
{
    public async Task<IReadOnlyList<MediaImageView>> ForArtifactAsync(string accessionNumber, bool publishedOnly, CancellationToken cancellationToken = default)
    {
        var normalized = AccessionNumber.Normalize(accessionNumber);
        var artifact = await db.Artifacts.AsNoTracking().Where(a => a.AccessionNumber == normalized).Select(a => new { a.Id, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (artifact is null || (publishedOnly && artifact.Status != PublicationStatus.Published))
            return [];
        return await ForOwnerAsync(MediaOwnerKind.Artifact, artifact.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<MediaImageView>> ForOwnerAsync(MediaOwnerKind kind, int ownerId, CancellationToken cancellationToken = default)
    {
        var links = await db.MediaLinks.AsNoTracking().Where(MediaCommands.LinkedTo(kind, ownerId)).Include(l => l.Image)
            .OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        return links.Select(View).ToList();
    }

    /// <summary>The images of a find, condition report or treatment step, by its human key (find number, reference).</summary>
    public async Task<IReadOnlyList<MediaImageView>> ForOwnerKeyAsync(MediaOwnerKind kind, string ownerKey, CancellationToken cancellationToken = default)
    {
        var links = await db.MediaLinks.AsNoTracking().Where(l => l.OwnerKind == kind && l.OwnerKey == ownerKey).Include(l => l.Image)
            .OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        return links.Select(View).ToList();
    }

    /// <summary>Images of the published artifacts on one page of a list, first image each (for thumbnails on the public list).</summary>
    public async Task<IReadOnlyDictionary<string, string>> FirstImagesAsync(IEnumerable<string> accessionNumbers, CancellationToken cancellationToken = default)
    {
        var keys = accessionNumbers.ToList();
        var links = await db.MediaLinks.AsNoTracking()
            .Where(l => l.OwnerKind == MediaOwnerKind.Artifact && keys.Contains(l.OwnerKey))
            .OrderBy(l => l.Position).ThenBy(l => l.Id)
            .Select(l => new { l.OwnerKey, l.Image!.Sha256 })
            .ToListAsync(cancellationToken);
        return links.GroupBy(l => l.OwnerKey).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);
    }

    /// <summary>The image if the caller may see it: staff see every image, the public only those of published artifacts.</summary>
    public async Task<MediaImage?> VisibleImageAsync(string sha256, bool staff, CancellationToken cancellationToken = default)
    {
        if (!MediaStore.IsSha256(sha256))
            return null;
        var image = await db.MediaImages.AsNoTracking().SingleOrDefaultAsync(i => i.Sha256 == sha256, cancellationToken);
        if (image is null || staff)
            return image;
        var published = await db.MediaLinks.AnyAsync(l => l.MediaImageId == image.Id && l.OwnerKind == MediaOwnerKind.Artifact
            && db.Artifacts.Any(a => a.Id == l.ArtifactId && a.Status == PublicationStatus.Published), cancellationToken);
        return published ? image : null;
    }

    public async Task<ArtifactImages?> ForManifestAsync(string accessionNumber, bool publishedOnly, CancellationToken cancellationToken = default)
    {
        var normalized = AccessionNumber.Normalize(accessionNumber);
        var artifact = await db.Artifacts.AsNoTracking().Where(a => a.AccessionNumber == normalized)
            .Select(a => new { a.Id, a.AccessionNumber, a.Title, a.Rights, a.CreditLine, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (artifact is null || (publishedOnly && artifact.Status != PublicationStatus.Published))
            return null;
        return new ArtifactImages(artifact.AccessionNumber, artifact.Title, artifact.Rights, artifact.CreditLine,
            await ForOwnerAsync(MediaOwnerKind.Artifact, artifact.Id, cancellationToken));
    }

    /// <summary>
    /// Every stored image whose derivatives of the current version (or, for a large image, whose zoom copy) are not
    /// all on disk; those whose derivatives could not be made are left out unless <paramref name="includeFailed"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> WithoutCurrentDerivativesAsync(bool includeFailed = false, CancellationToken cancellationToken = default)
    {
        var all = await db.MediaImages.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Sha256, i.Width, i.Height }).ToListAsync(cancellationToken);
        return all.Where(i => (includeFailed || store.DerivativeFailure(i.Sha256) is null) && (!store.HasDerivatives(i.Sha256)
                || (DerivativeSpec.NeedsZoomCopy(i.Width, i.Height) && !store.HasZoomCopy(i.Sha256))))
            .Select(i => i.Sha256).ToList();
    }

    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.MediaImages.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Sha256).ToListAsync(cancellationToken);

    public DerivativeState StateOf(string sha256) =>
        store.HasDerivatives(sha256) ? DerivativeState.Ready : store.DerivativeFailure(sha256) is null ? DerivativeState.Processing : DerivativeState.Failed;

    private MediaImageView View(MediaLink link)
    {
        var i = link.Image!;
        var state = StateOf(i.Sha256);
        return new MediaImageView(i.Sha256, i.OriginalFileName, i.Format, i.Width, i.Height, i.ByteLength, i.TakenAt, i.Camera, i.Photographer, i.Copyright,
            link.Role, state, state == DerivativeState.Failed ? store.DerivativeFailure(i.Sha256) : null, link.AttachedAt, link.AttachedBy);
    }
}
