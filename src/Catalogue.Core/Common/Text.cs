namespace Catalogue.Core.Common;

/// <summary>The rules every free-text field shares: trimmed, Unicode-composed (NFC), empty as null, bounded.</summary>
public static class Text
{
    public static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>Refuses a text longer than <paramref name="max"/> characters, naming the field.</summary>
    public static void Check(string field, string? value, int max)
    {
        var length = value?.Trim().Length ?? 0;
        if (length > max)
            throw new DomainRuleException(field, $"{field} must be at most {max} characters (it has {length}).");
    }

    /// <summary>An enum value as lower-case words for a sentence: LoanBeforeReturn -> "loan before return".</summary>
    public static string Words<T>(T value) where T : struct, Enum => Words(value.ToString());

    /// <summary>A PascalCase name as lower-case words: ExaminedOn -> "examined on".</summary>
    public static string Words(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

    /// <summary>What someone typed, for a message that repeats it: cut short past <paramref name="max"/> characters.</summary>
    public static string Shown(string? value, int max = 60)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return trimmed.Length <= max ? trimmed : string.Concat(trimmed.AsSpan(0, max), "…");
    }
}
