using System.Buffers.Binary;
using System.Text;

namespace Catalogue.Core.Media;

/// <summary>The outcome of looking at a file's first bytes: an accepted format, or why it is refused.</summary>
public sealed record SniffResult(ImageFormat? Format, string? Refusal);

/// <summary>Recognises an image by its signature bytes; the file name plays no part.</summary>
public static class ImageSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderLength = 64;

    public static SniffResult Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
            return new(null, "The file is empty.");
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            return new(ImageFormat.Jpeg, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return new(ImageFormat.Png, null);
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
            return new(ImageFormat.Tiff, null);
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return new(ImageFormat.WebP, null);
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head[8..12]);
            if (brand is "heic" or "heix" or "hevc" or "heim" or "heis" or "mif1" or "msf1" or "avif")
                return new(ImageFormat.Heif, null);
            return new(null, $"The file is an ISO media file of brand '{brand}', not a HEIF photograph.");
        }

        if (LooksLikeSvg(head))
            return new(null, "SVG drawings are refused: they can carry scripts and links. Export the drawing as PNG or JPEG and upload that.");
        if (LooksLikeText(head))
            return new(null, "The file is text, not an image, whatever its name says. Accepted: JPEG, PNG, TIFF, WebP and HEIF.");
        if (head.StartsWith("GIF8"u8))
            return new(null, "GIF images are not accepted. Accepted: JPEG, PNG, TIFF, WebP and HEIF.");
        if (head.StartsWith("BM"u8))
            return new(null, "BMP images are not accepted. Accepted: JPEG, PNG, TIFF, WebP and HEIF.");
        if (head.StartsWith("%PDF"u8))
            return new(null, "PDF documents are not accepted as images. Accepted: JPEG, PNG, TIFF, WebP and HEIF.");
        return new(null, "The file's contents are not a recognised image. Accepted: JPEG, PNG, TIFF, WebP and HEIF.");
    }

    /// <summary>The width and height a PNG declares in its IHDR chunk, read without decoding anything.</summary>
    public static (long Width, long Height)? PngDimensions(ReadOnlySpan<byte> head)
    {
        if (head.Length < 24 || !head[12..16].SequenceEqual("IHDR"u8))
            return null;
        return (BinaryPrimitives.ReadUInt32BigEndian(head[16..20]), BinaryPrimitives.ReadUInt32BigEndian(head[20..24]));
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && text.Contains("<svg", StringComparison.OrdinalIgnoreCase))
            || (text.StartsWith("<!DOCTYPE svg", StringComparison.OrdinalIgnoreCase));
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
                return false;
        }

        return true;
    }
}
