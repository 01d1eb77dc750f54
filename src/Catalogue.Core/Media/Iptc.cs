using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Catalogue.Core.Media;

/// <summary>
/// The few IPTC-IIM fields a catalogue keeps (by-line, copyright notice, date and time created), read from the
/// APP13 block libvips hands over as <c>iptc-data</c>. Photographers' agencies often write these instead of EXIF.
/// </summary>
public sealed record Iptc(string? ByLine, string? Copyright, DateTime? Created)
{
    public static readonly Iptc None = new(null, null, null);

    private const byte TagMarker = 0x1C;
    private const byte ApplicationRecord = 2;
    private const byte DateCreated = 55;
    private const byte TimeCreated = 60;
    private const byte ByLineDataset = 80;
    private const byte CopyrightNotice = 116;

    public static Iptc Read(ReadOnlySpan<byte> block)
    {
        string? byLine = null, copyright = null, date = null, time = null;
        for (var i = 0; i + 5 <= block.Length;)
        {
            if (block[i] != TagMarker || block[i + 1] != ApplicationRecord)
            {
                i++;
                continue;
            }

            var dataset = block[i + 2];
            int length = BinaryPrimitives.ReadUInt16BigEndian(block[(i + 3)..]);
            if ((length & 0x8000) != 0 || i + 5 + length > block.Length)
            {
                i++;
                continue;
            }

            var value = Clean(Encoding.UTF8.GetString(block.Slice(i + 5, length)));
            switch (dataset)
            {
                case ByLineDataset: byLine ??= value; break;
                case CopyrightNotice: copyright ??= value; break;
                case DateCreated: date ??= value; break;
                case TimeCreated: time ??= value; break;
            }

            i += 5 + length;
        }

        return new Iptc(byLine, copyright, CreatedAt(date, time));
    }

    private static string? Clean(string value)
    {
        var trimmed = value.Trim().TrimEnd('\0').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>Date created is CCYYMMDD; time created HHMMSS with an optional ±HHMM offset.</summary>
    private static DateTime? CreatedAt(string? date, string? time)
    {
        if (date is null || !DateTime.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return null;
        if (time is { Length: >= 6 } && TimeSpan.TryParseExact(time[..6], "hhmmss", CultureInfo.InvariantCulture, out var at))
        {
            var offset = TimeSpan.Zero;
            if (time.Length >= 11 && (time[6] is '+' or '-') && TimeSpan.TryParseExact(time[7..11], "hhmm", CultureInfo.InvariantCulture, out var zone))
                offset = time[6] == '-' ? -zone : zone;
            return DateTime.SpecifyKind(day + at - offset, DateTimeKind.Utc);
        }

        return DateTime.SpecifyKind(day, DateTimeKind.Utc);
    }
}
