using System.Globalization;
using System.Text.RegularExpressions;
using NetVips;
using VipsImage = NetVips.Image;

namespace Catalogue.Core.Media;

/// <summary>
/// The image pipeline on libvips: headers without decoding, shrink-on-load thumbnails, sequential streaming,
/// every derivative upright and in 8-bit sRGB with the metadata stripped.
/// </summary>
public sealed partial class VipsImageProcessor : IImageProcessor
{
    private const int JpegQuality = 85;
    private const int WebpQuality = 80;

    /// <summary>The zoom copy is compressed once more when a region of it is rendered, so it keeps more than a derivative.</summary>
    private const int ZoomCopyQuality = 92;

    /// <summary>The zoom copy's tiles match the IIIF tiles the viewer asks for, so a tile reads one tile of one level.</summary>
    private const int ZoomTileSize = 512;
    private static readonly Lock InitLock = new();
    private static bool initialised;

    public VipsImageProcessor() => Initialise();

    /// <summary>Only the loaders for the accepted formats may run on uploaded bytes; the rest of libvips' loaders stay blocked.</summary>
    public static void Initialise()
    {
        lock (InitLock)
        {
            if (initialised)
                return;
            NetVips.NetVips.BlockUntrusted = true;
            Operation.Block("VipsForeignLoad", true);
            foreach (var loader in new[] { "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadTiff", "VipsForeignLoadWebp", "VipsForeignLoadHeif" })
                Operation.Block(loader, false);
            initialised = true;
        }
    }

    public ImageHeader ReadHeader(string path)
    {
        try
        {
            using var image = VipsImage.NewFromFile(path, access: Enums.Access.Sequential);
            return new ImageHeader(image.Width, image.Height, Orientation(image), ReadMetadata(image));
        }
        catch (VipsException e)
        {
            throw new ImageProcessingException($"The image header cannot be read: {FirstLine(e.Message)}", e);
        }
    }

    public void VerifyDecodes(string path)
    {
        try
        {
            // A small thumbnail decodes every byte (at reduced scale for JPEG), so truncation or damage shows here.
            using var probe = VipsImage.Thumbnail(path, 64, height: 64, failOn: Enums.FailOn.Truncated);
            _ = probe.Avg();
        }
        catch (VipsException e)
        {
            throw new ImageProcessingException($"The image is damaged or incomplete (truncated): {FirstLine(e.Message)}", e);
        }
    }

    public IReadOnlyList<DerivativeFile> MakeDerivatives(string originalPath, string directory, IReadOnlyList<int> longEdges)
    {
        Directory.CreateDirectory(directory);
        var sizes = longEdges.OrderDescending().ToList();
        var written = new List<DerivativeFile>();
        try
        {
            // The largest size comes from the original (shrink-on-load, upright); the smaller ones from it, in memory.
            using var thumb = VipsImage.Thumbnail(originalPath, sizes[0], height: sizes[0], size: Enums.Size.Down, failOn: Enums.FailOn.Truncated);
            using var srgb = ToSrgb8(thumb);
            using var largest = srgb.CopyMemory();
            foreach (var edge in sizes)
            {
                using var sized = edge == sizes[0] ? largest.Copy() : largest.ThumbnailImage(edge, height: edge, size: Enums.Size.Down);
                written.Add(Save(sized, directory, edge, RenderFormat.WebP));
                written.Add(Save(sized, directory, edge, RenderFormat.Jpeg));
            }
        }
        catch (VipsException e)
        {
            throw new ImageProcessingException($"The derivatives could not be made: {FirstLine(e.Message)}", e);
        }

        return written;
    }

    public byte[] Render(string originalPath, PixelRegion region, int width, int height, RenderFormat format)
    {
        try
        {
            using var upright = LoadUpright(originalPath, region, width, height, out var factor);
            return RenderRegion(upright, factor, region, width, height, format);
        }
        catch (VipsException e)
        {
            throw new ImageProcessingException($"The image could not be rendered: {FirstLine(e.Message)}", e);
        }
    }

