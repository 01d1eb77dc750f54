using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Excavation.Stratigraphy;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalogue.Web.Api;

/// <summary>
/// <c>/api/sites</c>: excavation records for staff only (anonymous callers get 401); the Harris matrix as
/// JSON (nodes and reduced edges) and as SVG.
/// </summary>
public static class SitesApi
{
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/api/sites").RequireAuthorization(Policies.Staff);
        sites.MapGet("/", ListAsync);
        sites.MapGet("/{code}", GetAsync);
        sites.MapGet("/{code}/contexts", ContextsAsync);
        sites.MapGet("/{code}/matrix", MatrixAsync);
        sites.MapGet("/{code}/matrix.svg", MatrixSvgAsync);
        return app;
    }

    private static async Task<Ok<ListResponse<SiteSummary>>> ListAsync(ExcavationQueries queries, CancellationToken cancellationToken)
    {
        var list = await queries.ListSitesAsync(cancellationToken);
        return TypedResults.Ok(new ListResponse<SiteSummary>(list.Count, 1, list.Count, list));
    }

    private static async Task<Results<Ok<SiteDto>, ProblemHttpResult>> GetAsync(string code, ExcavationQueries queries, CancellationToken cancellationToken)
    {
        var site = await queries.FindSiteAsync(code, cancellationToken);
        if (site is null)
            return NotFound(code);
        var summary = (await queries.ListSitesAsync(cancellationToken)).Single(s => s.Code == site.Code);
        return TypedResults.Ok(new SiteDto(site.Code, site.Name, site.Description, site.Location, site.Latitude, site.Longitude,
            site.Areas.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => new AreaDto(a.Code, a.Kind, a.Description)).ToList(),
            summary.Contexts, summary.Finds));
    }

    private static async Task<Results<Ok<ListResponse<ContextDto>>, ProblemHttpResult>> ContextsAsync(
        string code, ExcavationQueries queries, CancellationToken cancellationToken)
    {
        var site = await queries.FindSiteAsync(code, cancellationToken);
        if (site is null)
            return NotFound(code);
        var contexts = await queries.ListContextsAsync(site.Code, cancellationToken);
        var relations = await queries.RelationsOfSiteAsync(site.Code, cancellationToken);
        var items = contexts.Select(c => new ContextDto(
            c.Number, c.Label, c.Type, c.AreaCode, c.Phase, TermDto.From(c.Period), c.TopLevel, c.BottomLevel, c.Description, c.Finds,
            relations.Where(r => r.From!.Number == c.Number || r.To!.Number == c.Number)
                .Select(r => r.From!.Number == c.Number
                    ? new RelationDto(r.Type.Reading(true), r.To!.Number)
                    : new RelationDto(r.Type.Reading(false), r.From!.Number))
                .ToList())).ToList();
        return TypedResults.Ok(new ListResponse<ContextDto>(items.Count, 1, items.Count, items));
    }

    private static async Task<Results<Ok<MatrixDto>, ProblemHttpResult>> MatrixAsync(string code, SiteStratigraphy stratigraphy, CancellationToken cancellationToken)
    {
        var result = await stratigraphy.BuildMatrixAsync(code.ToUpperInvariant(), cancellationToken);
        if (result is null)
            return NotFound(code);
        if (result.Matrix is not { } matrix)
            return Unresolvable(result);
        return TypedResults.Ok(new MatrixDto(
            matrix.Nodes.Select(n => new MatrixNodeDto(n.Id, n.MemberKeys, n.Label, n.Phase, n.Layer, n.Position)).ToList(),
            matrix.Edges.Select(e => new MatrixEdgeDto(e.From, e.To)).ToList()));
    }

    private static async Task<IResult> MatrixSvgAsync(string code, HttpContext http, SiteStratigraphy stratigraphy, CancellationToken cancellationToken)
    {
        var siteCode = code.ToUpperInvariant();
        var result = await stratigraphy.BuildMatrixAsync(siteCode, cancellationToken);
        if (result is null)
            return NotFound(code);
        if (result.Matrix is not { } matrix)
            return Unresolvable(result);
        return TypedResults.Text(MatrixDrawing.Svg(matrix, siteCode, http.Request.PathBase), "image/svg+xml; charset=utf-8");
    }

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Site not found", detail: $"No site has the code '{code}'.");

    private static ProblemHttpResult Unresolvable(HarrisMatrixResult result) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The stratigraphic record is inconsistent",
            detail: string.Join(" ", result.Problems.Select(p => p.Message)));
}

public sealed record AreaDto(string Code, AreaKind Kind, string? Description);

public sealed record SiteDto(
    string Code, LocalizedText Name, LocalizedText Description, string? Location, decimal? Latitude, decimal? Longitude,
    IReadOnlyList<AreaDto> Areas, int Contexts, int Finds);

public sealed record RelationDto(string Relation, int Context);

public sealed record ContextDto(
    int Number, string Label, ContextType Type, string? Area, string? Phase, TermDto? Period,
    decimal? TopLevel, decimal? BottomLevel, string? Description, int Finds, IReadOnlyList<RelationDto> Relations);

public sealed record MatrixNodeDto(string Id, IReadOnlyList<string> Members, string Label, string? Phase, int Layer, int Position);

public sealed record MatrixEdgeDto(string From, string To);

public sealed record MatrixDto(IReadOnlyList<MatrixNodeDto> Nodes, IReadOnlyList<MatrixEdgeDto> Edges);
