using System.Globalization;

namespace Catalogue.Core.Media;

/// <summary>
/// A parsed IIIF Image API 3.0 request (level 1 and a little more): region (full, square, x,y,w,h, pct:),
/// size (max, w,, ,h, pct:n, w,h, !w,h, each with ^ to allow upscaling), rotation 0, default quality, jpg or webp.
/// Parsing never throws: an invalid request gets a message for a 400 answer.
/// </summary>
public sealed record IiifImageRequest(PixelRegion Region, int Width, int Height, RenderFormat Format)
{
    /// <summary>A key safe to use as a cache file name: digits, commas and the format only.</summary>
    public string CacheKey => string.Create(CultureInfo.InvariantCulture,
        $"{Region.X}_{Region.Y}_{Region.Width}_{Region.Height}-{Width}x{Height}.{(Format == RenderFormat.WebP ? "webp" : "jpg")}");

    public bool IsFullImage(int imageWidth, int imageHeight) =>
        Region.X == 0 && Region.Y == 0 && Region.Width == imageWidth && Region.Height == imageHeight;

    public static bool TryParse(string region, string size, string rotation, string qualityAndFormat, int imageWidth, int imageHeight, long maxArea,
        out IiifImageRequest? request, out string error)
    {
        request = null;
        if (!TryParseRegion(region, imageWidth, imageHeight, out var pixels, out error))
            return false;
        if (!TryParseSize(size, pixels!, maxArea, out var width, out var height, out error))
            return false;
        if (rotation is not ("0" or "0.0"))
        {
            error = $"Rotation '{rotation}' is not supported: this server offers rotation 0 only.";
            return false;
        }

        var dot = qualityAndFormat.LastIndexOf('.');
        var quality = dot < 0 ? qualityAndFormat : qualityAndFormat[..dot];
        var format = dot < 0 ? string.Empty : qualityAndFormat[(dot + 1)..];
        if (quality is not ("default" or "color"))
        {
            error = $"Quality '{quality}' is not supported: use 'default'.";
            return false;
        }

        RenderFormat? output = format switch { "jpg" => RenderFormat.Jpeg, "webp" => RenderFormat.WebP, _ => null };
        if (output is null)
        {
            error = $"Format '{format}' is not supported: use jpg or webp.";
            return false;
        }

        request = new IiifImageRequest(pixels!, width, height, output.Value);
        return true;
    }

    private static bool TryParseRegion(string region, int imageWidth, int imageHeight, out PixelRegion? pixels, out string error)
    {
        pixels = null;
        error = string.Empty;
        if (region == "full")
        {
            pixels = new PixelRegion(0, 0, imageWidth, imageHeight);
            return true;
        }

        if (region == "square")
        {
            var side = Math.Min(imageWidth, imageHeight);
            pixels = new PixelRegion((imageWidth - side) / 2, (imageHeight - side) / 2, side, side);
            return true;
        }

        double x, y, w, h;
        var percent = region.StartsWith("pct:", StringComparison.Ordinal);
        var parts = (percent ? region[4..] : region).Split(',');
        if (parts.Length != 4 || !TryNumber(parts[0], percent, out x) || !TryNumber(parts[1], percent, out y) || !TryNumber(parts[2], percent, out w) || !TryNumber(parts[3], percent, out h))
        {
            error = $"Region '{region}' is not valid: use full, square, x,y,w,h or pct:x,y,w,h with non-negative numbers.";
            return false;
        }

        if (percent)
        {
            x = x * imageWidth / 100;
            y = y * imageHeight / 100;
            w = w * imageWidth / 100;
            h = h * imageHeight / 100;
        }

        if (w <= 0 || h <= 0)
        {
            error = $"Region '{region}' has no width or height.";
            return false;
        }

        if (x >= imageWidth || y >= imageHeight)
        {
            error = $"Region '{region}' lies outside the image ({imageWidth} × {imageHeight}).";
            return false;
        }

        var px = (int)Math.Floor(x);
        var py = (int)Math.Floor(y);
        var pw = (int)Math.Min(Math.Max(1, Math.Round(w)), imageWidth - px);
        var ph = (int)Math.Min(Math.Max(1, Math.Round(h)), imageHeight - py);
        pixels = new PixelRegion(px, py, pw, ph);
        return true;
    }

    private static bool TryParseSize(string size, PixelRegion region, long maxArea, out int width, out int height, out string error)
    {
        width = height = 0;
        error = string.Empty;
        var upscale = size.StartsWith('^');
        var spec = upscale ? size[1..] : size;
        double w, h;
        if (spec == "max")
        {
            var fit = Math.Min(1.0, Math.Sqrt(maxArea / ((double)region.Width * region.Height)));
            w = region.Width * fit;
            h = region.Height * fit;
        }
        else if (spec.StartsWith("pct:", StringComparison.Ordinal))
        {
            if (!TryNumber(spec[4..], true, out var pct) || pct <= 0)
                return Invalid(size, "pct:n needs a number above 0", out error);
            if (pct > 100 && !upscale)
                return Invalid(size, "more than 100% needs the ^ prefix", out error);
            w = region.Width * pct / 100;
            h = region.Height * pct / 100;
        }
        else
        {
            var confined = spec.StartsWith('!');
            var parts = (confined ? spec[1..] : spec).Split(',');
            if (parts.Length != 2)
                return Invalid(size, "use max, w,, ,h, pct:n, w,h or !w,h", out error);
            var hasW = parts[0].Length > 0;
            var hasH = parts[1].Length > 0;
            if ((hasW && !TryInteger(parts[0], out w)) || (hasH && !TryInteger(parts[1], out h)) || (!hasW && !hasH))
                return Invalid(size, "width and height must be whole numbers above 0", out error);
            w = hasW ? int.Parse(parts[0], CultureInfo.InvariantCulture) : 0;
            h = hasH ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
            if (confined)
            {
                if (!hasW || !hasH)
                    return Invalid(size, "!w,h needs both a width and a height", out error);
                var scale = Math.Min(w / region.Width, h / region.Height);
                if (!upscale)
                    scale = Math.Min(scale, 1.0);
                w = region.Width * scale;
                h = region.Height * scale;
            }
            else if (!hasH)
            {
                h = region.Height * w / region.Width;
            }
            else if (!hasW)
            {
                w = region.Width * h / region.Height;
            }

            if (!upscale && (Math.Round(w) > region.Width || Math.Round(h) > region.Height))
                return Invalid(size, $"it is larger than the region ({region.Width} × {region.Height}); prefix ^ to allow upscaling", out error);
        }

        width = Math.Max(1, (int)Math.Round(w));
        height = Math.Max(1, (int)Math.Round(h));
        if ((long)width * height > maxArea)
            return Invalid(size, $"{width} × {height} is more than the {maxArea} pixels this server renders at once (see maxArea in info.json)", out error);
        return true;
    }

    private static bool Invalid(string size, string why, out string error)
    {
        error = $"Size '{size}' is not valid: {why}.";
        return false;
    }

    private static bool TryNumber(string text, bool allowFraction, out double value)
    {
        if (allowFraction)
            return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value >= 0 && double.IsFinite(value);
        var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer);
        value = integer;
        return ok;
    }

    private static bool TryInteger(string text, out double value)
    {
        var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer) && integer > 0;
        value = integer;
        return ok;
    }
}
