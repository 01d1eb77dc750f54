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
        // Small scenes (sample photographs) are kept in memory and reused; large ones (the benchmark's) stream and are dropped.
        using var large = (long)width * height > SceneCacheLimit ? new Scene(width, height, inMemory: false) : null;
        var scene = large ?? Scenes.GetOrAdd((width, height), size => new Scene(size.Width, size.Height, inMemory: true));
        using var lit = scene.Darken + new[] { Channel(0), Channel(8), Channel(16) };
        using var composed = scene.Inside.Ifthenelse(lit, scene.Background);
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

    private const long SceneCacheLimit = 4_000_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Width, int Height), Scene> Scenes = new();

    /// <summary>
    /// The parts of a picture that do not depend on the seed, computed once per size and kept in memory:
    /// a soft vertical gradient (a photographer's sweep) and an ellipse (a pot) darker towards its edge.
    /// </summary>
    private sealed class Scene : IDisposable
    {
        public Scene(int width, int height, bool inMemory)
        {
            using var xyz = VipsImage.Xyz(width, height);
            using var x = xyz[0];
            using var y = xyz[1];
            using var shade = y * (-60.0 / height) + 215;
            using var background = shade.Bandjoin(shade, shade);
            using var dx = (x - width / 2.0) / (width * 0.28);
            using var dy = (y - height * 0.55) / (height * 0.33);
            using var distance = dx * dx + dy * dy;
            using var inside = distance < 1.0;
            using var darken = distance * -40.0;
            using var darken3 = darken.Bandjoin(darken, darken);
            Background = inMemory ? background.CopyMemory() : background.Copy();
            Inside = inMemory ? inside.CopyMemory() : inside.Copy();
            Darken = inMemory ? darken3.CopyMemory() : darken3.Copy();
        }

        public void Dispose()
        {
            Background.Dispose();
            Inside.Dispose();
            Darken.Dispose();
        }

        public VipsImage Background { get; }
        public VipsImage Inside { get; }
        public VipsImage Darken { get; }
    }

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
