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
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ImagesModel(ArtifactQueries artifacts, MediaQueries media, MediaCommands commands, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Room for a folder of camera photographs in one request.</summary>
    public const long MaxRequestBytes = 4L * 1024 * 1024 * 1024;

    public ArtifactView Artifact { get; private set; } = null!;
    public IReadOnlyList<MediaImageView> Images { get; private set; } = [];
    public IReadOnlyList<UploadOutcome> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string accessionNumber, CancellationToken cancellationToken) =>
        await LoadAsync(accessionNumber, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string accessionNumber, [FromForm] List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(accessionNumber, cancellationToken))
            return NotFound();
        var wantsJson = Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        if (files is null || files.Count == 0)
        {
            var message = l["Choose one or more photographs to upload."].Value;
            if (wantsJson)
                return BadRequest(new { outcomes = Array.Empty<UploadOutcome>(), message });
            ModelState.AddModelError("files", message);
            return Page();
        }

        var outcomes = new List<UploadOutcome>();
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var result = await commands.AttachAsync(MediaOwnerKind.Artifact, Artifact.AccessionNumber, content, file.FileName, cancellationToken: cancellationToken);
            var name = MediaCommands.DisplayName(file.FileName);
            outcomes.Add(result.Succeeded
                ? new UploadOutcome(name, true, result.Value!.AlreadyAttached ? l["Already attached to this object."] : l["Attached; thumbnails are being made."], result.Value.Sha256)
                : new UploadOutcome(name, false, string.Join(" ", result.Errors.Select(e => e.Message)), null));
        }

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
