using Catalogue.Core.Common;
using Catalogue.Core.Search;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalogue.Web.Api;

/// <summary>
/// <c>GET /api/search?q=&amp;page=&amp;pageSize=</c>: anonymous callers search published artifacts (public fields and
/// facets only); staff search every record their role may see, finds and contexts included. Facet filters are
/// repeated parameters named after the facet (<c>material=stoneware&amp;material=celadon-glaze</c>, <c>type</c> is the
/// object type); <c>kind</c> (staff) is artifact, find or context; <c>from</c> and
/// <c>to</c> match datings overlapping that range. A query that cannot be parsed still answers 200, with the plain
/// words searched and <c>problem</c> saying what was wrong.
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").AllowAnonymous().AddEndpointFilter<ArtifactsApi.RejectFailedTokenFilter>()
            .MapGet("/search", Search).WithName("Search");
        return app;
    }

    private static Results<Ok<SearchResponse>, ValidationProblem> Search(
        HttpContext http, CatalogueSearch search, string? q, int? page, int? pageSize, string? sort, int? from, int? to, string? kind)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
            errors["page"] = ["page must be 1 or more."];
        if (pageSize is < 1 or > SearchRequest.MaxPageSize)
            errors["pageSize"] = [$"pageSize must be between 1 and {SearchRequest.MaxPageSize}."];
        if (page is > 0 && (long)page * (pageSize ?? 20) > SearchRequest.MaxDepth)
            errors["page"] = [$"Results are served to a depth of {SearchRequest.MaxDepth}; narrow the query instead of paging further."];
        if (q?.Length > 1000)
            errors["q"] = ["q must be at most 1000 characters."];
        var order = SearchSort.Relevance;
        if (sort is not null && !(Enum.TryParse(sort, ignoreCase: true, out order) && Enum.IsDefined(order)))
            errors["sort"] = ["sort must be relevance, number or date."];
        var staff = http.User.IsStaff();
        SearchDocumentType? only = null;
        if (kind is not null)
        {
            if (Enum.TryParse<SearchDocumentType>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                only = parsed;
            else
                errors["kind"] = ["kind must be artifact, find or context."];
        }

        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var facets = staff ? SearchFields.Facets : SearchFields.PublicFacets;
        var results = search.Search(new SearchRequest
        {
            Text = q,
            Page = page ?? 1,
            PageSize = pageSize ?? 20,
            Sort = order,
            YearFrom = from,
            YearTo = to,
            PublicOnly = !staff,
            Types = only is { } k ? [k] : [],
            Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, // from Accept-Language
            Filters = facets.Where(f => http.Request.Query.ContainsKey(f))
                .ToDictionary(f => f, f => (IReadOnlyList<string>)http.Request.Query[f].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList()),
        });
        return TypedResults.Ok(new SearchResponse(
            results.Total,
            results.Page,
            results.PageSize,
            results.Hits.Select(h => new SearchHitDto(
                h.Type == SearchDocumentType.Artifact ? h.Number : null,
                h.Type.ToString().ToLowerInvariant(),
                h.Number,
                h.Title,
                h.Snippet,
                staff ? h.Status : null,
                h.Dating)).ToList(),
            results.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetValueDto>)f.Value.Select(v => new FacetValueDto(v.Value, v.Count)).ToList()),
            results.Problem));
    }
}

/// <summary>One hit: <c>snippet</c> is HTML (the text encoded, matched words in &lt;mark&gt;).</summary>
public sealed record SearchHitDto(string? AccessionNumber, string Type, string Number, LocalizedText Title, string Snippet, string? Status, string? Dating);

public sealed record FacetValueDto(string Value, int Count);

public sealed record SearchResponse(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHitDto> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValueDto>> Facets,
    string? Problem);
