using System.Globalization;
using Catalogue.Core.Common;
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
        var fields = new DocumentFields();
        Describe(record, fields);
        return fields.Document;
    }

    /// <summary>
    /// Tells <paramref name="into"/> every field of the record's document, in order: the one description both a Lucene
    /// <see cref="Document"/> (<see cref="Build"/>) and a rebuild's <see cref="SegmentBuffer"/> are made from.
    /// </summary>
    internal static void Describe(SearchRecord record, IDocumentFields into)
    {
        into.Keyword(SearchFields.Key, record.Key, stored: true);
        into.Keyword(SearchFields.Type, record.Type.ToString().ToLowerInvariant(), stored: true);
        into.Stored(SearchFields.Number, record.Number);
        into.Stored("s_status", record.Status);
        into.Keyword(SearchFields.Ids, record.Number.ToLowerInvariant(), stored: false);
        into.Sorted(SearchFields.SortNumber, record.Number.ToUpperInvariant());
        into.Numeric(SearchFields.SortYear, record.EarliestYear ?? record.LatestYear ?? int.MaxValue);

        var titles = Join(record.Title.Vi, record.Title.Fr, record.Title.En);
        var descriptions = Join(record.Description.Vi, record.Description.Fr, record.Description.En);
        var inscription = Join(record.Inscription, record.InscriptionTranslation.Vi, record.InscriptionTranslation.Fr, record.InscriptionTranslation.En);
        var all = Join(titles, descriptions, inscription, Join([.. record.TermLabels]), record.DatingText);
        Analyzed(into, SearchFields.Text, all);
        Analyzed(into, SearchFields.Title, titles);
        Analyzed(into, SearchFields.Inscription, inscription);
        Analyzed(into, SearchFields.Staff, record.StaffText);
        Store(into, SearchFields.StoredStaff, record.StaffText);

        Store(into, SearchFields.StoredTitleVi, record.Title.Vi);
        Store(into, SearchFields.StoredTitleFr, record.Title.Fr);
        Store(into, SearchFields.StoredTitleEn, record.Title.En);
        foreach (var language in LocalizedText.Languages)
            Store(into, SearchFields.StoredDescription(language), record.Description[language]);
        Store(into, SearchFields.StoredInscription, inscription);
        Store(into, SearchFields.StoredDating, record.DatingText);

        if (record.EarliestYear is { } from)
            into.Year(SearchFields.YearFrom, from);
        if ((record.LatestYear ?? record.EarliestYear) is { } to)
            into.Year(SearchFields.YearTo, to);
        if (record.EarliestYear is null && record.LatestYear is { } onlyTo)
            into.Year(SearchFields.YearFrom, onlyTo);

        Facet(into, SearchFields.ObjectType, record.ObjectType);
        foreach (var material in record.Materials.Distinct(StringComparer.Ordinal))
            Facet(into, SearchFields.Material, material);
        Facet(into, SearchFields.Period, record.Period);
        Facet(into, SearchFields.Site, record.Site);
        Facet(into, SearchFields.Condition, record.Condition);
        Facet(into, SearchFields.Status, record.Status);
        Facet(into, SearchFields.HasImage, record.HasImage ? "yes" : "no");
    }

    private static void Analyzed(IDocumentFields into, string field, string? text)
    {
        if (!string.IsNullOrEmpty(text))
            into.Text(field, text);
    }

    private static void Store(IDocumentFields into, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            into.Stored(field, value);
    }

    /// <summary>A facet value is indexed (to filter on) and kept in the shared SortedSet doc values (to count).</summary>
    private static void Facet(IDocumentFields into, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        var normalized = value.ToLowerInvariant();
        into.Keyword(field, normalized, stored: false);
        into.SortedSet(SearchFields.FacetValues, field + SearchFields.FacetSeparator + normalized);
    }

    /// <summary>The fields as Lucene's own field classes, in a <see cref="Document"/>.</summary>
    private sealed class DocumentFields : IDocumentFields
    {
        public Document Document { get; } = [];

        public void Keyword(string field, string value, bool stored) =>
            Document.Add(new Keyword(field, value, stored ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED));

        public void Stored(string field, string value) => Document.Add(new StoredField(field, value));

        public void Text(string field, string text) => Document.Add(new Text(field, text));

        public void Year(string field, int year) => Document.Add(new Year(field, year));

        public void SortedSet(string field, string value) => Document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));

        public void Sorted(string field, string value) => Document.Add(new SortedDocValuesField(field, new BytesRef(value)));

        public void Numeric(string field, long value) => Document.Add(new NumericDocValuesField(field, value));
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
