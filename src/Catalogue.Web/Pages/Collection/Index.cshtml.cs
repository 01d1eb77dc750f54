using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Collection;

/// <summary>The public catalogue: published artifacts only.</summary>
[AllowAnonymous]
public sealed class IndexModel(ArtifactQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public ArtifactSort Sort { get; set; } = ArtifactSort.AccessionNumber;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public PagedList<ArtifactSummary> List { get; private set; } = null!;

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
    }
}
