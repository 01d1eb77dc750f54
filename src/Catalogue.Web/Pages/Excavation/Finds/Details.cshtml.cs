using Catalogue.Core.Audit;
using Catalogue.Core.Excavation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Excavation.Finds;

[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ExcavationQueries queries, HistoryQueries history) : PageModel
{
    public Find Find { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var find = await queries.FindFindAsync(number, cancellationToken);
        if (find is null)
            return NotFound();
        Find = find;
        History = await history.ForRecordAsync(Core.Excavation.Find.AuditType, find.FindNumber, cancellationToken);
        return Page();
    }
}