    public void MakeZoomCopy(string originalPath, string path)
    {
        try
        {
            // Turning the picture upright reads it out of order, which a sequential load cannot do.
            bool upright;
            using (var header = VipsImage.NewFromFile(originalPath, access: Enums.Access.Sequential))
                upright = Orientation(header) == 1;
            using var original = VipsImage.NewFromFile(originalPath, access: upright ? Enums.Access.Sequential : Enums.Access.Random,
                failOn: Enums.FailOn.Truncated);
            using var turned = original.Autorot();
            using var srgb = ToSrgb8(turned);
            // JPEG tiles keep the copy small; JPEG cannot hold transparency, so a picture with an alpha band is kept lossless.
            var alpha = srgb.HasAlpha();
            srgb.Tiffsave(path, compression: alpha ? Enums.ForeignTiffCompression.Deflate : Enums.ForeignTiffCompression.Jpeg,
                q: ZoomCopyQuality, tile: true, tileWidth: ZoomTileSize, tileHeight: ZoomTileSize, pyramid: true, keep: Enums.ForeignKeep.None);
        }
        catch (VipsException e)
        {
            throw new ImageProcessingException($"The zoom copy could not be made: {FirstLine(e.Message)}", e);
        }
    }

    public byte[] RenderFromZoomCopy(string zoomCopyPath, PixelRegion region, int width, int height, RenderFormat format)
    {
        try
        {
            // Each level of the pyramid is half the one before: take the smallest that still has the pixels the size needs.
            using var full = VipsImage.NewFromFile(zoomCopyPath);
            var levels = full.GetTypeOf("n-pages") != 0 ? Convert.ToInt32(full.Get("n-pages"), CultureInfo.InvariantCulture) : 1;
            var scale = Math.Max(width / (double)region.Width, height / (double)region.Height);
            var level = 0;
            while (level + 1 < levels && scale * (1 << (level + 1)) <= 1.0)
                level++;
            if (level == 0)
                return RenderRegion(full, 1, region, width, height, format);
            using var page = VipsImage.NewFromFile(zoomCopyPath, kwargs: new VOption { { "page", level } });
            return RenderRegion(page, page.Width / (double)full.Width, region, width, height, format);
        }
        catch (VipsException e)
        {
            throw new ImageProcessingException($"The image could not be rendered from its zoom copy: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>The EXIF orientation (1 to 8; 1, upright, when absent or out of range).</summary>
    private static int Orientation(VipsImage image)
    {
        var orientation = image.GetTypeOf("orientation") != 0 ? Convert.ToInt32(image.Get("orientation"), CultureInfo.InvariantCulture) : 1;
        return orientation is >= 1 and <= 8 ? orientation : 1;
    }

    /// <summary>
    /// Renders <paramref name="region"/> (in full-size pixels) of an upright image loaded at <paramref name="factor"/>
    /// of its full size.
    /// </summary>
    private static byte[] RenderRegion(VipsImage upright, double factor, PixelRegion region, int width, int height, RenderFormat format)
    {
        // Rounding on a shrunk image must never push the region off its edge.
        var x = Math.Min((int)Math.Floor(region.X * factor), upright.Width - 1);
        var y = Math.Min((int)Math.Floor(region.Y * factor), upright.Height - 1);
        var w = Math.Clamp((int)Math.Round(region.Width * factor), 1, upright.Width - x);
        var h = Math.Clamp((int)Math.Round(region.Height * factor), 1, upright.Height - y);
        using var cropped = upright.Crop(x, y, w, h);
        using var sized = cropped.ThumbnailImage(width, height: height, size: Enums.Size.Force);
        using var srgb = ToSrgb8(sized);
        return Encode(srgb, format);
    }

    /// <summary>
    /// Loads the upright image, shrunk on load (JPEG) by the largest power of two the output size allows;
    /// <paramref name="factor"/> maps full-size coordinates onto the loaded image.
    /// </summary>
    private static VipsImage LoadUpright(string path, PixelRegion region, int width, int height, out double factor)
    {
        var scale = Math.Max(width / (double)region.Width, height / (double)region.Height);
        var shrink = 1;
        while (shrink < 8 && scale * shrink * 2 <= 1.0)
            shrink *= 2;
        VipsImage loaded;
        if (shrink > 1 && ImageSniffer.Sniff(Head(path)).Format == ImageFormat.Jpeg)
        {
            using var full = VipsImage.NewFromFile(path);
            using var fullUpright = full.Autorot();
            var fullWidth = fullUpright.Width;
            using var shrunk = VipsImage.NewFromFile(path, kwargs: new VOption { { "shrink", shrink } });
            loaded = shrunk.Autorot();
            factor = loaded.Width / (double)fullWidth;
            return loaded;
        }

        using var image = VipsImage.NewFromFile(path);
        loaded = image.Autorot();
        factor = 1;
        return loaded;
    }

    private static byte[] Head(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[ImageSniffer.HeaderLength];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private static DerivativeFile Save(VipsImage image, string directory, int edge, RenderFormat format)
    {
        var extension = format == RenderFormat.WebP ? "webp" : "jpg";
        var path = Path.Combine(directory, $"{edge}.{extension}");
        File.WriteAllBytes(path, Encode(image, format));
        return new DerivativeFile(edge, extension, image.Width, image.Height, path);
    }

    private static byte[] Encode(VipsImage image, RenderFormat format)
    {
        if (format == RenderFormat.WebP)
            return image.WebpsaveBuffer(q: WebpQuality, keep: Enums.ForeignKeep.None);
        using var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();
        return flat.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
    }

    /// <summary>8-bit sRGB (or 8-bit grey): CMYK, 16-bit and other spaces are converted, so browsers show true colour.</summary>
    private static VipsImage ToSrgb8(VipsImage image)
    {
        var isGrey = image.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16 && image.Bands <= 2;
        var target = isGrey ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb;
        var converted = image.Interpretation == target && image.Format == Enums.BandFormat.Uchar ? image.Copy() : image.Colourspace(target);
        if (converted.Format == Enums.BandFormat.Uchar)
            return converted;
        using (converted)
            return converted.Cast(Enums.BandFormat.Uchar);
    }

    private static ImageMetadata ReadMetadata(VipsImage image)
    {
        var fields = image.GetFields().ToHashSet(StringComparer.Ordinal);
        string? Field(params string[] names)
        {
            foreach (var name in names)
            {
                if (fields.Contains(name) && image.Get(name) is string raw && ExifValue(raw) is { Length: > 0 } value)
                    return value;
            }

            return null;
        }

        var make = Field("exif-ifd0-Make");
        var model = Field("exif-ifd0-Model");
        var camera = make is null ? model : model is null ? make : model.StartsWith(make, StringComparison.OrdinalIgnoreCase) ? model : $"{make} {model}";
        var taken = Field("exif-ifd2-DateTimeOriginal", "exif-ifd2-DateTimeDigitized", "exif-ifd0-DateTime");
        DateTime? takenAt = taken is not null && DateTime.TryParseExact(taken, "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        var iptc = fields.Contains("iptc-data") && image.Get("iptc-data") is byte[] blob ? Iptc.Read(blob) : Iptc.None;
        return new ImageMetadata(takenAt ?? iptc.Created, camera, Field("exif-ifd0-Artist") ?? iptc.ByLine, Field("exif-ifd0-Copyright") ?? iptc.Copyright);
    }

    /// <summary>libvips shows EXIF strings as "value (value, ASCII, 6 components, 6 bytes)"; keep the value.</summary>
    private static string ExifValue(string raw)
    {
        var match = ExifSuffix().Match(raw);
        if (!match.Success)
            return raw.Trim().TrimEnd('\0').Trim();
        // What is left is "value (value": split in the middle when both halves agree, else at the last " (".
        var both = raw[..match.Index];
        var half = (both.Length - 2) / 2;
        if (both.Length >= 2 && both.Length % 2 == 0 && both.Substring(half, 2) == " (" && both[..half] == both[(half + 2)..])
            return both[..half].Trim().TrimEnd('\0').Trim();
        var split = both.LastIndexOf(" (", StringComparison.Ordinal);
        return (split > 0 ? both[..split] : both).Trim().TrimEnd('\0').Trim();
    }

    [GeneratedRegex(@", [^,]+, \d+ components?, \d+ bytes?\)$", RegexOptions.Singleline)]
    private static partial Regex ExifSuffix();

    /// <summary>The first line of libvips' message, with the folders of any file it names left out (no storage path reaches a page).</summary>
    internal static string FirstLine(string message) =>
        Folders().Replace(message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Length > 0) ?? message, string.Empty);

    [GeneratedRegex(@"(?<=^|[\s""'(])(?:[A-Za-z]:)?[/\\](?:[^\s""'/\\]+[/\\])*(?=[^\s""'/\\]+)")]
    private static partial Regex Folders();
}
