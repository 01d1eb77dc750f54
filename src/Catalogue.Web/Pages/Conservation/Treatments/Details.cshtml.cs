using Catalogue.Core.Audit;
using Catalogue.Core.Conservation;
using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Conservation.Treatments;

/// <summary>The treatment as a printable record copy: object, every stage with names and dates, steps, materials, amendments.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ConservationQueries queries, HistoryQueries history, MediaQueries media) : PageModel
{
    public Treatment Treatment { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    /// <summary>Before and after photographs of each step, by step id.</summary>
    public Dictionary<int, IReadOnlyList<MediaImageView>> StepImages { get; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(reference, cancellationToken);
        if (treatment is null)
            return NotFound();
        Treatment = treatment;
        foreach (var step in treatment.Steps)
            StepImages[step.Id] = await media.ForOwnerAsync(MediaOwnerKind.TreatmentStep, step.Id, cancellationToken);
        History = await history.ForRecordWithPartsAsync(Treatment.AuditType, TreatmentStep.AuditType, treatment.Reference, cancellationToken);
        return Page();
    }
}
