using Catalogue.Core.Data;
using Catalogue.Core.Media;
using Catalogue.Core.Search;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Search;

/// <summary>The staff search over artifacts, finds and contexts, with facets, snippets, sorting and paging.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(CatalogueSearch search, CatalogueDbContext db, MediaQueries media, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public SearchSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public SearchView View { get; private set; } = null!;

    /// <summary>The first photograph of each artifact hit, by accession number.</summary>
    public IReadOnlyDictionary<string, string> Thumbnails { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await SearchView.RunAsync(Request, "/Search", publicOnly: false, Q, ValidOr(nameof(Sort), Sort, SearchSort.Relevance),
            ValidOr("pageNumber", PageNumber, 1), ValidOr(nameof(From), From, null), ValidOr(nameof(To), To, null),
            search, db, localizer, cancellationToken);
        Thumbnails = await media.FirstImagesAsync(
            View.Results.Hits.Where(h => h.Type == SearchDocumentType.Artifact).Select(h => h.Number), cancellationToken);
    }

    // A malformed number or sort in the query string falls back to the default rather than failing.
    private T ValidOr<T>(string key, T value, T fallback) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? fallback : value;
}
