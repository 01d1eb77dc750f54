using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Catalogue.Core.Search;

/// <summary>
/// The classic query syntax (phrases, AND/OR/NOT, field:value, wildcards) over the catalogue's logical fields.
/// A word in the default field searches the exact field (boosted, so the query's own diacritics rank first), the
/// folded field, and for staff the staff-only text; a word shaped like an accession number searches the numbers
/// whole and by prefix. Field names people may type: title, inscription, accession (or number), year, and the facets.
/// </summary>
internal sealed partial class SearchQueryParser : QueryParser
{
    public const string DefaultField = "text";
    private const float ExactBoost = 4f;
    private const float TitleBoost = 1.5f;
    private const float StaffBoost = 0.5f;

    private static readonly Dictionary<string, (string Exact, string Folded)> TextFields = new(StringComparer.OrdinalIgnoreCase)
    {
        [DefaultField] = (SearchFields.TextExact, SearchFields.TextFolded),
        ["title"] = (SearchFields.TitleExact, SearchFields.TitleFolded),
        ["inscription"] = (SearchFields.InscriptionExact, SearchFields.InscriptionFolded),
    };

    private readonly bool _staff;

    public SearchQueryParser(bool staff)
        : base(SearchAnalysis.Version, DefaultField, SearchAnalysis.PerField)
    {
        _staff = staff;
        DefaultOperator = AND_OPERATOR;
        AutoGeneratePhraseQueries = true; // "HD18-0042" and CJK runs become phrases, not any-of-the-pieces
        AllowLeadingWildcard = false;
    }

    /// <summary>What the parser had to reinterpret (an unknown field, say), for the page to tell the user.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>True for a whole or partial accession number: "TL.", "TL.2023.", "TL.2023.0142".</summary>
    public static bool IsAccessionPrefix(string text) => AccessionPrefix().IsMatch(text);

    // The index's own field names pass straight to the classic parser (it calls back into these for phrases).
    private static readonly HashSet<string> IndexFields =
    [
        SearchFields.TextExact, SearchFields.TextFolded, SearchFields.TitleExact, SearchFields.TitleFolded,
        SearchFields.InscriptionExact, SearchFields.InscriptionFolded, SearchFields.StaffFolded,
    ];

    protected override Query GetFieldQuery(string field, string queryText, bool quoted) =>
        IndexFields.Contains(field)
            ? base.GetFieldQuery(field, queryText, quoted)
            : Expand(field, queryText, (f, t) => base.GetFieldQuery(f, t, quoted));

    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        IndexFields.Contains(field)
            ? base.GetFieldQuery(field, queryText, slop)
            : Expand(field, queryText, (f, t) => base.GetFieldQuery(f, t, slop));

    protected override Query GetPrefixQuery(string field, string termStr) =>
        MultiTerm(field, termStr, (f, t) => new PrefixQuery(new Term(f, t)));

    protected override Query GetWildcardQuery(string field, string termStr)
    {
        // A leading wildcard would walk every term of the index: refused, as the classic parser does.
        if (termStr.StartsWith('*') || termStr.StartsWith('?'))
            throw new ParseException("a word cannot start with * or ?");
        return MultiTerm(field, termStr, (f, t) => new WildcardQuery(new Term(f, t)));
    }

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        MultiTerm(field, termStr, (f, t) => base.GetFuzzyQuery(f, t, minSimilarity));

