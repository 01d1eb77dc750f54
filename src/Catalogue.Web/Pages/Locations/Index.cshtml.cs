using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Locations;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(LocationQueries queries) : PageModel
{
    public IReadOnlyList<LocationNode> Tree { get; private set; } = [];

    /// <summary>Every shelf and box too; by default the list stops at units.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    /// <summary>Objects their last inventory did not find, until a move places them.</summary>
    public IReadOnlyList<MissingObject> Missing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Tree = await queries.TreeAsync(cancellationToken);
        Missing = await queries.MissingAsync(cancellationToken: cancellationToken);
    }
}
