using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Collection;

/// <summary>The public catalogue: published artifacts only.</summary>
[AllowAnonymous]
public sealed class IndexModel(ArtifactQueries queries, MediaQueries media) : PageModel
{
    // Not "page": Razor Pages reserves that route value for the page itself, so ?page=2 never bound and links lost it.
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public ArtifactSort Sort { get; set; } = ArtifactSort.AccessionNumber;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public PagedList<ArtifactSummary> List { get; private set; } = null!;

    /// <summary>The first photograph of each listed (published) object, by accession number.</summary>
    public IReadOnlyDictionary<string, string> Thumbnails { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            (PageNumber, Sort) = (1, ArtifactSort.AccessionNumber);
        List = await queries.ListAsync(new ArtifactListQuery
        {
            Page = PageNumber,
            PageSize = 24,
            Sort = Sort is ArtifactSort.Title or ArtifactSort.TitleDescending ? Sort : ArtifactSort.AccessionNumber,
            Text = Q?.Length > 200 ? Q[..200] : Q,
            PublishedOnly = true,
        }, cancellationToken);
        Thumbnails = await media.FirstImagesAsync(List.Items.Select(a => a.AccessionNumber), cancellationToken);
    }
}
