using Catalogue.Core.Media;
using Catalogue.Web.Pages.Artifacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// What every page taking photographs of a record shares: the record's photographs, what became of each uploaded file,
/// a refusal shown on the page or sent as JSON to the uploading script, and the upload itself.
/// </summary>
public abstract class PhotographsPageModel(MediaCommands commands, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<MediaImageView> Images { get; protected set; } = [];
    public IReadOnlyList<UploadOutcome> Outcomes { get; private set; } = [];

    protected MediaCommands Commands => commands;

    protected IStringLocalizer<SharedResource> S => l;

    /// <summary>The record's photographs as the page shows them (read again after an upload).</summary>
    protected abstract Task<IReadOnlyList<MediaImageView>> ImagesAsync(CancellationToken cancellationToken);

    /// <summary>The message for a request without files, else null.</summary>
    protected string? NoFiles(List<IFormFile>? files) =>
        files is null || files.Count == 0 ? l["Choose one or more photographs to upload."].Value : null;

    /// <summary>The page with the message under the file field, or 400 with it for the uploading script.</summary>
    protected IActionResult Refuse(string message)
    {
        ModelState.AddModelError("files", message);
        return PhotographUploads.WantsJson(Request) ? BadRequest(new { outcomes = Array.Empty<UploadOutcome>(), message }) : Page();
    }

    /// <summary>Attaches every file on its own and answers with what became of each (JSON for the script, else the page).</summary>
    protected async Task<IActionResult> AttachAsync(
        MediaOwnerKind kind, string ownerKey, List<IFormFile> files, CancellationToken cancellationToken, MediaRole role = MediaRole.General)
    {
        var outcomes = await PhotographUploads.AttachAllAsync(commands, kind, ownerKey, files, l, cancellationToken, role);
        if (PhotographUploads.WantsJson(Request))
            return new JsonResult(new { outcomes });
        Outcomes = outcomes;
        Images = await ImagesAsync(cancellationToken);
        return Page();
    }
}
