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
/// Before and after photographs of one treatment step, uploaded by conservators. A signed-off treatment is a
/// permanent record: no photograph is added to it any more (corrections are amendments).
/// </summary>
[Authorize(Policy = Policies.Conserve)]
[RequestSizeLimit(PhotographUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotographUploads.MaxRequestBytes)]
public sealed class StepImagesModel(ConservationQueries treatments, MediaQueries media, MediaCommands commands, IStringLocalizer<SharedResource> l) : PageModel
{
    public Treatment Treatment { get; private set; } = null!;
    public TreatmentStep Step { get; private set; } = null!;
    public IReadOnlyList<MediaImageView> Images { get; private set; } = [];
    public IReadOnlyList<UploadOutcome> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, int stepId, CancellationToken cancellationToken) =>
        await LoadAsync(reference, stepId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string reference, int stepId, [FromForm] List<IFormFile>? files, [FromForm] MediaRole role, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, stepId, cancellationToken))
            return NotFound();
        string? refusal = Treatment.IsSignedOff ? l["This treatment is signed off: its record is read-only. Add an amendment instead."].Value
            : files is null || files.Count == 0 ? l["Choose one or more photographs to upload."].Value
            : role is not (MediaRole.Before or MediaRole.After) ? l["Say whether the photographs are from before or after the step."].Value
            : null;
        if (refusal is not null)
        {
            ModelState.AddModelError("files", refusal);
            return PhotographUploads.WantsJson(Request) ? BadRequest(new { outcomes = Array.Empty<UploadOutcome>(), message = refusal }) : Page();
        }

        var outcomes = await PhotographUploads.AttachAllAsync(commands, MediaOwnerKind.TreatmentStep, $"{Treatment.Reference}/{Step.Order}", files!, l, cancellationToken, role);
        if (PhotographUploads.WantsJson(Request))
            return new JsonResult(new { outcomes });
        Outcomes = outcomes;
        Images = await media.ForOwnerAsync(MediaOwnerKind.TreatmentStep, Step.Id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string reference, int stepId, CancellationToken cancellationToken)
    {
        var treatment = await treatments.TreatmentAsync(reference, cancellationToken);
        var step = treatment?.Steps.FirstOrDefault(s => s.Id == stepId);
        if (treatment is null || step is null)
            return false;
        (Treatment, Step) = (treatment, step);
        Images = await media.ForOwnerAsync(MediaOwnerKind.TreatmentStep, step.Id, cancellationToken);
        return true;
    }
}
