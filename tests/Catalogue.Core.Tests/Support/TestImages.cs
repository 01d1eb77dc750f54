using System.Buffers.Binary;
using System.Text;
using Catalogue.Core.Media;
using NetVips;
using VipsImage = NetVips.Image;

namespace Catalogue.Core.Tests.Support;

/// <summary>Images made for tests, friendly and hostile.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width = 640, int height = 480, string seed = "test", int orientation = 1, ImageMetadata? metadata = null) =>
        SyntheticImages.Jpeg(width, height, seed, orientation, metadata);

    public static byte[] Png(int width = 320, int height = 240, string seed = "png")
    {
        using var picture = SyntheticImages.Picture(width, height, seed);
        return picture.PngsaveBuffer();
    }

    /// <summary>Left half red, right half blue, as stored; the EXIF orientation says how it should be shown.</summary>
    public static byte[] HalvesJpeg(int width, int height, int orientation)
    {
        using var xyz = VipsImage.Xyz(width, height);
        using var x = xyz[0];
        using var left = x < width / 2.0;
        using var red = VipsImage.Black(width, height, bands: 3) + new[] { 220.0, 20.0, 20.0 };
        using var blue = VipsImage.Black(width, height, bands: 3) + new[] { 20.0, 20.0, 220.0 };
        using var halves = left.Ifthenelse(red, blue);
        using var cast = halves.Cast(Enums.BandFormat.Uchar);
        using var srgb = cast.Copy(interpretation: Enums.Interpretation.Srgb);
        using var tagged = SyntheticImages.WithExif(srgb, orientation);
        return tagged.JpegsaveBuffer(q: 90);
    }

    /// <summary>
    /// Cells of three sizes (16, 128 and 1024 pixels), one size a channel, each cell a shade of its own: at any scale
    /// some channel has detail at the output's resolution, so a region rendered out of place shows.
    /// </summary>
    public static byte[] CheckerJpeg(int width, int height)
    {
        using var xyz = VipsImage.Xyz(width, height);
        using var x = xyz[0];
        using var y = xyz[1];
        VipsImage Cells(int size, int across, int down)
        {
            using var column = (x / size).Floor();
            using var row = (y / size).Floor();
            using var mixed = (column * across) + (row * down);
            return mixed % 256;
        }

        using var red = Cells(16, 73, 151);
        using var green = Cells(128, 89, 199);
        using var blue = Cells(1024, 101, 43);
        using var joined = red.Bandjoin(green, blue);
        using var cast = joined.Cast(Enums.BandFormat.Uchar);
        using var srgb = cast.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 95);
    }

    /// <summary>A picture whose left half is fully transparent, as a PNG.</summary>
    public static byte[] PngWithTransparentHalf(int width, int height)
    {
        using var picture = SyntheticImages.Picture(width, height, "cut-out");
        using var xyz = VipsImage.Xyz(width, height);
        using var x = xyz[0];
        using var right = x >= width / 2.0;
        using var alpha = right.Cast(Enums.BandFormat.Uchar);
        using var withAlpha = picture.Bandjoin(alpha);
        using var srgb = withAlpha.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.PngsaveBuffer();
    }

    /// <summary>A JPEG without EXIF whose APP13 block carries IPTC by-line, copyright and date/time created, as agencies write them.</summary>
    public static byte[] JpegWithIptc(string byLine, string copyright, string dateCreated, string timeCreated)
    {
        var jpeg = Jpeg(400, 300, "iptc");
        var iim = new List<byte>();
        void Dataset(byte number, string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            iim.AddRange([0x1C, 0x02, number, (byte)(bytes.Length >> 8), (byte)bytes.Length]);
            iim.AddRange(bytes);
        }

        iim.AddRange([0x1C, 0x02, 0x00, 0x00, 0x02, 0x00, 0x04]);
        Dataset(80, byLine);
        Dataset(116, copyright);
        Dataset(55, dateCreated);
        Dataset(60, timeCreated);
        if (iim.Count % 2 == 1)
            iim.Add(0);
        var resource = new List<byte>();
        resource.AddRange(Encoding.ASCII.GetBytes("Photoshop 3.0\0"));
        resource.AddRange(Encoding.ASCII.GetBytes("8BIM"));
        resource.AddRange([0x04, 0x04, 0x00, 0x00]);
        var size = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, iim.Count);
        resource.AddRange(size);
        resource.AddRange(iim);
        var segment = new List<byte> { 0xFF, 0xED, (byte)((resource.Count + 2) >> 8), (byte)(resource.Count + 2) };
        segment.AddRange(resource);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A JPEG cut off halfway through its data.</summary>
    public static byte[] TruncatedJpeg()
    {
        var whole = Jpeg(800, 600, "truncated");
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A valid PNG whose header declares 60000 × 60000 pixels: a decompression bomb.</summary>
    public static byte[] PngDeclaring(uint width, uint height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(0), width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(stream, "IHDR", ihdr);
        // A tiny deflate stream of zeros: compresses to a few bytes, would expand to gigabytes.
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>""");

    public static byte[] Text() => Encoding.UTF8.GetBytes("This is a note about the bowl, not a photograph of it.\n");

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        stream.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }
}
