using Catalogue.Core.Excavation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Excavation.Sites;

[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ExcavationQueries queries, Catalogue.Core.Audit.HistoryQueries history) : PageModel
{
    public Site Site { get; private set; } = null!;
    public IReadOnlyList<ContextSummary> Contexts { get; private set; } = [];
    public IReadOnlyList<Catalogue.Core.Audit.HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var site = await queries.FindSiteAsync(code, cancellationToken);
        if (site is null)
            return NotFound();
        Site = site;
        Contexts = await queries.ListContextsAsync(site.Code, cancellationToken);
        History = await history.ForRecordWithPartsAsync(Site.AuditType, "Area", site.Code, cancellationToken);
        return Page();
    }
}
