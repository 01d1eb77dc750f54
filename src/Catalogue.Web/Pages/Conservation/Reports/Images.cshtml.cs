using Catalogue.Core.Conservation;
using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;
using Catalogue.Web.Pages.Artifacts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Reports;

/// <summary>Photographs documenting a condition report (damage, where it is): uploaded by conservators, seen by staff only.</summary>
[Authorize(Policy = Policies.Conserve)]
[RequestSizeLimit(PhotographUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotographUploads.MaxRequestBytes)]
public sealed class ImagesModel(ConservationQueries reports, MediaQueries media, MediaCommands commands, IStringLocalizer<SharedResource> l) : PageModel
{
    public ConditionReport Report { get; private set; } = null!;
    public IReadOnlyList<MediaImageView> Images { get; private set; } = [];
    public IReadOnlyList<UploadOutcome> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken) =>
        await LoadAsync(reference, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string reference, [FromForm] List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
            return NotFound();
        if (files is null || files.Count == 0)
        {
            ModelState.AddModelError("files", l["Choose one or more photographs to upload."]);
            return PhotographUploads.WantsJson(Request) ? BadRequest(new { outcomes = Array.Empty<UploadOutcome>(), message = l["Choose one or more photographs to upload."].Value }) : Page();
        }

        var outcomes = await PhotographUploads.AttachAllAsync(commands, MediaOwnerKind.ConditionReport, Report.Reference, files, l, cancellationToken);
        if (PhotographUploads.WantsJson(Request))
            return new JsonResult(new { outcomes });
        Outcomes = outcomes;
        Images = await media.ForOwnerKeyAsync(MediaOwnerKind.ConditionReport, Report.Reference, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDetachAsync(string reference, string imageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
            return NotFound();
        var result = await commands.DetachAsync(MediaOwnerKind.ConditionReport, Report.Reference, imageId ?? string.Empty, cancellationToken);
        return result.Succeeded ? RedirectToPage(new { reference = Report.Reference }) : NotFound();
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var report = await reports.ReportAsync(reference, cancellationToken);
        if (report is null)
            return false;
        Report = report;
        Images = await media.ForOwnerKeyAsync(MediaOwnerKind.ConditionReport, report.Reference, cancellationToken);
        return true;
    }
}
