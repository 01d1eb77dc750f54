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
public sealed class ImagesModel(ConservationQueries reports, MediaQueries media, MediaCommands commands, IStringLocalizer<SharedResource> l)
    : PhotographsPageModel(commands, l)
{
    public ConditionReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken) =>
        await LoadAsync(reference, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string reference, [FromForm] List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
            return NotFound();
        return NoFiles(files) is { } refusal ? Refuse(refusal) : await AttachAsync(MediaOwnerKind.ConditionReport, Report.Reference, files!, cancellationToken);
    }

    public async Task<IActionResult> OnPostDetachAsync(string reference, string imageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
            return NotFound();
        var result = await Commands.DetachFromReportAsync(Report.Reference, imageId ?? string.Empty, cancellationToken);
        if (result.Failure == Catalogue.Core.Common.FailureKind.NotFound)
            return NotFound();
        if (!result.Succeeded)
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToPage(new { reference = Report.Reference });
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var report = await reports.ReportAsync(reference, cancellationToken);
        if (report is null)
            return false;
        Report = report;
        Images = await ImagesAsync(cancellationToken);
        return true;
    }

    protected override Task<IReadOnlyList<MediaImageView>> ImagesAsync(CancellationToken cancellationToken) =>
        media.ForOwnerKeyAsync(MediaOwnerKind.ConditionReport, Report.Reference, cancellationToken);
}
