namespace Catalogue.Core.Media;

/// <summary>What the photograph says about itself (EXIF), when it says it.</summary>
public sealed record ImageMetadata(DateTime? TakenAt, string? Camera, string? Photographer, string? Copyright)
{
    public static readonly ImageMetadata None = new(null, null, null, null);
}

/// <summary>An image's header: stored size, EXIF orientation and metadata. Reading it decodes no pixels.</summary>
public sealed record ImageHeader(int Width, int Height, int Orientation, ImageMetadata Metadata)
{
    /// <summary>Orientations 5 to 8 turn the picture a quarter, swapping width and height.</summary>
    private bool QuarterTurn => Orientation is >= 5 and <= 8;

    public int DisplayWidth => QuarterTurn ? Height : Width;
    public int DisplayHeight => QuarterTurn ? Width : Height;
}

/// <summary>A file the pipeline wrote.</summary>
public sealed record DerivativeFile(int LongEdge, string Extension, int Width, int Height, string Path);

/// <summary>Output formats for renderings (IIIF and derivatives).</summary>
public enum RenderFormat
{
    Jpeg,
    WebP,
}

/// <summary>A rectangle of the upright image, in pixels.</summary>
public sealed record PixelRegion(int X, int Y, int Width, int Height);

/// <summary>An image the native library could not read or write; the message says why.</summary>
public sealed class ImageProcessingException : Exception
{
    public ImageProcessingException() : base("The image could not be processed.")
    {
    }

    public ImageProcessingException(string message) : base(message)
    {
    }

    public ImageProcessingException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>
/// The native image work behind one seam: reading headers, checking an image decodes, making derivatives and
/// rendering regions. The implementation is <see cref="VipsImageProcessor"/> (libvips).
/// </summary>
public interface IImageProcessor
{
    /// <summary>Reads the header only: no pixels are decoded, so a decompression bomb costs nothing here.</summary>
    ImageHeader ReadHeader(string path);

    /// <summary>Decodes the whole image (at reduced scale where the format allows); throws if it is truncated or damaged.</summary>
    void VerifyDecodes(string path);

    /// <summary>Makes every size in <paramref name="longEdges"/> as WebP and JPEG, upright and in sRGB, into <paramref name="directory"/>.</summary>
    IReadOnlyList<DerivativeFile> MakeDerivatives(string originalPath, string directory, IReadOnlyList<int> longEdges);

    /// <summary>Renders a region of the upright image at the given size.</summary>
    byte[] Render(string originalPath, PixelRegion region, int width, int height, RenderFormat format);

    /// <summary>
    /// Writes the zoom copy of a large original to <paramref name="path"/>: upright, 8-bit sRGB, in tiles, with every
    /// level of a pyramid (each half the one before), so a deep-zoom viewer's tile reads a few tiles of one level
    /// instead of decoding the whole original.
    /// </summary>
    void MakeZoomCopy(string originalPath, string path);

    /// <summary>As <see cref="Render"/>, from a zoom copy made by <see cref="MakeZoomCopy"/> (the region is in full-size pixels).</summary>
    byte[] RenderFromZoomCopy(string zoomCopyPath, PixelRegion region, int width, int height, RenderFormat format);
}
