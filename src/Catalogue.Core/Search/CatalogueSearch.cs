using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Catalogue.Core.Common;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Catalogue.Core.Search;

public enum SearchSort
{
    Relevance,
    Number,
    Date,
}

/// <summary>A search as a page or the API asks for it.</summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 100;

    /// <summary>Deeper pages than this are not served (refine the query instead).</summary>
    public const int MaxDepth = 10_000;

    public string? Text { get; init; }

    /// <summary>Facet filters: values of one facet are alternatives, different facets must all match.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Records whose dating overlaps this range.</summary>
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>Anonymous visitors: published artifacts only, public fields and facets only.</summary>
    public bool PublicOnly { get; init; } = true;

    /// <summary>Only these document types (staff); empty means all.</summary>
    public IReadOnlyList<SearchDocumentType> Types { get; init; } = [];

    /// <summary>How many values to count per facet.</summary>
    public int FacetSize { get; init; } = 20;

    /// <summary>
    /// The reader's language (vi, fr or en): a hit's snippet is cut from its description or title in that language
    /// when they hold any of the words sought, and a hit without them starts with that description.
    /// </summary>
    public string? Language { get; init; }
}

public sealed record FacetValue(string Value, int Count);

public sealed record SearchHit(SearchDocumentType Type, int Id, string Number, LocalizedText Title, string Snippet, string? Status, string? Dating, float Score);

/// <summary>One page of hits, the total, the facet counts, and what was wrong with the query if it could not be read.</summary>
public sealed record SearchResults(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? Problem)
{
    public int PageCount => Total == 0 ? 1 : (int)Math.Ceiling(Total / (double)PageSize);
}

/// <summary>
/// Runs searches against <see cref="SearchIndex"/>: the classic syntax, facet filters, a dating range that matches
/// overlapping ranges, sorting, paging, snippets and facet counts. A query that cannot be parsed never throws:
/// the plain words are searched and <see cref="SearchResults.Problem"/> says what was wrong.
/// </summary>
public sealed partial class CatalogueSearch(SearchIndex index)
{
    public SearchResults Search(SearchRequest request)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Clamp(request.Page, 1, Math.Max(1, SearchRequest.MaxDepth / pageSize));
        var (main, problem) = Parse(request);
        var filter = Restrictions(request);
        var facetFields = request.PublicOnly ? SearchFields.PublicFacets : SearchFields.Facets;
        var wanted = page * pageSize;
        // By relevance, the best hits are re-ordered by how the words stand in each record (Rerank): the first
        // window is collected whatever the page, so every page is cut from the same order.
        var words = request.Sort == SearchSort.Relevance ? Rerank.Words(main) : [];
        var collected = words.Count > 0 ? Rerank.Collected(wanted) : wanted;

