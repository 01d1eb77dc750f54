using System.Globalization;
using System.Linq.Expressions;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Catalogue.Core.Media;

/// <summary>An image attached to a record: whether its bytes were already stored, or already attached there.</summary>
public sealed record AttachedImage(string Sha256, string FileName, bool AlreadyStored, bool AlreadyAttached);

/// <summary>
/// Attaches uploaded images to records. Every check runs before anything is stored: the type by its bytes,
/// the byte and pixel limits (on the header, before decoding), and a full decode. A refusal names the rule.
/// </summary>
public sealed class MediaCommands(
    CatalogueDbContext db,
    MediaStore store,
    IImageProcessor processor,
    IDerivativeBacklog backlog,
    IOptions<MediaOptions> options,
    ICurrentUser user,
    TimeProvider clock)
{
    public const string FileField = "File";

    public async Task<CommandResult<AttachedImage>> AttachAsync(
        MediaOwnerKind kind, string ownerKey, Stream content, string? fileName, MediaRole role = MediaRole.General, CancellationToken cancellationToken = default)
    {
        if (UnsafeFileName(fileName) is { } unsafeName)
            return CommandResult<AttachedImage>.Invalid(FileField, unsafeName);
        var name = DisplayName(fileName);
        var owner = await FindOwnerAsync(kind, ownerKey, cancellationToken);
        if (owner is null)
            return CommandResult<AttachedImage>.NotFound($"There is no {Describe(kind)} {ownerKey}.");

        var limits = options.Value;
        using var incoming = await store.ReceiveAsync(content, limits.MaxBytes, cancellationToken);
        if (incoming is null)
            return Refuse(name, $"The file is larger than the limit of {Megabytes(limits.MaxBytes)}.");
        var sniff = ImageSniffer.Sniff(incoming.Head);
        if (sniff.Format is not { } format)
            return Refuse(name, sniff.Refusal!);

        if (format == ImageFormat.Png && ImageSniffer.PngDimensions(incoming.Head) is { } declared && declared.Width * declared.Height > limits.MaxPixels)
            return Refuse(name, PixelLimit(declared.Width, declared.Height, limits.MaxPixels));

        ImageHeader header;
        try
        {
            header = processor.ReadHeader(incoming.Path);
            if ((long)header.Width * header.Height > limits.MaxPixels)
                return Refuse(name, PixelLimit(header.Width, header.Height, limits.MaxPixels));
            processor.VerifyDecodes(incoming.Path);
        }
        catch (ImageProcessingException e) when (format == ImageFormat.Heif)
        {
            // Photographs from phones are HEIC (HEVC-coded); a codec missing from the native build must not read as a damaged file.
            return Refuse(name, $"This HEIF image could not be decoded ({e.Message}) It may use a codec this server lacks: export it as JPEG and upload that.");
        }
        catch (ImageProcessingException e)
        {
            return Refuse(name, e.Message);
        }

        MediaImage? image;
        bool alreadyStored;
        for (var attempt = 0; ; attempt++)
        {
            image = await db.MediaImages.SingleOrDefaultAsync(i => i.Sha256 == incoming.Sha256, cancellationToken);
            alreadyStored = image is not null;
            if (image is not null && await db.MediaLinks.Where(LinkedTo(kind, owner.Value.Id)).AnyAsync(l => l.MediaImageId == image.Id, cancellationToken))
                return CommandResult<AttachedImage>.Success(new AttachedImage(image.Sha256, name, AlreadyStored: true, AlreadyAttached: true));

            var placed = store.PlaceOriginal(incoming, format);
            try
            {
                if (image is null)
                {
                    image = new MediaImage(incoming.Sha256, format, incoming.Length, header, name);
                    db.MediaImages.Add(image);
                }

                var position = await db.MediaLinks.Where(LinkedTo(kind, owner.Value.Id)).CountAsync(cancellationToken);
                db.MediaLinks.Add(new MediaLink(image, kind, owner.Value.Id, owner.Value.Key, role, position, clock.GetUtcNow().UtcDateTime, user.Name));
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same photograph was stored by another upload at the same moment: attach that one instead.
                db.ChangeTracker.Clear();
            }
            catch
            {
                db.ChangeTracker.Clear();
                // Only an original nobody refers to is removed: a rival upload of the same bytes may own it now.
                if (placed && !await db.MediaImages.AnyAsync(i => i.Sha256 == incoming.Sha256, CancellationToken.None))
                    store.RemovePlacedOriginal(incoming.Sha256, format);
                throw;
            }
        }

        if (!store.HasDerivatives(image.Sha256))
            await backlog.EnqueueAsync(image.Sha256, cancellationToken);
        return CommandResult<AttachedImage>.Success(new AttachedImage(image.Sha256, name, alreadyStored, AlreadyAttached: false));
    }

    /// <summary>Detaches an image from an artifact; the original stays in the store (other records may show it).</summary>
    public Task<CommandResult<bool>> DetachFromArtifactAsync(string accessionNumber, string sha256, CancellationToken cancellationToken = default) =>
        DetachAsync(MediaOwnerKind.Artifact, AccessionNumber.Normalize(accessionNumber), sha256, cancellationToken);

    /// <summary>Detaches an image from a record by the record's key; the original stays in the store.</summary>
    public Task<CommandResult<bool>> DetachAsync(MediaOwnerKind kind, string ownerKey, string sha256, CancellationToken cancellationToken = default) =>
        RemoveLinkAsync(db.MediaLinks.Where(l => l.OwnerKind == kind && l.OwnerKey == ownerKey), sha256, $"That image is not attached to {ownerKey}.", cancellationToken);

    /// <summary>
    /// Takes a photograph off a condition report while the report may still be corrected (a day after it was recorded);
    /// then the report and its photographs are a permanent record.
    /// </summary>
    public async Task<CommandResult<bool>> DetachFromReportAsync(string reference, string sha256, CancellationToken cancellationToken = default)
    {
        var report = await db.ConditionReports.AsNoTracking().SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken);
        if (report is null)
            return CommandResult<bool>.NotFound($"No condition report has the reference {reference}.");
        if (!report.IsOpenForCorrection(clock.GetUtcNow().UtcDateTime))
        {
            return CommandResult<bool>.Invalid("imageId",
                $"{reference} is a permanent record now, a day after it was recorded: its photographs stay with it. Photographs of a new assessment go with a new condition report.");
        }

        return await DetachAsync(MediaOwnerKind.ConditionReport, reference, sha256, cancellationToken);
    }

    /// <summary>
    /// Takes a photograph off a step of a treatment that is not signed off yet (one attached to the wrong step, say);
    /// a signed-off treatment is a permanent record, corrected only by amendments. The original stays in the store.
    /// </summary>
    public async Task<CommandResult<bool>> DetachFromStepAsync(string treatmentReference, int stepId, string sha256, CancellationToken cancellationToken = default)
    {
        var treatment = await db.Treatments.Include(t => t.Steps).SingleOrDefaultAsync(t => t.Reference == treatmentReference, cancellationToken);
        if (treatment is null || treatment.Steps.All(s => s.Id != stepId))
            return CommandResult<bool>.NotFound($"Treatment {treatmentReference} has no such step.");
        if (treatment.IsSignedOff)
            return CommandResult<bool>.Invalid("imageId", "This treatment is signed off: its record is read-only. Add an amendment instead.");
        var links = db.MediaLinks.Where(LinkedTo(MediaOwnerKind.TreatmentStep, stepId));
        return await RemoveLinkAsync(links, sha256, "That image is not attached to this step.", cancellationToken);
    }

    /// <summary>Removes the link to this image among a record's links; the original stays in the store.</summary>
    private async Task<CommandResult<bool>> RemoveLinkAsync(IQueryable<MediaLink> links, string sha256, string notFound, CancellationToken cancellationToken)
    {
        var link = await links.Include(l => l.Image).SingleOrDefaultAsync(l => l.Image!.Sha256 == sha256, cancellationToken);
        if (link is null)
            return CommandResult<bool>.NotFound(notFound);
        db.MediaLinks.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<bool>.Success(true);
    }

    /// <summary>
    /// A name with folders in it ("../../etc/x.jpg", "C:\\x.jpg") is refused: browsers send plain names, so such a
    /// name means a crafted request. (The name is never used as a path either way.)
    /// </summary>
    public static string? UnsafeFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
            return null;
        if (fileName.IndexOfAny(['/', '\\', ':']) >= 0 || fileName.Trim() is "." or "..")
            return $"The file name '{Printable(fileName)}' contains a folder path or '..'; give a plain file name such as photo.jpg. Nothing was stored.";
        if (fileName.Any(char.IsControl))
            return $"The file name '{Printable(fileName)}' contains control characters. Nothing was stored.";
        return null;
    }

    private static string Printable(string value)
    {
        var clean = new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= 80 ? clean : clean[..80] + "…";
    }

    /// <summary>The name shown for an upload: its last segment, without control characters, and never used as a path.</summary>
    public static string DisplayName(string? fileName)
    {
        var last = (fileName ?? string.Empty).Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim().Trim('.');
        if (clean.Length == 0)
            return "image";
        return clean.Length <= MediaImage.FileNameMaxLength ? clean : clean[..MediaImage.FileNameMaxLength];
    }

    private async Task<(int Id, string Key)?> FindOwnerAsync(MediaOwnerKind kind, string key, CancellationToken cancellationToken)
    {
        var trimmed = (key ?? string.Empty).Trim();
        switch (kind)
        {
            case MediaOwnerKind.Artifact:
                var accession = AccessionNumber.Normalize(trimmed);
                var artifact = await db.Artifacts.Where(a => a.AccessionNumber == accession).Select(a => new { a.Id, a.AccessionNumber }).SingleOrDefaultAsync(cancellationToken);
                return artifact is null ? null : (artifact.Id, artifact.AccessionNumber);
            case MediaOwnerKind.Find:
                var upper = trimmed.ToUpperInvariant();
                var find = await db.Finds.Where(f => f.FindNumber == upper || f.FindNumber == trimmed).Select(f => new { f.Id, f.FindNumber }).FirstOrDefaultAsync(cancellationToken);
                return find is null ? null : (find.Id, find.FindNumber);
            case MediaOwnerKind.ConditionReport:
                var report = await db.ConditionReports.Where(r => r.Reference == trimmed).Select(r => new { r.Id, r.Reference }).SingleOrDefaultAsync(cancellationToken);
                return report is null ? null : (report.Id, report.Reference);
            case MediaOwnerKind.TreatmentStep:
                // "TR-2026-0007/2": the second step of that treatment.
                var parts = trimmed.Split('/');
                if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var order))
                    return null;
                var step = await db.Treatments.Where(t => t.Reference == parts[0]).SelectMany(t => t.Steps)
                    .Where(s => s.Order == order).Select(s => new { s.Id }).SingleOrDefaultAsync(cancellationToken);
                return step is null ? null : (step.Id, $"{parts[0]}/step {order}");
            default:
                return null;
        }
    }

    internal static Expression<Func<MediaLink, bool>> LinkedTo(MediaOwnerKind kind, int id) => kind switch
    {
        MediaOwnerKind.Artifact => l => l.ArtifactId == id,
        MediaOwnerKind.Find => l => l.FindId == id,
        MediaOwnerKind.ConditionReport => l => l.ConditionReportId == id,
        _ => l => l.TreatmentStepId == id,
    };

    private static string Describe(MediaOwnerKind kind) => kind switch
    {
        MediaOwnerKind.Artifact => "artifact",
        MediaOwnerKind.Find => "find",
        MediaOwnerKind.ConditionReport => "condition report",
        _ => "treatment step",
    };

    private static CommandResult<AttachedImage> Refuse(string name, string message) =>
        CommandResult<AttachedImage>.Invalid(FileField, $"{name}: {message} Nothing was stored.");

    private static string PixelLimit(long width, long height, long maxPixels) =>
        string.Create(CultureInfo.InvariantCulture,
            $"The image declares {width} × {height} pixels ({width * height / 1e6:0.#} megapixels); the limit is {maxPixels / 1e6:0.#} megapixels.");

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");
}
