using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Search;
using Catalogue.Web.Pages.Search;
using Catalogue.Core.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Collection;

/// <summary>
/// The public catalogue: published artifacts only. Browsing lists them from the database; typing words or choosing a
/// facet searches the index (published artifacts and their public fields only; never locations, loans or conservation).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ArtifactQueries queries, CatalogueSearch search, CatalogueDbContext db, MediaQueries media, IStringLocalizer<SharedResource> localizer) : PageModel
{
    // Not "page": Razor Pages reserves that route value for the page itself, so ?page=2 never bound and links lost it.
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public ArtifactSort Sort { get; set; } = ArtifactSort.AccessionNumber;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public PagedList<ArtifactSummary> List { get; private set; } = null!;

    /// <summary>Set when the visitor searched (words or facets) rather than browsed.</summary>
    public SearchView? Search { get; private set; }

    /// <summary>The first photograph of each listed (published) object, by accession number.</summary>
    public IReadOnlyDictionary<string, string> Thumbnails { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            (PageNumber, Sort) = (ModelState.TryGetValue("pageNumber", out var p) && p.Errors.Count > 0 ? 1 : PageNumber, ArtifactSort.AccessionNumber);
        var searching = !string.IsNullOrWhiteSpace(Q) || SearchFields.PublicFacets.Any(f => Request.Query.ContainsKey(f));
        if (searching)
        {
            var order = Sort is ArtifactSort.AccessionNumber && Request.Query.ContainsKey("sort") ? SearchSort.Number : SearchSort.Relevance;
            Search = await SearchView.RunAsync(Request, "/Collection", publicOnly: true, Q, order, PageNumber, null, null, search, db, localizer, cancellationToken);
            Thumbnails = await media.FirstImagesAsync(Search.Results.Hits.Select(h => h.Number), cancellationToken);
            return;
        }

        List = await queries.ListAsync(new ArtifactListQuery
        {
            Page = PageNumber,
            PageSize = 24,
            Sort = Sort is ArtifactSort.Title or ArtifactSort.TitleDescending ? Sort : ArtifactSort.AccessionNumber,
            PublishedOnly = true,
        }, cancellationToken);
        Thumbnails = await media.FirstImagesAsync(List.Items.Select(a => a.AccessionNumber), cancellationToken);
    }
}
