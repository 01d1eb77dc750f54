using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
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
            new Keyword(SearchFields.Key, record.Key, StringField.TYPE_STORED),
            new Keyword(SearchFields.Type, record.Type.ToString().ToLowerInvariant(), StringField.TYPE_STORED),
            new StoredField(SearchFields.Number, record.Number),
            new StoredField("s_status", record.Status),
            new Keyword(SearchFields.Ids, record.Number.ToLowerInvariant(), StringField.TYPE_NOT_STORED),
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
            doc.Add(new Year(SearchFields.YearFrom, from));
        if ((record.LatestYear ?? record.EarliestYear) is { } to)
            doc.Add(new Year(SearchFields.YearTo, to));
        if (record.EarliestYear is null && record.LatestYear is { } onlyTo)
            doc.Add(new Year(SearchFields.YearFrom, onlyTo));

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
            doc.Add(new Text(field, text));
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
        doc.Add(new Keyword(field, normalized, StringField.TYPE_NOT_STORED));
        doc.Add(new SortedSetDocValuesField(SearchFields.FacetValues, new BytesRef(field + SearchFields.FacetSeparator + normalized)));
    }

    // A paragraph break between parts keeps snippets from running one language into the next.
    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join("\n", present);
    }

    /// <summary>
    /// A TextField whose text, when it has no CJK character, is analysed without the CJK bigram filter (the same terms,
    /// for less work on every word): most records have none.
    /// </summary>
    private sealed class Text(string name, string value) : Field(name, value, TextField.TYPE_NOT_STORED)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer) => base.GetTokenStream(
            ReferenceEquals(analyzer, SearchAnalysis.Indexing) && !SearchAnalysis.MayHaveCjk(GetStringValue())
                ? SearchAnalysis.IndexingWithoutCjk
                : analyzer);
    }

    /// <summary>
    /// A StringField whose token stream is the indexing thread's own, reused field after field: Lucene's StringField
    /// makes a new one for every field of every document, and making one takes a lock shared by every indexing thread
    /// (a fifth of a rebuild's time went to waiting for it). The same single term is indexed.
    /// </summary>
    private sealed class Keyword(string name, string value, FieldType type) : Field(name, value, type)
    {
        [ThreadStatic]
        private static OneTerm? t_stream;

        public override TokenStream GetTokenStream(Analyzer analyzer) => (t_stream ??= new OneTerm()).Of(GetStringValue());
    }

    /// <summary>An Int32Field (a year, for range queries) whose numeric token stream is the indexing thread's own, likewise.</summary>
    private sealed class Year : Field
    {
        [ThreadStatic]
        private static NumericTokenStream? t_stream;

        private readonly int _value;

        public Year(string name, int value)
            : base(name, Int32Field.TYPE_NOT_STORED)
        {
            _value = value;
            FieldsData = J2N.Numerics.Int32.GetInstance(value);
        }

        public override TokenStream GetTokenStream(Analyzer analyzer) =>
            (t_stream ??= new NumericTokenStream(Int32Field.TYPE_NOT_STORED.NumericPrecisionStep)).SetInt32Value(_value);
    }

    /// <summary>One term, as Lucene's StringField indexes its value.</summary>
    private sealed class OneTerm : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private string _value = string.Empty;
        private bool _used = true;

        public OneTerm()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public OneTerm Of(string value)
        {
            _value = value;
            _used = true;
            return this;
        }

        public override bool IncrementToken()
        {
            if (_used)
                return false;
            ClearAttributes();
            _term.Append(_value);
            _offset.SetOffset(0, _value.Length);
            _used = true;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_value.Length, _value.Length);
        }

        public override void Reset() => _used = false;
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