        var searcher = index.Acquire();
        DenseTerms.Lease? dense = null;
        try
        {
            Lazy<Weight> weight;
            ColumnScoring? columns;
            var counts = new TermCounts(searcher.IndexReader);
            var pruned = ExactClauses.Prune(main, counts);
            var restriction = filter.Clauses.Count == 0 ? null : Cached(filter);
            Query Restricted(Query query) => restriction is null ? query : new FilteredQuery(query, restriction);
            try
            {
                // Common words are scored from columns when the query allows it; Lucene's weight is then made only if
                // a segment cannot be served that way. Otherwise Lucene runs the query, common words intersected first.
                columns = searcher.IndexReader.MaxDoc >= ColumnScoring.UsedFrom ? ColumnScoring.Plan(searcher, Restricted(pruned), counts) : null;
                if (columns is null)
                {
                    dense = DenseTerms.Apply(pruned, counts);
                    weight = new Lazy<Weight>(searcher.CreateNormalizedWeight(Restricted(dense.Query)));
                }
                else
                {
                    weight = new Lazy<Weight>(() => searcher.CreateNormalizedWeight(Restricted(pruned)));
                }
            }
            catch (BooleanQuery.TooManyClausesException)
            {
                return Search(request with { Text = PlainWords(request.Text) }) with
                {
                    Problem = "The wildcard matches too many words; the plain words were searched instead.",
                };
            }

            var parts = SegmentSearch.Run(searcher, weight, () => Part.Create(TopCollector(request.Sort, collected), facetFields), columns);
            var start = (page - 1) * pageSize;
            var (total, docs) = Part.Merge(parts, request.Sort, words.Count > 0 ? 0 : start, words.Count > 0 ? collected : pageSize);
            if (words.Count > 0)
                docs = Rerank.Page(searcher.IndexReader, docs, words, start, pageSize);
            var facets = parts[0].Facets;
            foreach (var part in parts.Skip(1))
                facets.Add(part.Facets);
            var snippets = new Snippets(main);
            var hits = new SearchHit[docs.Count];
            if (docs.Count > 1 && searcher.IndexReader.MaxDoc >= SegmentSearch.ParallelFrom)
            {
                // Reading and decompressing stored records and cutting snippets takes a millisecond or two: both cores.
                Parallel.For(0, docs.Count, i => hits[i] = Hit(searcher.Doc(docs[i].Doc), docs[i].Score, snippets, request));
            }
            else
            {
                for (var i = 0; i < docs.Count; i++)
                    hits[i] = Hit(searcher.Doc(docs[i].Doc), docs[i].Score, snippets, request);
            }

            return new SearchResults(total, page, pageSize, hits, facets.Result(request.FacetSize), problem);
        }
        finally
        {
            dense?.Dispose(); // the pooled arrays of the intersections
            index.Release(searcher);
        }
    }

    // Segments are scored in order (Lucene's out-of-order scorer for OR queries allocates a table of two thousand
    // buckets per segment per search, which cost more in garbage collection than it saved; see FacetCounter), but a
    // worker of a parallel search takes the largest segment first, so its collector does not see documents in index
    // order: the out-of-order collectors break ties by document number whatever the order they see them in, so that
    // among equal scores the first documents of the index are kept, as one searcher would keep them. Sorted collectors
    // fill in their sort values, which merging the parts of a parallel search compares.
    private static ITopDocsCollector TopCollector(SearchSort sort, int wanted) => sort switch
    {
        SearchSort.Number => TopFieldCollector.Create(NumberOrder, wanted, true, false, false, false),
        SearchSort.Date => TopFieldCollector.Create(DateOrder, wanted, true, false, false, false),
        _ => TopScoreDocCollector.Create(wanted, false),
    };

    private static readonly Sort NumberOrder = new(new SortField(SearchFields.SortNumber, SortFieldType.STRING));

    private static readonly Sort DateOrder = new(
        new SortField(SearchFields.SortYear, SortFieldType.INT64),
        new SortField(SearchFields.SortNumber, SortFieldType.STRING));

    /// <summary>What one worker of a search collected: its best hits and its facet counts.</summary>
    private sealed class Part(ITopDocsCollector top, FacetCounter facets) : SegmentSearch.IPart
    {
        public static Part Create(ITopDocsCollector top, IReadOnlyList<string> facetFields) =>
            new(top, new FacetCounter(facetFields, (ICollector)top));

        public ICollector Collector => facets;

        public FacetCounter Facets => facets;

        /// <summary>The total and the requested page of hits over all parts, in the order one searcher would give.</summary>
        public static (int Total, IReadOnlyList<ScoreDoc> Docs) Merge(IReadOnlyList<Part> parts, SearchSort sort, int start, int size)
        {
            var total = parts.Sum(p => p.Top.TotalHits);
            if (parts.Count == 1)
                return (total, parts[0].Top.GetTopDocs(start, size).ScoreDocs);
            if (sort == SearchSort.Relevance)
            {
                // Best score first and, among equal scores, the lower document first (as a single collector breaks ties).
                var docs = parts.SelectMany(p => p.Top.GetTopDocs().ScoreDocs)
                    .OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Skip(start).Take(size).ToList();
                return (total, docs);
            }

            var merged = TopDocs.Merge(sort == SearchSort.Number ? NumberOrder : DateOrder, start, size,
                parts.Select(p => p.Top.GetTopDocs()).ToArray());
            return (total, merged.ScoreDocs);
        }

        private ITopDocsCollector Top => top;
    }

    /// <summary>
    /// The same restriction (audience, facet values, dating range) comes back search after search: the documents it
    /// allows are kept per segment as a bit set (one bit per record), so a search walks that set instead of every term
    /// of the restriction again, and scoring from columns ANDs it with the words' sets a word at a time (Lucene's
    /// compressed set could only be stepped through). Keyed by the restriction itself (queries compare by content); a
    /// few hundred at most.
    /// </summary>
    private Filter Cached(BooleanQuery filter)
    {
        if (_filters.TryGetValue(filter, out var cached))
            return cached;
        if (_filters.Count >= MaxCachedFilters)
            _filters.Clear();
        return _filters.GetOrAdd(filter, f => new BitSetCache(new QueryWrapperFilter(f)));
    }

    private sealed class BitSetCache(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var set = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            set.Or(iterator);
            return set;
        }
    }

    private const int MaxCachedFilters = 256;

    private readonly ConcurrentDictionary<Query, Filter> _filters = new();

    /// <summary>The query; on a syntax error, the plain words and a message naming the problem.</summary>
    private static (Query Query, string? Problem) Parse(SearchRequest request)
    {
        var text = request.Text?.Normalize(NormalizationForm.FormC).Trim();
        if (string.IsNullOrEmpty(text))
            return (new MatchAllDocsQuery(), null);
        var parser = new SearchQueryParser(staff: !request.PublicOnly);
        try
        {
            var parsed = parser.Parse(text);
            return (parsed, parser.Notes.Count == 0 ? null : string.Join(" ", parser.Notes));
        }
        catch (ParseException e)
        {
            var problem = $"The query could not be read ({Reason(text, e)}); the plain words were searched instead.";
            var words = PlainWords(text);
            if (string.IsNullOrEmpty(words))
                return (new BooleanQuery(), problem);
            try
            {
                // Any of the words: the user's operators were what went wrong.
                var plain = new SearchQueryParser(staff: !request.PublicOnly) { DefaultOperator = QueryParserBase.OR_OPERATOR };
                return (plain.Parse(words), problem);
            }
            catch (ParseException)
            {
                return (new BooleanQuery(), problem);
            }
        }
    }

    private static BooleanQuery Restrictions(SearchRequest request)
    {
        var filter = new BooleanQuery();
        if (request.PublicOnly)
        {
            filter.Add(new TermQuery(new Term(SearchFields.Type, "artifact")), Occur.MUST);
            filter.Add(new TermQuery(new Term(SearchFields.Status, "published")), Occur.MUST);
        }
        else if (request.Types.Count > 0)
        {
            var types = new BooleanQuery();
            foreach (var type in request.Types.Distinct())
                types.Add(new TermQuery(new Term(SearchFields.Type, type.ToString().ToLowerInvariant())), Occur.SHOULD);
            filter.Add(types, Occur.MUST);
        }

        var allowed = request.PublicOnly ? SearchFields.PublicFacets : SearchFields.Facets;
        foreach (var (facet, values) in request.Filters)
        {
            if (Array.IndexOf(allowed, facet) < 0 || values.Count == 0)
                continue;
            var any = new BooleanQuery();
            foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
                any.Add(new TermQuery(new Term(facet, value.Trim().ToLowerInvariant())), Occur.SHOULD);
            if (any.Clauses.Count > 0)
                filter.Add(any, Occur.MUST);
        }

        if (request.YearFrom is not null || request.YearTo is not null)
            filter.Add(SearchQueryParser.YearOverlap(request.YearFrom, request.YearTo), Occur.MUST);
        return filter;
    }

    private static SearchHit Hit(Lucene.Net.Documents.Document doc, float score, Snippets snippets, SearchRequest request)
    {
        var type = Enum.Parse<SearchDocumentType>(doc.Get(SearchFields.Type), ignoreCase: true);
        var key = doc.Get(SearchFields.Key);
        var id = int.Parse(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        // Stored as saved (trimmed, NFC): no need to normalize them again for every hit.
        var title = new LocalizedText { Vi = doc.Get(SearchFields.StoredTitleVi), Fr = doc.Get(SearchFields.StoredTitleFr), En = doc.Get(SearchFields.StoredTitleEn) };
        // The reader's language first, then the others in their usual order.
        var reader = request.Language is { } l && LocalizedText.Languages.Contains(l) ? l : LocalizedText.Languages[0];
        var others = LocalizedText.Languages.Where(l => l != reader).ToList();
        IEnumerable<string?> otherTexts =
        [
            .. others.Select(l => doc.Get(SearchFields.StoredDescription(l))), doc.Get(SearchFields.StoredInscription),
            string.Join(" · ", new[] { title.Vi, title.Fr, title.En }.Where(t => t is not null)), doc.Get(SearchFields.StoredDating),
        ];
        if (!request.PublicOnly)
            otherTexts = otherTexts.Append(doc.Get(SearchFields.StoredStaff));
        var snippet = snippets.Build([doc.Get(SearchFields.StoredDescription(reader)), title[reader]], otherTexts);
        var status = type == SearchDocumentType.Artifact ? StatusOf(doc) : null;
        return new SearchHit(type, id, doc.Get(SearchFields.Number), title, snippet, status, doc.Get(SearchFields.StoredDating), score);
    }

    // The status is a facet (not stored); it is read back from the doc values only when a hit is shown.
    private static string? StatusOf(Lucene.Net.Documents.Document doc) => doc.Get("s_status");

    /// <summary>What was wrong with the query, in the user's terms rather than the parser's.</summary>
    internal static string Reason(string text, ParseException e)
    {
        // Our own refusals (a regular expression, a leading wildcard) arrive wrapped in the parser's "Cannot parse '…': ".
        foreach (var own in (string[])[SearchQueryParser.RegexRefused, SearchQueryParser.LeadingWildcardRefused])
        {
            if (e.Message.Contains(own, StringComparison.Ordinal))
                return own;
        }

        if (text.Count(c => c == '"') % 2 == 1)
            return "a quotation mark is not closed";
        if (text.Count(c => c == '(') != text.Count(c => c == ')'))
            return "a bracket ( ) is not closed";
        if (text.Count(c => c is '[' or '{') != text.Count(c => c is ']' or '}'))
            return "a range [ … TO … ] is not closed";
        if (EmptyField().Match(text) is { Success: true } field)
            return $"{field.Groups[1].Value}: needs a word after it";
        if (DanglingOperator().Match(text) is { Success: true } dangling)
            return $"{dangling.Groups[1].Value} needs a word on each side";
        var column = ParserColumn().Match(e.Message);
        return column.Success ? $"its syntax is not valid near character {column.Groups[1].Value}" : "its syntax is not valid";
    }

    [GeneratedRegex(@"(?:^|[\s(])([\p{L}_]+):(?=\s|\)|$)")]
    private static partial Regex EmptyField();

    [GeneratedRegex(@"(?:^|\s)(AND|OR|NOT)(?:\s*$|\s+(?:AND|OR)\b)|^\s*(AND|OR)\s")]
    private static partial Regex DanglingOperator();

    [GeneratedRegex(@"column (\d+)")]
    private static partial Regex ParserColumn();

    /// <summary>The words of a query without its syntax: letters, digits and the dots of accession numbers.</summary>
    internal static string PlainWords(string? text) =>
        string.Join(' ', Word().Matches(text ?? string.Empty).Select(m => m.Value.Trim('.', '-', '/'))
            .Where(w => w.Length > 0)
            .Select(w => w is "AND" or "OR" or "NOT" or "TO" ? w.ToLowerInvariant() : QueryParserBase.Escape(w)));

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’/-]*")]
    private static partial Regex Word();
}
