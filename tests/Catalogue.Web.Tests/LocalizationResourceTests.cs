using System.Security;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Audit;
using Catalogue.Core.Conservation;
using Catalogue.Core.Excavation;
using Catalogue.Core.Excavation.Stratigraphy;
using Catalogue.Web.Infrastructure;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;

namespace Catalogue.Web.Tests;

/// <summary>
/// Every text the pages look up by its English wording is a key of Resources/SharedResource.resx, so translators
/// see every string and a missing one shows up here rather than as an untranslated word on a French page.
/// </summary>
public sealed partial class LocalizationResourceTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "Catalogue.Web");

    [Test]
    public void Every_literal_looked_up_in_the_pages_is_a_resource_key()
    {
        var missing = LiteralsInPages().Except(ResourceKeys(), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.That(missing, Is.Empty, "Add these to src/Catalogue.Web/Resources/SharedResource.resx:\n" + string.Join("\n", missing.Select(DataElement)));
    }

    [Test]
    public void Every_enum_value_role_and_dimension_shown_through_the_localizer_is_a_resource_key()
    {
        var shownByName = Enum.GetNames<PublicationStatus>()
            .Concat(Enum.GetNames<AuditAction>())
            .Concat(Enum.GetNames<Vocabulary>())
            .Concat(Enum.GetNames<ContextType>())
            .Concat(Enum.GetNames<FindStatus>())
            .Concat(Enum.GetNames<AreaKind>())
            .Concat(Enum.GetNames<OverallCondition>())
            .Concat(Enum.GetNames<ConservationPriority>())
            .Concat(Enum.GetNames<ConditionCheckPurpose>())
            .Concat(Enum.GetNames<DamageSeverity>())
            .Concat(Enum.GetNames<TreatmentStatus>())
            .Concat(Enum.GetNames<TreatmentReviewDecision>())
            .Concat(Enum.GetNames<JourneyEventKind>())
            .Concat(Enum.GetValues<StratigraphicRelationType>().SelectMany(t => new[] { t.Reading(true), t.Reading(false) }))
            .Concat(StratigraphicRelationChoices.All.Select(c => c.Phrase()))
            .Concat(Roles.All)
            .Concat(Catalogue.Web.Pages.Conservation.AmendmentSections.TreatmentTexts).Concat(Catalogue.Web.Pages.Conservation.AmendmentSections.OfReport)
            .Concat(new Dimensions { Length = 1, Width = 1, Height = 1, Diameter = 1, Thickness = 1, Unit = "cm" }.Given().Select(d => d.Name));

        var missing = shownByName.Except(ResourceKeys(), StringComparer.Ordinal).ToList();

        Assert.That(missing, Is.Empty, "Add these to src/Catalogue.Web/Resources/SharedResource.resx:\n" + string.Join("\n", missing.Select(DataElement)));
    }

    [Test]
    public void No_two_resource_keys_differ_only_in_case()
    {
        // Resource names are case-insensitive: the build keeps one of the two and drops the other with a warning.
        var clashes = ResourceKeys().GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g));

        Assert.That(clashes, Is.Empty);
    }

    [Test]
    public void The_pages_literals_were_found_at_all()
    {
        // Guards the two tests above against a pattern that silently stops matching.
        Assert.That(LiteralsInPages(), Does.Contain("Sign in").And.Contain("Page {0} of {1}").And.Contain("Email is required."));
    }

    [Test]
    public void The_app_finds_every_key_in_the_compiled_resources_with_an_english_value()
    {
        var unresolved = AppLocalizer.In("en", localizer => ResourceKeys().Where(k => localizer[k] is { ResourceNotFound: true } or { Value.Length: 0 }).ToList());

        Assert.That(unresolved, Is.Empty, "keys in the .resx that the app's localizer cannot find");
    }

    [TestCase("vi")]
    [TestCase("fr")]
    public void Every_key_has_a_translation_with_the_same_placeholders(string language)
    {
        var english = Entries(null);
        var translated = Entries(language);

        Assert.Multiple(() =>
        {
            Assert.That(english.Keys.Except(translated.Keys).Order(StringComparer.Ordinal), Is.Empty, $"keys with no {language} translation");
            Assert.That(translated.Keys.Except(english.Keys).Order(StringComparer.Ordinal), Is.Empty, $"{language} translations of keys the pages no longer use");
            foreach (var (key, value) in translated.Where(t => english.ContainsKey(t.Key)))
            {
                Assert.That(value.Trim(), Is.Not.Empty, $"the {language} translation of '{key}'");
                Assert.That(Placeholders(value), Is.EqualTo(Placeholders(english[key])), $"the placeholders of the {language} translation of '{key}'");
                // A resource's text is written into the page as it is (only its arguments are encoded).
                Assert.That(value.IndexOfAny(['<', '>', '&']), Is.EqualTo(-1), $"the {language} translation of '{key}' holds markup");
            }
        });
    }

    [TestCase("vi")]
    [TestCase("fr")]
    public void The_app_finds_the_translations_in_the_compiled_resources(string language)
    {
        var translated = Entries(language);
        var wrong = AppLocalizer.In(language, localizer => translated.Where(t => localizer[t.Key].Value != t.Value).Select(t => t.Key).ToList());

        Assert.That(wrong, Is.Empty, $"keys the app's localizer does not answer with their {language} translation");
    }

    private static Dictionary<string, string> Entries(string? language)
    {
        var path = Path.Combine(WebProject, "Resources", language is null ? "SharedResource.resx" : $"SharedResource.{language}.resx");
        Assert.That(File.Exists(path), Is.True, $"{path} is missing");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    private static HashSet<string> LiteralsInPages()
    {
        var pages = Path.Combine(WebProject, "Pages");
        var views = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => ViewLookup().Matches(File.ReadAllText(f)));
        var models = Directory.EnumerateFiles(pages, "*.cshtml.cs", SearchOption.AllDirectories)
            .SelectMany(f => ModelLookup().Matches(File.ReadAllText(f)));
        return views.Concat(models).Select(m => Regex.Unescape(m.Groups["text"].Value)).ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> ResourceKeys()
    {
        var path = Path.Combine(WebProject, "Resources", "SharedResource.resx");
        Assert.That(File.Exists(path), Is.True, $"{path} is missing");
        return XDocument.Load(path).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string DataElement(string key)
    {
        var escaped = SecurityElement.Escape(key);
        return $"""  <data name="{escaped}" xml:space="preserve"><value>{escaped}</value></data>""";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Catalogue.sln")))
                return directory.FullName;
        }

        throw new AssertionException($"No Catalogue.sln above {TestContext.CurrentContext.TestDirectory}.");
    }

    // L["text"] in views (the injected IHtmlLocalizer) and l["text"] in page models (IStringLocalizer).
    [GeneratedRegex(@"\b[LS]\[""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex ViewLookup();

    [GeneratedRegex(@"\bl\[""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex ModelLookup();
}
