using NetVips;
using VipsImage = NetVips.Image;

namespace Catalogue.Core.Media;

/// <summary>
/// Generated photographs for the sample catalogue, the tests and the benchmark: a lit background and an object's
/// silhouette in colours drawn from a seed, optionally with sensor-like noise and EXIF, made by libvips.
/// </summary>
public static class SyntheticImages
{
    /// <summary>The picture as a libvips image (8-bit sRGB), before any encoding.</summary>
    public static VipsImage Picture(int width, int height, string seed, bool noise = false)
    {
        var hash = (uint)StableHash(seed);
        double Channel(int shift) => 60 + ((hash >> shift) & 0x7F);
        using var xyz = VipsImage.Xyz(width, height);
        using var x = xyz[0];
        using var y = xyz[1];
        // Background: a soft vertical gradient, as on a photographer's sweep.
        using var shade = y * (-60.0 / height) + 215;
        using var background = shade.Bandjoin(shade, shade);
        // The object: an ellipse (a pot) in the seed's colour, darker towards its edge.
        var cx = width / 2.0;
        var cy = height * 0.55;
        var rx = width * 0.28;
        var ry = height * 0.33;
        using var dx = (x - cx) / rx;
        using var dy = (y - cy) / ry;
        using var distance = dx * dx + dy * dy;
        using var inside = distance < 1.0;
        using var darken = distance * -40.0;
        using var lit = darken.Bandjoin(darken, darken) + new[] { Channel(0), Channel(8), Channel(16) };
        using var composed = inside.Ifthenelse(lit, background);
        VipsImage result;
        if (noise)
        {
            using var grain = VipsImage.Gaussnoise(width, height, sigma: 6);
            using var grain3 = grain.Bandjoin(grain, grain);
            using var grained = composed + grain3 - 128;
            result = grained.Cast(Enums.BandFormat.Uchar);
        }
        else
        {
            result = composed.Cast(Enums.BandFormat.Uchar);
        }

        using (result)
            return result.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>A JPEG of the picture, with an EXIF orientation and metadata when given.</summary>
    public static byte[] Jpeg(int width, int height, string seed, int orientation = 1, ImageMetadata? metadata = null, bool noise = false, int quality = 85)
    {
        using var picture = Picture(width, height, seed, noise);
        using var tagged = WithExif(picture, orientation, metadata);
        return tagged.JpegsaveBuffer(q: quality);
    }

    /// <summary>Sets the EXIF fields libvips writes on save.</summary>
    public static VipsImage WithExif(VipsImage image, int orientation = 1, ImageMetadata? metadata = null) =>
        image.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", orientation);
            if (metadata?.Camera is { } camera)
                m.Set(GValue.GStrType, "exif-ifd0-Model", camera);
            if (metadata?.Photographer is { } artist)
                m.Set(GValue.GStrType, "exif-ifd0-Artist", artist);
            if (metadata?.Copyright is { } copyright)
                m.Set(GValue.GStrType, "exif-ifd0-Copyright", copyright);
            if (metadata?.TakenAt is { } taken)
                m.Set(GValue.GStrType, "exif-ifd2-DateTimeOriginal", taken.ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        });

    private static int StableHash(string value)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in value)
                hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
