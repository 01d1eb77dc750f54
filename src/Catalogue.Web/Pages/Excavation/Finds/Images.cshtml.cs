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
public sealed class ImagesModel(ExcavationQueries finds, MediaQueries media, MediaCommands commands, IStringLocalizer<SharedResource> l)
    : PhotographsPageModel(commands, l)
{
    public Find Find { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string number, [FromForm] List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
            return NotFound();
        return NoFiles(files) is { } refusal ? Refuse(refusal) : await AttachAsync(MediaOwnerKind.Find, Find.FindNumber, files!, cancellationToken);
    }

    public async Task<IActionResult> OnPostDetachAsync(string number, string imageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
            return NotFound();
        var result = await Commands.DetachAsync(MediaOwnerKind.Find, Find.FindNumber, imageId ?? string.Empty, cancellationToken);
        return result.Succeeded ? RedirectToPage(new { number = Find.FindNumber }) : NotFound();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        var find = await finds.FindFindAsync(number, cancellationToken);
        if (find is null)
            return false;
        Find = find;
        Images = await ImagesAsync(cancellationToken);
        return true;
    }

    protected override Task<IReadOnlyList<MediaImageView>> ImagesAsync(CancellationToken cancellationToken) =>
        media.ForOwnerKeyAsync(MediaOwnerKind.Find, Find.FindNumber, cancellationToken);
}
