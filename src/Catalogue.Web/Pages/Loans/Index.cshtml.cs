using Catalogue.Core.Exhibitions;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Loans;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ExhibitionQueries queries) : PageModel
{
    public IReadOnlyList<LoanSummary> Loans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Loans = await queries.LoansAsync(cancellationToken);
}
