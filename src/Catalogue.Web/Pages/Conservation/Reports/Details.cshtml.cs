using Catalogue.Core.Audit;
using Catalogue.Core.Conservation;
using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Conservation.Reports;

/// <summary>The condition report as a clean, printable record copy, with its history.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ConservationQueries queries, HistoryQueries history, MediaQueries media, TimeProvider clock) : PageModel
{
    /// <summary>Still within the day after it was recorded, when it may be corrected.</summary>
    public bool IsOpenForCorrection => Report.IsOpenForCorrection(clock.GetUtcNow().UtcDateTime);

    public ConditionReport Report { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public IReadOnlyList<MediaImageView> Images { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(reference, cancellationToken);
        if (report is null)
            return NotFound();
        Report = report;
        Images = await media.ForOwnerKeyAsync(MediaOwnerKind.ConditionReport, report.Reference, cancellationToken);
        History = await history.ForRecordWithPartsAsync(ConditionReport.AuditType, MediaLink.AuditTypeFor(MediaOwnerKind.ConditionReport), report.Reference, cancellationToken);
        return Page();
    }
}
