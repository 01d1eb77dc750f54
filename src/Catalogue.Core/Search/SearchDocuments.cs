using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Catalogue.Core.Search;

/// <summary>Turns a <see cref="SearchRecord"/> into the Lucene document the index holds.</summary>
public static class SearchDocuments
{
    public static Document Build(SearchRecord record)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Key, record.Key, Field.Store.YES),
            new StringField(SearchFields.Type, record.Type.ToString().ToLowerInvariant(), Field.Store.YES),
            new StoredField(SearchFields.Number, record.Number),
            new StoredField("s_status", record.Status),
            new StringField(SearchFields.Ids, record.Number.ToLowerInvariant(), Field.Store.NO),
            new SortedDocValuesField(SearchFields.SortNumber, new BytesRef(record.Number.ToUpperInvariant())),
            new NumericDocValuesField(SearchFields.SortYear, record.EarliestYear ?? record.LatestYear ?? int.MaxValue),
        };

        var titles = Join(record.Title.Vi, record.Title.Fr, record.Title.En);
        var descriptions = Join(record.Description.Vi, record.Description.Fr, record.Description.En);
        var inscription = Join(record.Inscription, record.InscriptionTranslation.Vi, record.InscriptionTranslation.Fr, record.InscriptionTranslation.En);
        var all = Join(titles, descriptions, inscription, Join([.. record.TermLabels]), record.DatingText);
        AddText(doc, SearchFields.Text, all);
        AddText(doc, SearchFields.Title, titles);
        AddText(doc, SearchFields.Inscription, inscription);
        AddText(doc, SearchFields.Staff, record.StaffText);
        Store(doc, SearchFields.StoredStaff, record.StaffText);

        Store(doc, SearchFields.StoredTitleVi, record.Title.Vi);
        Store(doc, SearchFields.StoredTitleFr, record.Title.Fr);
        Store(doc, SearchFields.StoredTitleEn, record.Title.En);
        Store(doc, SearchFields.StoredDescription, descriptions);
        Store(doc, SearchFields.StoredInscription, inscription);
        Store(doc, SearchFields.StoredDating, record.DatingText);

        if (record.EarliestYear is { } from)
            doc.Add(new Int32Field(SearchFields.YearFrom, from, Field.Store.NO));
        if ((record.LatestYear ?? record.EarliestYear) is { } to)
            doc.Add(new Int32Field(SearchFields.YearTo, to, Field.Store.NO));
        if (record.EarliestYear is null && record.LatestYear is { } onlyTo)
            doc.Add(new Int32Field(SearchFields.YearFrom, onlyTo, Field.Store.NO));

        Facet(doc, SearchFields.ObjectType, record.ObjectType);
        foreach (var material in record.Materials.Distinct(StringComparer.Ordinal))
            Facet(doc, SearchFields.Material, material);
        Facet(doc, SearchFields.Period, record.Period);
        Facet(doc, SearchFields.Site, record.Site);
        Facet(doc, SearchFields.Condition, record.Condition);
        Facet(doc, SearchFields.Status, record.Status);
        Facet(doc, SearchFields.HasImage, record.HasImage ? "yes" : "no");
        return doc;
    }

    private static void AddText(Document doc, string field, string? text)
    {
        if (!string.IsNullOrEmpty(text))
            doc.Add(new TextField(field, text, Field.Store.NO));
    }

    private static void Store(Document doc, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            doc.Add(new StoredField(field, value));
    }

    /// <summary>A facet value is indexed (to filter on) and kept in the shared SortedSet doc values (to count).</summary>
    private static void Facet(Document doc, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        var normalized = value.ToLowerInvariant();
        doc.Add(new StringField(field, normalized, Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(SearchFields.FacetValues, new BytesRef(field + SearchFields.FacetSeparator + normalized)));
    }

    // A paragraph break between parts keeps snippets from running one language into the next.
    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join("\n", present);
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
