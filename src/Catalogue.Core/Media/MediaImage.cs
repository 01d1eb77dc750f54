using Catalogue.Core.Common;

namespace Catalogue.Core.Media;

/// <summary>The image formats accepted, recognised by their first bytes, never by the file name.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Tiff,
    WebP,
    Heif,
}

/// <summary>What kind of record an image documents.</summary>
public enum MediaOwnerKind
{
    Artifact,
    Find,
    ConditionReport,
    TreatmentStep,
}

/// <summary>Why the image is attached: a general view, or before/after a treatment step.</summary>
public enum MediaRole
{
    General,
    Before,
    After,
}

/// <summary>
/// One original photograph, stored once under its SHA-256 in the media store and never modified.
/// Derivatives (thumbnails, web sizes) are not recorded here: they are derived files, rebuilt when missing.
/// </summary>
public sealed class MediaImage : ITrackedEntity, IAudited
{
    public const string AuditType = "Image";
    public const int FileNameMaxLength = 255;
    public const int TextMaxLength = 300;

    private MediaImage()
    {
        Sha256 = string.Empty;
        OriginalFileName = string.Empty;
    }

    internal MediaImage(string sha256, ImageFormat format, long byteLength, ImageHeader header, string originalFileName) : this()
    {
        Sha256 = sha256;
        Format = format;
        ByteLength = byteLength;
        Width = header.DisplayWidth;
        Height = header.DisplayHeight;
        Orientation = header.Orientation;
        TakenAt = header.Metadata.TakenAt;
        Camera = Trim(header.Metadata.Camera);
        Photographer = Trim(header.Metadata.Photographer);
        Copyright = Trim(header.Metadata.Copyright);
        OriginalFileName = Trim(originalFileName) ?? "image";
    }

    public int Id { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the original bytes: its address in the media store and its IIIF identifier.</summary>
    public string Sha256 { get; private set; }

    public ImageFormat Format { get; private set; }
    public long ByteLength { get; private set; }

    /// <summary>Width as seen, after the EXIF orientation is applied.</summary>
    public int Width { get; private set; }

    /// <summary>Height as seen, after the EXIF orientation is applied.</summary>
    public int Height { get; private set; }

    /// <summary>The EXIF orientation of the original (1 = upright); derivatives are turned accordingly.</summary>
    public int Orientation { get; private set; }

    /// <summary>The name the file was uploaded under: shown to people, never used as a path.</summary>
    public string OriginalFileName { get; private set; }

    public DateTime? TakenAt { get; private set; }
    public string? Camera { get; private set; }
    public string? Photographer { get; private set; }
    public string? Copyright { get; private set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => Sha256;

    private static string? Trim(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        return value.Length <= TextMaxLength ? value : value[..TextMaxLength];
    }
}

/// <summary>An image attached to a record. Kept in the record's change history ("ACC/image 1a2b…").</summary>
public sealed class MediaLink : IAudited
{
    public const int OwnerKeyMaxLength = 64;

    private MediaLink()
    {
        OwnerKey = string.Empty;
        AttachedBy = string.Empty;
    }

    internal MediaLink(MediaImage image, MediaOwnerKind kind, int ownerId, string ownerKey, MediaRole role, int position, DateTime attachedAt, string attachedBy)
    {
        Image = image;
        OwnerKind = kind;
        OwnerKey = ownerKey;
        Role = role;
        Position = position;
        AttachedAt = attachedAt;
        AttachedBy = attachedBy;
        switch (kind)
        {
            case MediaOwnerKind.Artifact: ArtifactId = ownerId; break;
            case MediaOwnerKind.Find: FindId = ownerId; break;
            case MediaOwnerKind.ConditionReport: ConditionReportId = ownerId; break;
            case MediaOwnerKind.TreatmentStep: TreatmentStepId = ownerId; break;
        }
    }

    public int Id { get; private set; }
    public int MediaImageId { get; private set; }
    public MediaImage? Image { get; private set; }
    public MediaOwnerKind OwnerKind { get; private set; }
    public int? ArtifactId { get; private set; }
    public int? FindId { get; private set; }
    public int? ConditionReportId { get; private set; }
    public int? TreatmentStepId { get; private set; }

    /// <summary>The owner's human key (accession number, find number, report or treatment reference), copied for the history.</summary>
    public string OwnerKey { get; private set; }

    public MediaRole Role { get; private set; }
    public int Position { get; private set; }
    public DateTime AttachedAt { get; private set; }
    public string AttachedBy { get; private set; }

    /// <summary>The history type of a link, so an artifact's history can include its images ("ArtifactImage").</summary>
    public static string AuditTypeFor(MediaOwnerKind kind) => $"{kind}Image";

    string IAudited.AuditType => AuditTypeFor(OwnerKind);
    string IAudited.AuditKey => $"{OwnerKey}/image {Image?.Sha256[..12]}";
}
