using Catalogue.Core.Data;
using Catalogue.Core.Search;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Search;

/// <summary>
/// What a search page shows and the links it offers: the request read from the query string (facet filters are
/// repeated parameters named after the facet), the results, and readable labels for facet values.
/// Shared by the staff search page and the public collection.
/// </summary>
public sealed class SearchView
{
    public const int MaxQueryLength = 1000;

    private readonly string _path;
    private readonly Dictionary<string, string> _labels;

    private SearchView(string path, SearchRequest request, string? kind, SearchResults results, Dictionary<string, string> labels)
    {
        _path = path;
        Request = request;
        Kind = kind;
        Results = results;
        _labels = labels;
    }

    public SearchRequest Request { get; }

    /// <summary>artifact, find or context (staff), or null for every kind.</summary>
    public string? Kind { get; }

    public SearchResults Results { get; }

    public static readonly string[] Kinds = ["artifact", "find", "context"];

    /// <summary>Reads the search from the query string and runs it; bad values fall back to defaults, never an error.</summary>
    public static async Task<SearchView> RunAsync(
        HttpRequest http, string path, bool publicOnly, string? q, SearchSort sort, int page, int? from, int? to,
        CatalogueSearch search, CatalogueDbContext db, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var allowed = publicOnly ? SearchFields.PublicFacets : SearchFields.Facets;
        var filters = allowed
            .Select(f => (Facet: f, Values: (IReadOnlyList<string>)http.Query[f].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().Take(20).ToList()))
            .Where(f => f.Values.Count > 0)
            .ToDictionary(f => f.Facet, f => f.Values, StringComparer.Ordinal);
        var kind = publicOnly ? null : http.Query["kind"].FirstOrDefault(k => Kinds.Contains(k));
        var request = new SearchRequest
        {
            Text = q is { Length: > MaxQueryLength } ? q[..MaxQueryLength] : q,
            Filters = filters,
            Sort = Enum.IsDefined(sort) ? sort : SearchSort.Relevance,
            Page = Math.Max(1, page),
            PageSize = 20,
            YearFrom = from,
            YearTo = to,
            PublicOnly = publicOnly,
            Types = kind is null ? [] : [Enum.Parse<SearchDocumentType>(kind, ignoreCase: true)],
            Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
        };
        var results = search.Search(request);
        return new SearchView(path, request, kind, results, await LabelsAsync(db, localizer, cancellationToken));
    }

    /// <summary>A readable label for a facet value: the term's label, a translated status or condition, or the value itself.</summary>
    public string Label(string facet, string value) =>
        _labels.TryGetValue($"{facet}|{value}", out var label) ? label : value;

    public bool IsSelected(string facet, string value) =>
        Request.Filters.TryGetValue(facet, out var values) && values.Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The same search with this facet value added (or removed when it is already selected), from page 1.</summary>
    public string Toggle(string facet, string value)
    {
        var filters = Request.Filters.ToDictionary(f => f.Key, f => f.Value.ToList(), StringComparer.Ordinal);
        var values = filters.TryGetValue(facet, out var list) ? list : filters[facet] = [];
        if (values.RemoveAll(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) == 0)
            values.Add(value);
        return Link(filters, Request.Sort, 1, Kind);
    }

    public string WithPage(int page) => Link(Current, Request.Sort, page, Kind);

    public string WithSort(SearchSort sort) => Link(Current, sort, 1, Kind);

    public string WithKind(string? kind) => Link(Current, Request.Sort, 1, kind);

    private Dictionary<string, List<string>> Current => Request.Filters.ToDictionary(f => f.Key, f => f.Value.ToList(), StringComparer.Ordinal);

    private string Link(Dictionary<string, List<string>> filters, SearchSort sort, int page, string? kind)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrEmpty(Request.Text))
            pairs.Add(new("q", Request.Text));
        if (kind is not null)
            pairs.Add(new("kind", kind));
        foreach (var (facet, values) in filters)
            pairs.AddRange(values.Select(v => new KeyValuePair<string, string?>(facet, v)));
        if (Request.YearFrom is { } from)
            pairs.Add(new("from", from.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (Request.YearTo is { } to)
            pairs.Add(new("to", to.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (sort != SearchSort.Relevance)
            pairs.Add(new("sort", sort.ToString()));
        if (page > 1)
            pairs.Add(new("pageNumber", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return _path + QueryString.Create(pairs).ToUriComponent();
    }

    private static async Task<Dictionary<string, string>> LabelsAsync(CatalogueDbContext db, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var terms = await db.Terms.AsNoTracking()
            .Where(t => t.Vocabulary == Vocabulary.ObjectType || t.Vocabulary == Vocabulary.Material || t.Vocabulary == Vocabulary.Period)
            .ToListAsync(cancellationToken);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var facet = term.Vocabulary switch
            {
                Vocabulary.ObjectType => SearchFields.ObjectType,
                Vocabulary.Material => SearchFields.Material,
                _ => SearchFields.Period,
            };
            labels[$"{facet}|{term.Code}"] = term.Text();
        }

        // Sites are indexed by their code in lower case; the facet shows it as written, with the site's name.
        foreach (var site in await db.Sites.AsNoTracking().ToListAsync(cancellationToken))
            labels[$"{SearchFields.Site}|{site.Code.ToLowerInvariant()}"] = $"{site.Code} · {site.Name.Text()}";
        foreach (var status in Enum.GetNames<Catalogue.Core.Artifacts.PublicationStatus>())
            labels[$"{SearchFields.Status}|{status.ToLowerInvariant()}"] = localizer[status];
        foreach (var condition in Enum.GetNames<Catalogue.Core.Conservation.OverallCondition>())
            labels[$"{SearchFields.Condition}|{condition.ToLowerInvariant()}"] = localizer[condition];
        labels[$"{SearchFields.HasImage}|yes"] = localizer["With an image"];
        labels[$"{SearchFields.HasImage}|no"] = localizer["Without an image"];
        return labels;
    }
}
