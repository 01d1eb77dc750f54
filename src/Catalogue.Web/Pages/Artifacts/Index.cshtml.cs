using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Artifacts;

/// <summary>Every artifact, whatever its publication status, for staff.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ArtifactQueries queries) : PageModel
{
    // Not "page": Razor Pages reserves that route value for the page itself, so ?page=2 never bound and links lost it.
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public ArtifactSort Sort { get; set; } = ArtifactSort.AccessionNumber;

    [BindProperty(SupportsGet = true)]
    public PublicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public PagedList<ArtifactSummary> List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A malformed page or sort in the query string falls back to the defaults rather than failing.
        if (!ModelState.IsValid)
        {
            PageNumber = ModelState.ContainsKey("pageNumber") && ModelState["pageNumber"]!.Errors.Count > 0 ? 1 : PageNumber;
            Sort = ModelState.ContainsKey(nameof(Sort)) && ModelState[nameof(Sort)]!.Errors.Count > 0 ? ArtifactSort.AccessionNumber : Sort;
            Status = ModelState.ContainsKey(nameof(Status)) && ModelState[nameof(Status)]!.Errors.Count > 0 ? null : Status;
        }

        List = await queries.ListAsync(new ArtifactListQuery
        {
            Page = PageNumber,
            PageSize = 25,
            Sort = Sort,
            Status = Status,
            Text = Q?.Length > 200 ? Q[..200] : Q,
            PublishedOnly = false,
        }, cancellationToken);
    }

    public string SortLink(ArtifactSort sort) => Url.Page("Index", new { sort, status = Status, q = Q })!;

    public string PageLink(int page) => Url.Page("Index", new { pageNumber = page, sort = Sort, status = Status, q = Q })!;
}
