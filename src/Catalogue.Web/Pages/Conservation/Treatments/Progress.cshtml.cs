using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Treatments;

/// <summary>Start an approved treatment; complete one in progress with its outcome.</summary>
[Authorize(Policy = Policies.Conserve)]
public sealed class ProgressModel(ConservationCommands commands, ConservationQueries queries, InstitutionCalendar calendar, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    public Treatment Treatment { get; private set; } = null!;
    public DateOnly Today => calendar.Today;
    public string? ConditionAfter { get; private set; }
    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(int version, DateOnly? on, CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
            return NotFound();
        if (Treatment.Status != TreatmentStatus.Approved)
            return TreatmentAction.RefusedForItsStage(this, Treatment, l);
        return TreatmentAction.Outcome(this, Reference, await commands.StartAsync(Reference, version, on, cancellationToken), l["Work on {0} has started.", Reference]);
    }

    public async Task<IActionResult> OnPostCompleteAsync(int version, DateOnly? on, string? conditionAfter, string? outcome, CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
            return NotFound();
        if (Treatment.Status != TreatmentStatus.InProgress)
            return TreatmentAction.RefusedForItsStage(this, Treatment, l);
        var result = await commands.CompleteAsync(Reference, version, conditionAfter, outcome, on, cancellationToken);
        if (result.Succeeded || result.Failure == FailureKind.NotFound)
            return TreatmentAction.Outcome(this, Reference, result, l["Treatment {0} is completed and awaits sign-off.", Reference]);
        if (!await Load(cancellationToken))
            return NotFound();
        (ConditionAfter, Outcome) = (conditionAfter, outcome);
        ModelState.AddErrors(result.Errors, prefix: string.Empty);
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return false;
        Treatment = treatment;
        return true;
    }
}
