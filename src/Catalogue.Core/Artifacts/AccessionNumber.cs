using System.Text.RegularExpressions;

namespace Catalogue.Core.Artifacts;

/// <summary>
/// The accession number format: a collection prefix, the accession year and a running number,
/// optionally a part number, e.g. <c>TL.2023.0142</c> or <c>TL.2023.0142.2</c>.
/// </summary>
public static partial class AccessionNumber
{
    public const int MaxLength = 32;
    public const string FormatDescription = "PREFIX.YEAR.NUMBER, e.g. TL.2023.0142 (1-6 capital letters, a 4-digit year, 1-6 digits, optionally .part)";

    public static bool IsWellFormed(string? value) => value is not null && value.Length <= MaxLength && Pattern().IsMatch(value);

    public static string Normalize(string? value) => value?.Trim().ToUpperInvariant() ?? string.Empty;

    [GeneratedRegex(@"^[A-Z]{1,6}\.[0-9]{4}\.[0-9]{1,6}(\.[0-9]{1,4})?\z")]
    private static partial Regex Pattern();
}
