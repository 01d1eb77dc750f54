using Catalogue.Core.Audit;
using Catalogue.Core.Excavation;
using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Excavation.Finds;

[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ExcavationQueries queries, HistoryQueries history, MediaQueries media) : PageModel
{
    public Find Find { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public IReadOnlyList<MediaImageView> Images { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var find = await queries.FindFindAsync(number, cancellationToken);
        if (find is null)
            return NotFound();
        Find = find;
        Images = await media.ForOwnerKeyAsync(MediaOwnerKind.Find, find.FindNumber, cancellationToken);
        History = await history.ForRecordWithPartsAsync(Core.Excavation.Find.AuditType, MediaLink.AuditTypeFor(MediaOwnerKind.Find), find.FindNumber, cancellationToken);
        return Page();
    }
}
