using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// The languages the pages are written in. A visitor's choice is kept in the culture cookie; without one, the browser's
/// preferred languages decide, then English. The choice sets the words of the pages and the language a record's
/// trilingual text is shown in. Numbers and dates are written the one way in every language (a decimal point,
/// yyyy-mm-dd), so a weight typed as 12.5 means the same on a French page as on an English one.
/// </summary>
public static class Languages
{
    public sealed record Language(string Code, string Name);

    /// <summary>Each language named in itself, as a reader looks for it.</summary>
    public static readonly IReadOnlyList<Language> All =
    [
        new("en", "English"),
        new("vi", "Tiếng Việt"),
        new("fr", "Français"),
    ];

    public static readonly CultureInfo Formatting = new("en");

    public static CultureInfo[] Cultures => [.. All.Select(l => new CultureInfo(l.Code))];

    public static Language? Find(string? code) => All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The cookie value that shows the pages in <paramref name="language"/> with the one way of writing numbers.</summary>
    public static string CookieValue(Language language) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Formatting, new CultureInfo(language.Code)));

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(Formatting);
        options.SupportedCultures = [Formatting];
        options.SupportedUICultures = Cultures;
        // A language asked for in the query string (?ui-culture=fr) or by the browser is taken for the pages' words
        // only: its formatting culture is not supported, so the default's is used.
    }
}
