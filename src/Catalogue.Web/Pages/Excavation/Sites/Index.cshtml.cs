using Catalogue.Core.Excavation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Excavation.Sites;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ExcavationQueries queries) : PageModel
{
    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Sites = await queries.ListSitesAsync(cancellationToken);
}
