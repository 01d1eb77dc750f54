using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Catalogue.Web.Tests.Infrastructure;

/// <summary>
/// A form as a browser would submit it: the values the page rendered (hidden fields, selected options,
/// checked boxes, the antiforgery token) with the fields a test changes. Only names the form really has
/// can be set, so a renamed field fails the test instead of being silently ignored by model binding.
/// </summary>
public sealed class HtmlForm
{
    public const string TokenField = "__RequestVerificationToken";

    private readonly List<KeyValuePair<string, string>> values;
    private readonly HashSet<string> names;
    private readonly Dictionary<string, List<string>> choices;

    private HtmlForm(Uri action, List<KeyValuePair<string, string>> values, HashSet<string> names, Dictionary<string, List<string>> choices)
    {
        Action = action;
        this.values = values;
        this.names = names;
        this.choices = choices;
    }

    /// <summary>Where the form posts to (its action, or the page it is on).</summary>
    public Uri Action { get; }

    public string? AntiforgeryToken => Value(TokenField);

    public IReadOnlyList<KeyValuePair<string, string>> Values => values;

    public static HtmlForm From(IDocument page, Uri pageUri, string selector)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement
            ?? throw new AssertionException($"No form matches '{selector}' on {pageUri}.");
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUri : new Uri(pageUri, form.GetAttribute("action"));
        var values = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var choices = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
                continue;
            names.Add(name);
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    ChoicesOf(name).Add(input.Value);
                    if (input.IsChecked)
                        values.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    values.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    ChoicesOf(name).AddRange(select.Options.Select(o => o.Value));
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (chosen is not null)
                        values.Add(new(name, chosen.Value));
                    break;
            }
        }

        return new HtmlForm(action, values, names, choices);

        List<string> ChoicesOf(string name) => choices.TryGetValue(name, out var list) ? list : choices[name] = [];
    }

    /// <summary>The values a select or a group of checkboxes offers, empty values left out.</summary>
    public IReadOnlyList<string> Choices(string name) =>
        choices.TryGetValue(name, out var list) ? list.Where(v => v.Length > 0).ToList()
            : throw new AssertionException($"The form posting to {Action} has no select or checkboxes named '{name}'.");

    public string? Value(string name) => values.Where(v => v.Key == name).Select(v => v.Value).FirstOrDefault();

    /// <summary>Replaces every value of a field (several values for a group of checkboxes).</summary>
    public HtmlForm Set(string name, params string[] newValues)
    {
        if (!names.Contains(name))
            throw new AssertionException($"The form posting to {Action} has no field named '{name}'. It has: {string.Join(", ", names.Order())}.");
        values.RemoveAll(v => v.Key == name);
        values.AddRange(newValues.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public HtmlForm Remove(string name)
    {
        values.RemoveAll(v => v.Key == name);
        return this;
    }

    public FormUrlEncodedContent ToContent() => new(values);
}
