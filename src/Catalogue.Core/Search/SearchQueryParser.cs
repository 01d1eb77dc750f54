using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Catalogue.Core.Search;

/// <summary>
/// The classic query syntax (phrases, AND/OR/NOT, field:value, wildcards) over the catalogue's logical fields.
/// A word matches its folded form, and its form as typed is boosted, so records carrying the query's own diacritics
/// rank first; staff also search the staff-only text; a word shaped like an accession number searches the numbers
/// whole and by prefix. Field names people may type: title, inscription, accession (or number), year, and the facets.
/// </summary>
internal sealed partial class SearchQueryParser : QueryParser
{
    public const string DefaultField = SearchFields.Text;
    private const float ExactBoost = 4f;
    private const float StaffBoost = 0.5f;

    private static readonly HashSet<string> TextFields = new(StringComparer.OrdinalIgnoreCase)
    {
        SearchFields.Text, SearchFields.Title, SearchFields.Inscription,
    };

    public const string RegexRefused = "regular expressions between slashes are not searched; use * or ? inside a word instead";
    public const string LeadingWildcardRefused = "a word cannot start with * or ?";

    private readonly bool _staff;

    public SearchQueryParser(bool staff)
        : base(SearchAnalysis.Version, DefaultField, SearchAnalysis.Folded)
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

    protected override Query GetFieldQuery(string field, string queryText, bool quoted) => Expand(field, queryText, quoted, slop: null);

    protected override Query GetFieldQuery(string field, string queryText, int slop) => Expand(field, queryText, quoted: true, slop);

    protected override Query GetPrefixQuery(string field, string termStr) =>
        MultiTerm(field, termStr, (f, t) => new PrefixQuery(new Term(f, t)));

    protected override Query GetWildcardQuery(string field, string termStr)
    {
        // A leading wildcard would walk every term of the index: refused, as the classic parser does.
        if (termStr.StartsWith('*') || termStr.StartsWith('?'))
            throw new ParseException(LeadingWildcardRefused);
        return MultiTerm(field, termStr, (f, t) => new WildcardQuery(new Term(f, t)));
    }

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        MultiTerm(field, termStr, (f, t) => base.GetFuzzyQuery(f, t, minSimilarity));

    /// <summary>
    /// Regular expressions are not searched: a malformed one cannot be built, and a well-formed one such as /a{99999}/
    /// can take a core for half a minute to build, which anyone could ask of the public search. The words are searched.
    /// </summary>
    protected override Query GetRegexpQuery(string field, string termStr) =>
        throw new ParseException(RegexRefused);

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (string.Equals(field, "year", StringComparison.OrdinalIgnoreCase) || string.Equals(field, "date", StringComparison.OrdinalIgnoreCase))
            return YearOverlap(ParseYear(part1), ParseYear(part2));
        if (Resolve(field) is { Keyword: { } keyword })
            return TermRangeQuery.NewStringRange(keyword, part1?.ToLowerInvariant(), part2?.ToLowerInvariant(), startInclusive, endInclusive);
        Notes.Add($"A range needs the field year (e.g. year:[1000 TO 1200]); \"{field}\" has none, so it was left out.");
        return new BooleanQuery();
    }

    /// <summary>Records whose dating overlaps [from, to]: they start before the range ends and end after it starts.</summary>
    public static Query YearOverlap(int? from, int? to) => new BooleanQuery
    {
        { NumericRangeQuery.NewInt32Range(SearchFields.YearFrom, null, to, true, true), Occur.MUST },
        { NumericRangeQuery.NewInt32Range(SearchFields.YearTo, from, null, true, true), Occur.MUST },
    };

    private Query Expand(string field, string text, bool quoted, int? slop)
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

        var target = TextFields.Contains(field) ? field.ToLowerInvariant() : DefaultField;
        var isDefault = target == DefaultField;
        if (isDefault && IsAccessionPrefix(text))
            return Identifier(text);

        var query = new BooleanQuery();
        AddWords(query, target, text, quoted, slop, 1f);
        if (isDefault && _staff)
            AddWords(query, SearchFields.Staff, text, quoted, slop, StaffBoost);
        if (isDefault && LooksLikeIdentifier(text))
            Add(query, new PrefixQuery(new Term(SearchFields.Ids, text.ToLowerInvariant())), ExactBoost * 2);
        return query.Clauses.Count == 0 ? null! : query;
    }

    /// <summary>
    /// The folded words are required (they match whatever the diacritics); the words as typed only add to the score
    /// (the query's own tones rank first). Every word is indexed folded too, so the optional part never widens the
    /// matches, and the search walks one list of documents per word rather than a union of two.
    /// </summary>
    private void AddWords(BooleanQuery query, string field, string text, bool quoted, int? slop, float boost)
    {
        if (Analyzed(SearchAnalysis.Folded, field, text, quoted, slop) is not { } folded)
            return;
        var words = new BooleanQuery { { folded, Occur.MUST } };
        Add(words, Analyzed(SearchAnalysis.Exact, field, text, quoted, slop), ExactBoost);
        Add(query, words, boost);
    }

    private Query? Analyzed(Analyzer analyzer, string field, string text, bool quoted, int? slop)
    {
        var query = NewFieldQuery(analyzer, field, text, quoted || slop is not null);
        switch (query)
        {
            case PhraseQuery phrase when slop is { } s:
                phrase.Slop = s;
                break;
            case MultiPhraseQuery multi when slop is { } s:
                multi.Slop = s;
                break;
        }

        return query;
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

        var target = TextFields.Contains(field) ? field.ToLowerInvariant() : DefaultField;
        if (target == DefaultField && IsAccessionPrefix(text.TrimEnd('*')))
            return build(SearchFields.Ids, text.ToLowerInvariant());
        var folded = SearchAnalysis.FoldWord(text);
        var query = new BooleanQuery { { build(target, folded), Occur.SHOULD } };
        if (target == DefaultField && _staff)
            query.Add(build(SearchFields.Staff, folded), Occur.SHOULD);
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

    private static void Add(BooleanQuery query, Query? clause, float boost)
    {
        if (clause is null)
            return;
        clause.Boost *= boost;
        query.Add(clause, Occur.SHOULD);
    }

    private sealed record Target(string? Keyword = null, bool Ids = false, bool Year = false);

    private Target? Resolve(string field)
    {
        if (TextFields.Contains(field))
            return null;
        var name = field.ToLowerInvariant();
        if (name is "accession" or "number" or "ids")
            return new Target(Ids: true);
        if (name is "year" or "date")
            return new Target(Year: true);
        var facet = name switch
        {
            "objecttype" or "object_type" => SearchFields.ObjectType,
            "hasimage" or "image" => SearchFields.HasImage,
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
