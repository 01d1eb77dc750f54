using System.Text;
using Catalogue.Core.Excavation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Excavation.Matrix;

/// <summary>The site's Harris matrix drawn on the server (readable without JavaScript), with SVG and DOT downloads.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ExcavationQueries queries, SiteStratigraphy stratigraphy) : PageModel
{
    public Site Site { get; private set; } = null!;
    public string Svg { get; private set; } = string.Empty;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public int NodeCount { get; private set; }
    public int LayerCount { get; private set; }
    public int ImpliedCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string site, CancellationToken cancellationToken)
    {
        var found = await queries.FindSiteAsync(site, cancellationToken);
        if (found is null)
            return NotFound();
        Site = found;
        var result = await stratigraphy.BuildMatrixAsync(found.Code, cancellationToken);
        if (result?.Matrix is not { } matrix)
        {
            Problems = result?.Problems.Select(p => p.Message).ToList() ?? [];
            return Page();
        }

        Svg = MatrixDrawing.SvgForPage(matrix, found.Code, Request.PathBase);
        NodeCount = matrix.Nodes.Count;
        LayerCount = matrix.Layers.Count;
        ImpliedCount = matrix.ImpliedRelationCount;
        return Page();
    }

    public Task<IActionResult> OnGetSvgAsync(string site, CancellationToken cancellationToken) =>
        Download(site, "svg", "image/svg+xml", (matrix, s) => MatrixDrawing.Svg(matrix, s.Code, Request.PathBase), cancellationToken);

    public Task<IActionResult> OnGetDotAsync(string site, CancellationToken cancellationToken) =>
        Download(site, "dot", "text/vnd.graphviz", (matrix, s) => MatrixDrawing.Dot(matrix, s.Name.Text()), cancellationToken);

    private async Task<IActionResult> Download(
        string site, string extension, string contentType, Func<Core.Excavation.Stratigraphy.HarrisMatrix, Site, string> render, CancellationToken cancellationToken)
    {
        var found = await queries.FindSiteAsync(site, cancellationToken);
        if (found is null)
            return NotFound();
        var result = await stratigraphy.BuildMatrixAsync(found.Code, cancellationToken);
        if (result?.Matrix is not { } matrix)
            return new ContentResult { StatusCode = StatusCodes.Status409Conflict, ContentType = "text/plain; charset=utf-8", Content = string.Join(" ", result?.Problems.Select(p => p.Message) ?? []) };
        return File(Encoding.UTF8.GetBytes(render(matrix, found)), contentType, $"matrix-{found.Code}.{extension}");
    }
}