    protected override Query GetRegexpQuery(string field, string termStr) =>
        MultiTerm(field, termStr, (f, t) => new RegexpQuery(new Term(f, t)));

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (string.Equals(field, "year", StringComparison.OrdinalIgnoreCase))
            return YearOverlap(ParseYear(part1), ParseYear(part2));
        if (Resolve(field) is { Keyword: { } keyword })
            return TermRangeQuery.NewStringRange(keyword, part1?.ToLowerInvariant(), part2?.ToLowerInvariant(), startInclusive, endInclusive);
        Notes.Add($"A range needs the field year (e.g. year:[1000 TO 1200]); \"{field}\" has none, so it was left out.");
        return new BooleanQuery();
    }

    /// <summary>Records whose dating overlaps [from, to]: they start before the range ends and end after it starts.</summary>
    public static Query YearOverlap(int? from, int? to)
    {
        var query = new BooleanQuery
        {
            { NumericRangeQuery.NewInt32Range(SearchFields.YearFrom, null, to, true, true), Occur.MUST },
            { NumericRangeQuery.NewInt32Range(SearchFields.YearTo, from, null, true, true), Occur.MUST },
        };
        return query;
    }

    private Query Expand(string field, string text, Func<string, string, Query?> analyzed)
    {
        switch (Resolve(field))
        {
            case { Keyword: { } keyword }:
                return new TermQuery(new Term(keyword, text.ToLowerInvariant()));
            case { Ids: true }:
                return Identifier(text);
            case { Year: true }:
                var year = ParseYear(text);
                return YearOverlap(year, year);
        }

        var (exact, folded) = TextFields.TryGetValue(field, out var pair) ? pair : TextFields[DefaultField];
        var isDefault = string.Equals(exact, SearchFields.TextExact, StringComparison.Ordinal);
        if (isDefault && IsAccessionPrefix(text))
            return Identifier(text);

        var query = new BooleanQuery(disableCoord: false);
        AddShould(query, analyzed(exact, text), ExactBoost);
        AddShould(query, analyzed(folded, text), 1f);
        if (isDefault)
        {
            AddShould(query, analyzed(SearchFields.TitleFolded, text), TitleBoost);
            if (_staff)
                AddShould(query, analyzed(SearchFields.StaffFolded, text), StaffBoost);
            if (LooksLikeIdentifier(text))
                AddShould(query, new PrefixQuery(new Term(SearchFields.Ids, text.ToLowerInvariant())), ExactBoost * 2);
        }

        return query.Clauses.Count == 0 ? null! : query;
    }

    private Query MultiTerm(string field, string text, Func<string, string, Query> build)
    {
        switch (Resolve(field))
        {
            case { Keyword: { } keyword }:
                return build(keyword, text.ToLowerInvariant());
            case { Ids: true }:
                return build(SearchFields.Ids, text.ToLowerInvariant());
            case { Year: true }:
                Notes.Add("Wildcards do not apply to years; use a range such as year:[1000 TO 1200].");
                return new BooleanQuery();
        }

        var (_, folded) = TextFields.TryGetValue(field, out var pair) ? pair : TextFields[DefaultField];
        if (folded == SearchFields.TextFolded && IsAccessionPrefix(text.TrimEnd('*')))
            return build(SearchFields.Ids, text.ToLowerInvariant());
        var foldedText = SearchAnalysis.FoldWord(text);
        var query = new BooleanQuery { { build(folded, foldedText), Occur.SHOULD } };
        if (folded == SearchFields.TextFolded && _staff)
            query.Add(build(SearchFields.StaffFolded, foldedText), Occur.SHOULD);
        return query;
    }

    private static BooleanQuery Identifier(string text)
    {
        var lower = text.ToLowerInvariant();
        return new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.Ids, lower)) { Boost = 10f }, Occur.SHOULD },
            { new PrefixQuery(new Term(SearchFields.Ids, lower)), Occur.SHOULD },
        };
    }

    private static void AddShould(BooleanQuery query, Query? clause, float boost)
    {
        if (clause is null)
            return;
        clause.Boost *= boost;
        query.Add(clause, Occur.SHOULD);
    }

    private sealed record Target(string? Keyword = null, bool Ids = false, bool Year = false);

    private Target? Resolve(string field)
    {
        if (TextFields.ContainsKey(field))
            return null;
        var name = field.ToLowerInvariant();
        if (name is "accession" or "number" or "ids")
            return new Target(Ids: true);
        if (name is "year" or "date")
            return new Target(Year: true);
        var facet = name switch
        {
            "objecttype" or "object_type" => SearchFields.ObjectType,
            "hasimage" => SearchFields.HasImage,
            _ => name,
        };
        if (SearchFields.IsFacet(facet) && (_staff || Array.IndexOf(SearchFields.PublicFacets, facet) >= 0))
            return new Target(Keyword: facet);
        Notes.Add($"There is no field \"{field}\" to search; its words were searched everywhere instead.");
        return null;
    }

    private int? ParseYear(string? text)
    {
        if (text is null or "*")
            return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year))
            return year;
        Notes.Add($"\"{text}\" is not a year; it was left out of the range.");
        return null;
    }

    private static bool LooksLikeIdentifier(string text) =>
        text.Any(char.IsDigit) && text.IndexOfAny(['.', '-', '/']) > 0;

    [GeneratedRegex(@"^[A-Za-z]{1,6}\.([0-9]{1,4}(\.([0-9]{1,6}(\.[0-9]{0,4})?)?)?)?$")]
    private static partial Regex AccessionPrefix();
}
