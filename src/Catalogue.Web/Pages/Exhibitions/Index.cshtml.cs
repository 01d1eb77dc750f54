using Catalogue.Core.Exhibitions;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Exhibitions;

/// <summary>Exhibitions: the public sees the public ones; staff see all.</summary>
[AllowAnonymous]
public sealed class IndexModel(ExhibitionQueries queries) : PageModel
{
    public IReadOnlyList<ExhibitionSummary> Exhibitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Exhibitions = await queries.ListAsync(publicOnly: !User.IsStaff(), cancellationToken);
}
