using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Reports;

/// <summary>
/// Adds a dated, attributed, reasoned correction to a condition report that stands as written. On the day it is
/// recorded a report is corrected itself, so this page sends there instead.
/// </summary>
[Authorize(Policy = Policies.Conserve)]
public sealed class AmendModel(ConservationCommands commands, ConservationQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    public AmendmentForm Form { get; private set; } = null!;

    private string RecordUrl => $"/Conservation/Reports/Details/{Reference}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(Reference, cancellationToken);
        if (report is null)
            return NotFound();
        if (report.IsOpenForCorrection(clock.GetUtcNow().UtcDateTime))
        {
            TempData["Message"] = l["{0} may still be corrected on the day it is recorded: edit it.", Reference].Value;
            return Redirect($"~/Conservation/Reports/Edit/{Reference}");
        }

        Form = new AmendmentForm(RecordUrl, AmendmentSections.OfReport);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? section, string? text, string? reason, CancellationToken cancellationToken)
    {
        var result = await commands.AmendReportAsync(Reference, reason, section, text, cancellationToken);
        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Succeeded || result.Errors.Any(e => e.Field == nameof(ConditionReport.Amendments)))
        {
            if (result.Succeeded)
                TempData["Message"] = l["The amendment was added to {0}.", Reference].Value;
            else
                TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
            return Redirect(Url.App(RecordUrl));
        }

        Form = new AmendmentForm(RecordUrl, AmendmentSections.OfReport, section, text, reason);
        ModelState.AddErrors(result.Errors, prefix: string.Empty);
        return Page();
    }
}
