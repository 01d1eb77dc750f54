using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Treatments;

/// <summary>Edits a treatment's text until it is signed off (afterwards only amendments).</summary>
[Authorize(Policy = Policies.Conserve)]
public sealed class EditModel(ConservationCommands commands, ConservationQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    [BindProperty]
    public TreatmentInput Input { get; set; } = new();

    public bool IsCompleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return NotFound();
        if (treatment.IsSignedOff)
            return Redirect($"/Conservation/Treatments/Amend/{Reference}");
        Input = TreatmentInput.From(treatment);
        IsCompleted = treatment.Status == TreatmentStatus.Completed;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return NotFound();
        if (treatment.IsSignedOff)
            return TreatmentAction.RefusedForItsStage(this, treatment, l);
        IsCompleted = treatment.Status == TreatmentStatus.Completed;
        if (!ModelState.IsValid)
            return Page();
        if (!IsCompleted)
            (Input.ConditionAfter, Input.Outcome) = (treatment.ConditionAfter, treatment.Outcome);
        var result = await commands.ReviseAsync(Reference, Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = l["Treatment {0} was saved.", Reference].Value;
            return Redirect($"/Conservation/Treatments/Details/{Reference}");
        }

        if (result.Failure == FailureKind.Conflict)
            Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddErrors(result.Errors);
        return Page();
    }
}
