using Catalogue.Core.Artifacts;
using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Artifacts;

/// <summary>What became of one uploaded file.</summary>
public sealed record UploadOutcome(string FileName, bool Attached, string Message, string? ImageId);

/// <summary>
/// Uploads photographs of an artifact (many at once). The artifact page posts here by script with progress and
/// asks for JSON; without script the form posts here and this page shows what became of each file.
/// </summary>
[Authorize(Policy = Policies.EditCatalogue)]
[RequestSizeLimit(PhotographUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotographUploads.MaxRequestBytes)]
public sealed class ImagesModel(ArtifactQueries artifacts, MediaQueries media, MediaCommands commands, IStringLocalizer<SharedResource> l) : PageModel
{
    public ArtifactView Artifact { get; private set; } = null!;
    public IReadOnlyList<MediaImageView> Images { get; private set; } = [];
    public IReadOnlyList<UploadOutcome> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string accessionNumber, CancellationToken cancellationToken) =>
        await LoadAsync(accessionNumber, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string accessionNumber, [FromForm] List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(accessionNumber, cancellationToken))
            return NotFound();
        var wantsJson = PhotographUploads.WantsJson(Request);
        if (files is null || files.Count == 0)
        {
            var message = l["Choose one or more photographs to upload."].Value;
            if (wantsJson)
                return BadRequest(new { outcomes = Array.Empty<UploadOutcome>(), message });
            ModelState.AddModelError("files", message);
            return Page();
        }

        var outcomes = await PhotographUploads.AttachAllAsync(commands, MediaOwnerKind.Artifact, Artifact.AccessionNumber, files, l, cancellationToken);

        if (wantsJson)
            return new JsonResult(new { outcomes });
        Outcomes = outcomes;
        Images = await media.ForArtifactAsync(Artifact.AccessionNumber, publishedOnly: false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDetachAsync(string accessionNumber, string imageId, CancellationToken cancellationToken)
    {
        var result = await commands.DetachFromArtifactAsync(accessionNumber, imageId ?? string.Empty, cancellationToken);
        return result.Succeeded ? RedirectToPage(new { accessionNumber }) : NotFound();
    }

    private async Task<bool> LoadAsync(string accessionNumber, CancellationToken cancellationToken)
    {
        var artifact = await artifacts.GetAsync(accessionNumber, publishedOnly: false, cancellationToken);
        if (artifact is null)
            return false;
        Artifact = artifact;
        Images = await media.ForArtifactAsync(artifact.AccessionNumber, publishedOnly: false, cancellationToken);
        return true;
    }
}
