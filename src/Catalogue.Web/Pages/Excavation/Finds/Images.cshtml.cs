using Catalogue.Core.Excavation;
using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;
using Catalogue.Web.Pages.Artifacts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Excavation.Finds;

/// <summary>Field photographs of a find: uploaded by archaeologists, seen by staff only.</summary>
[Authorize(Policy = Policies.RecordExcavation)]
[RequestSizeLimit(PhotographUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotographUploads.MaxRequestBytes)]
public sealed class ImagesModel(ExcavationQueries finds, MediaQueries media, MediaCommands commands, IStringLocalizer<SharedResource> l) : PageModel
{
    public Find Find { get; private set; } = null!;
    public IReadOnlyList<MediaImageView> Images { get; private set; } = [];
    public IReadOnlyList<UploadOutcome> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string number, [FromForm] List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
            return NotFound();
        if (files is null || files.Count == 0)
        {
            ModelState.AddModelError("files", l["Choose one or more photographs to upload."]);
            return PhotographUploads.WantsJson(Request) ? BadRequest(new { outcomes = Array.Empty<UploadOutcome>(), message = l["Choose one or more photographs to upload."].Value }) : Page();
        }

        var outcomes = await PhotographUploads.AttachAllAsync(commands, MediaOwnerKind.Find, Find.FindNumber, files, l, cancellationToken);
        if (PhotographUploads.WantsJson(Request))
            return new JsonResult(new { outcomes });
        Outcomes = outcomes;
        Images = await media.ForOwnerKeyAsync(MediaOwnerKind.Find, Find.FindNumber, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDetachAsync(string number, string imageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
            return NotFound();
        var result = await commands.DetachAsync(MediaOwnerKind.Find, Find.FindNumber, imageId ?? string.Empty, cancellationToken);
        return result.Succeeded ? RedirectToPage(new { number = Find.FindNumber }) : NotFound();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        var find = await finds.FindFindAsync(number, cancellationToken);
        if (find is null)
            return false;
        Find = find;
        Images = await media.ForOwnerKeyAsync(MediaOwnerKind.Find, find.FindNumber, cancellationToken);
        return true;
    }
}
