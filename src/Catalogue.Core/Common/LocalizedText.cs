namespace Catalogue.Core.Common;

/// <summary>A text written in Vietnamese, French and/or English (any may be missing).</summary>
public sealed record LocalizedText
{
    public static readonly string[] Languages = ["vi", "fr", "en"];

    public string? Vi { get; init; }
    public string? Fr { get; init; }
    public string? En { get; init; }

    public static LocalizedText Empty => new();

    public static LocalizedText Of(string? vi, string? fr, string? en) =>
        new() { Vi = Normalize(vi), Fr = Normalize(fr), En = Normalize(en) };

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Vi is null && Fr is null && En is null;

    public string? this[string language] => language switch
    {
        "vi" => Vi,
        "fr" => Fr,
        "en" => En,
        _ => null,
    };

    /// <summary>The text in the preferred language, else the first one present in en, vi, fr order.</summary>
    public string? In(string language) => this[language] ?? En ?? Vi ?? Fr;

    public override string ToString() => In("en") ?? string.Empty;

    private static string? Normalize(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Normalize(System.Text.NormalizationForm.FormC);
    }
}
