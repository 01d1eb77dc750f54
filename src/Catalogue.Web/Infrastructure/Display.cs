using System.Globalization;
using Catalogue.Core.Common;
using Catalogue.Core.Vocabularies;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalogue.Web.Infrastructure;

/// <summary>Small helpers the pages share: texts in the reader's language, command errors into ModelState.</summary>
public static class Display
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>
    /// An address of the app's own ("/Search?q=…") as the visitor reaches it: under the sub-path a proxy publishes the
    /// app at (X-Forwarded-Prefix), if any. Other addresses are left as they are.
    /// </summary>
    public static string App(this Microsoft.AspNetCore.Mvc.IUrlHelper url, string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) ? url.Content("~" + path) : path;

    public static string Text(this LocalizedText? text) => text?.In(Language) ?? string.Empty;

    public static string Text(this TermRef? term) => term?.Label.In(Language) ?? string.Empty;

    public static string Text(this VocabularyTerm? term) => term?.Label.In(Language) ?? string.Empty;

    /// <summary>The relation read from one side: "above" from the later context, "below" from the earlier one.</summary>
    public static string Reading(this Catalogue.Core.Excavation.Stratigraphy.StratigraphicRelationType type, bool fromSide) => (type, fromSide) switch
    {
        (Catalogue.Core.Excavation.Stratigraphy.StratigraphicRelationType.Above, true) => "above",
        (Catalogue.Core.Excavation.Stratigraphy.StratigraphicRelationType.Above, false) => "below",
        (Catalogue.Core.Excavation.Stratigraphy.StratigraphicRelationType.Cuts, true) => "cuts",
        (Catalogue.Core.Excavation.Stratigraphy.StratigraphicRelationType.Cuts, false) => "cut by",
        (Catalogue.Core.Excavation.Stratigraphy.StratigraphicRelationType.Fills, true) => "fills",
        (Catalogue.Core.Excavation.Stratigraphy.StratigraphicRelationType.Fills, false) => "filled by",
        (Catalogue.Core.Excavation.Stratigraphy.StratigraphicRelationType.Abuts, true) => "abuts",
        (Catalogue.Core.Excavation.Stratigraphy.StratigraphicRelationType.Abuts, false) => "abutted by",
        _ => "same as",
    };

    /// <summary>
    /// Copies a command's errors to ModelState under the form's prefix. An error about something the form did not
    /// post (the record's status, say: "LN-2019-0001 is returned; its record is closed") has no field to stand beside,
    /// so it goes to the summary with the record-level errors instead of going unseen.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            var key = string.IsNullOrEmpty(error.Field) || error.Field.Contains('.', StringComparison.Ordinal)
                ? string.Empty
                : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(modelState.ContainsKey(key) ? key : string.Empty, error.Message);
        }
    }

    /// <summary>
    /// A period and a dating as written, on one line, without the period twice when the dating begins with it
    /// ("Lý dynasty, 11th–13th century", not "Lý dynasty Lý dynasty, 11th–13th century").
    /// </summary>
    public static string DatingLine(string? period, string? dating)
    {
        if (string.IsNullOrWhiteSpace(dating))
            return period ?? string.Empty;
        return string.IsNullOrWhiteSpace(period) || dating.StartsWith(period, StringComparison.CurrentCultureIgnoreCase) ? dating : $"{period} · {dating}";
    }

    /// <summary>
    /// A recorded field's name as the change history shows it: in words and in the reader's language where the pages
    /// have them ("AccessionDate" as "Accession date", "Dimensions.Width" as "Dimensions · Width", "Title.Vi" as
    /// "Title · vi"); a name that is more than a field ("step 1: MinutesSpent") as it was recorded.
    /// </summary>
    public static string FieldLabel(string field, Microsoft.Extensions.Localization.IStringLocalizer l) =>
        field.Length == 0 || !field.All(c => char.IsAsciiLetter(c) || c == '.')
            ? field
            : string.Join(" · ", field.Split('.', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Length == 2 ? part.ToLowerInvariant() : l[FieldNames.Words(part)].Value));

    /// <summary>
    /// A recorded value as the change history shows it: a value of a field that holds a choice (a publication status,
    /// a condition, a context type) named in the reader's language; anything else as it was recorded, since a word
    /// someone typed ("Good" in a title) is not to be translated. "—" for none.
    /// </summary>
    public static string FieldValue(string field, string? value, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        if (value is null)
            return "—";
        var name = field[(field.LastIndexOf('.') + 1)..];
        return ChoiceFields.Value.TryGetValue(name, out var choices) && choices.Contains(value) && l[value] is { ResourceNotFound: false } text
            ? text.Value
            : value;
    }

    /// <summary>Every property of the catalogue's records that holds an enum value, with the names its values may take.</summary>
    private static readonly Lazy<Dictionary<string, HashSet<string>>> ChoiceFields = new(() =>
        typeof(Catalogue.Core.Artifacts.Artifact).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            .Select(p => (p.Name, Type: Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .Where(p => p.Type.IsEnum)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => Enum.GetNames(p.Type)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));

    /// <summary>
    /// A journey line in the reader's language: its template translated (one with nothing to translate, such as
    /// "{0}, {1}", is its own text), conditions and purposes named, an exhibition's title in the reader's language.
    /// </summary>
    public static string Line(this Catalogue.Core.Conservation.JourneyEvent journeyEvent, Microsoft.Extensions.Localization.IStringLocalizer l) =>
        l[journeyEvent.Template, [.. journeyEvent.Values.Select(value => value switch
        {
            Enum named => l[named.ToString()].Value,
            LocalizedText text => text.Text(),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value ?? string.Empty,
        })]].Value;

    /// <summary>An object's dimensions on one line, each named in the reader's language ("Longueur 41 × Largeur 24.7 cm").</summary>
    public static string Line(this Catalogue.Core.Artifacts.Dimensions dimensions, Microsoft.Extensions.Localization.IStringLocalizer l) =>
        dimensions.HasAny
            ? $"{string.Join(" × ", dimensions.Given().Select(d => $"{l[d.Name].Value} {d.Value.ToString("0.###", CultureInfo.InvariantCulture)}"))} {dimensions.Unit}"
            : string.Empty;

    /// <summary>"1 object" or "3 objects": the singular text when the count is one.</summary>
    public static Microsoft.Extensions.Localization.LocalizedString Count(this Microsoft.Extensions.Localization.IStringLocalizer l, int count, string one, string many) =>
        l[count == 1 ? one : many, count];

    /// <summary>"1 object" or "3 objects", for a page: the singular text when the count is one.</summary>
    public static Microsoft.AspNetCore.Mvc.Localization.LocalizedHtmlString Count(this Microsoft.AspNetCore.Mvc.Localization.IHtmlLocalizer l, int count, string one, string many) =>
        l[count == 1 ? one : many, count];

    /// <summary>A location in a list of choices: indented by its depth, its code and name.</summary>
    public static string OptionText(this Catalogue.Core.Locations.LocationNode node) => $"{new string(' ', node.Depth * 2)}{node.Code} · {node.Name}";
}
