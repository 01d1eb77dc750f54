using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;
using Catalogue.Web.Pages.Artifacts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Treatments;

/// <summary>
/// Before and after photographs of one treatment step, uploaded by conservators, and taken off again while the
/// treatment is open. A signed-off treatment is a permanent record: no photograph is added to it or taken off it any
/// more (corrections are amendments).
/// </summary>
[Authorize(Policy = Policies.Conserve)]
[RequestSizeLimit(PhotographUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotographUploads.MaxRequestBytes)]
public sealed class StepImagesModel(ConservationQueries treatments, MediaQueries media, MediaCommands commands, IStringLocalizer<SharedResource> l)
    : PhotographsPageModel(commands, l)
{
    public Treatment Treatment { get; private set; } = null!;
    public TreatmentStep Step { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, int stepId, CancellationToken cancellationToken) =>
        await LoadAsync(reference, stepId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string reference, int stepId, [FromForm] List<IFormFile>? files, [FromForm] MediaRole role, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, stepId, cancellationToken))
            return NotFound();
        var refusal = Treatment.IsSignedOff ? S["This treatment is signed off: its record is read-only. Add an amendment instead."].Value
            : NoFiles(files)
            ?? (role is not (MediaRole.Before or MediaRole.After) ? S["Say whether the photographs are from before or after the step."].Value : null);
        return refusal is not null
            ? Refuse(refusal)
            : await AttachAsync(MediaOwnerKind.TreatmentStep, $"{Treatment.Reference}/{Step.Order}", files!, cancellationToken, role);
    }

    /// <summary>Takes a photograph off the step while the treatment is not signed off.</summary>
    public async Task<IActionResult> OnPostDetachAsync(string reference, int stepId, string imageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, stepId, cancellationToken))
            return NotFound();
        var result = await Commands.DetachFromStepAsync(Treatment.Reference, Step.Id, imageId ?? string.Empty, cancellationToken);
        if (result.Succeeded)
            return RedirectToPage(new { reference = Treatment.Reference, stepId = Step.Id });
        return result.Failure == FailureKind.NotFound ? NotFound() : Refuse(S["This treatment is signed off: its record is read-only. Add an amendment instead."].Value);
    }

    private async Task<bool> LoadAsync(string reference, int stepId, CancellationToken cancellationToken)
    {
        var treatment = await treatments.TreatmentAsync(reference, cancellationToken);
        var step = treatment?.Steps.FirstOrDefault(s => s.Id == stepId);
        if (treatment is null || step is null)
            return false;
        (Treatment, Step) = (treatment, step);
        Images = await ImagesAsync(cancellationToken);
        return true;
    }

    protected override Task<IReadOnlyList<MediaImageView>> ImagesAsync(CancellationToken cancellationToken) =>
        media.ForOwnerAsync(MediaOwnerKind.TreatmentStep, Step.Id, cancellationToken);
}
