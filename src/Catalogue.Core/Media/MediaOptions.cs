namespace Catalogue.Core.Media;

/// <summary>Limits and sizes of the image pipeline, bound from <c>Catalogue:Media</c>.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Catalogue:Media";

    /// <summary>The largest original accepted, in bytes (a 100-megapixel uncompressed TIFF is about 300 MB).</summary>
    public long MaxBytes { get; set; } = 400L * 1024 * 1024;

    /// <summary>The most pixels an original may declare; decompression bombs are refused on their header.</summary>
    public long MaxPixels { get; set; } = 200_000_000;

    /// <summary>How many encodes (derivatives, IIIF renders) run at once, whatever the queue holds.</summary>
    public int MaxConcurrentEncodes { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How many images may wait for derivatives before an upload waits for room.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>The largest IIIF rendering, in pixels (width times height).</summary>
    public long MaxRenderArea { get; set; } = 4096L * 4096;
}

/// <summary>The fixed derivative sizes; bump <see cref="Version"/> when derivatives must be regenerated.</summary>
public static class DerivativeSpec
{
    /// <summary>Increment when the derivative recipe changes; derivatives of older versions are then remade.</summary>
    public const int Version = 1;

    /// <summary>Long edges in pixels: a thumbnail, a page image and a large view.</summary>
    public static readonly IReadOnlyList<int> LongEdges = [200, 800, 1600];

    public static readonly IReadOnlyList<string> Extensions = ["webp", "jpg"];

    /// <summary>
    /// Images longer than this on either edge also get a zoom copy (a tiled pyramid) for the deep-zoom viewer: below
    /// it, a tile rendered from the original costs a few tens of milliseconds; a 24-megapixel JPEG's cost hundreds, and a
    /// 100-megapixel TIFF's most of a second.
    /// </summary>
    public const int ZoomCopyAbove = 2048;

    public static bool NeedsZoomCopy(int width, int height) => Math.Max(width, height) > ZoomCopyAbove;
}
