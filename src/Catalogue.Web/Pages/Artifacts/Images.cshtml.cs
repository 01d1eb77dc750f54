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
public sealed class ImagesModel(ArtifactQueries artifacts, MediaQueries media, MediaCommands commands, IStringLocalizer<SharedResource> l)
    : PhotographsPageModel(commands, l)
{
    public ArtifactView Artifact { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string accessionNumber, CancellationToken cancellationToken) =>
        await LoadAsync(accessionNumber, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string accessionNumber, [FromForm] List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(accessionNumber, cancellationToken))
            return NotFound();
        return NoFiles(files) is { } refusal ? Refuse(refusal) : await AttachAsync(MediaOwnerKind.Artifact, Artifact.AccessionNumber, files!, cancellationToken);
    }

    public async Task<IActionResult> OnPostDetachAsync(string accessionNumber, string imageId, CancellationToken cancellationToken)
    {
        var result = await Commands.DetachFromArtifactAsync(accessionNumber, imageId ?? string.Empty, cancellationToken);
        return result.Succeeded ? RedirectToPage(new { accessionNumber }) : NotFound();
    }

    private async Task<bool> LoadAsync(string accessionNumber, CancellationToken cancellationToken)
    {
        var artifact = await artifacts.GetAsync(accessionNumber, publishedOnly: false, cancellationToken);
        if (artifact is null)
            return false;
        Artifact = artifact;
        Images = await ImagesAsync(cancellationToken);
        return true;
    }

    protected override Task<IReadOnlyList<MediaImageView>> ImagesAsync(CancellationToken cancellationToken) =>
        media.ForArtifactAsync(Artifact.AccessionNumber, publishedOnly: false, cancellationToken);
}
