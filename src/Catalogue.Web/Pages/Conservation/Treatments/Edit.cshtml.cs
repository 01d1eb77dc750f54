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

    /// <summary>Approved, work not started: changing the title or proposal withdraws the approval.</summary>
    public string? Approval { get; private set; }

    /// <summary>The work has started: the approved title and proposal no longer change.</summary>
    public bool ProposalFixed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return NotFound();
        if (treatment.IsSignedOff)
            return Redirect($"~/Conservation/Treatments/Amend/{Reference}");
        Input = TreatmentInput.From(treatment);
        Describe(treatment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return NotFound();
        if (treatment.IsSignedOff)
            return TreatmentAction.RefusedForItsStage(this, treatment, l);
        Describe(treatment);
        if (!ModelState.IsValid)
            return Page();
        if (!IsCompleted)
            (Input.ConditionAfter, Input.Outcome) = (treatment.ConditionAfter, treatment.Outcome);
        var withdrawsApproval = Approval is not null && treatment.ChangesProposal(Input.ToDetails());
        var result = await commands.ReviseAsync(Reference, Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = withdrawsApproval
                ? l["Treatment {0} was saved. Its title or proposal changed, so its approval was withdrawn: it waits for a new approval.", Reference].Value
                : l["Treatment {0} was saved.", Reference].Value;
            return Redirect($"~/Conservation/Treatments/Details/{Reference}");
        }

        if (result.Failure == FailureKind.Conflict)
            Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddErrors(result.Errors);
        return Page();
    }

    private void Describe(Treatment treatment)
    {
        IsCompleted = treatment.Status == TreatmentStatus.Completed;
        ProposalFixed = treatment.Status > TreatmentStatus.Approved;
        Approval = treatment.Status == TreatmentStatus.Approved
            ? l["Approved by {0} on {1}. Changing the title or the proposal withdraws this approval: the treatment goes back to proposed, for a new approval.",
                treatment.ApprovedBy!, treatment.ApprovedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value
            : null;
    }
}
