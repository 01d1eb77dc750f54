using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Treatments;

/// <summary>
/// A curator or senior conservator reviews a proposed treatment (not their own proposal): approves it, with a comment
/// if they have one, or returns it to its proposer saying what it needs.
/// </summary>
[Authorize(Policy = Policies.ApproveTreatment)]
public sealed class ApproveModel(ConservationCommands commands, ConservationQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    public Treatment Treatment { get; private set; } = null!;

    public string? Comment { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int version, string? comment, CancellationToken cancellationToken) =>
        await AnswerAsync(await commands.ApproveAsync(Reference, version, comment, cancellationToken), comment, l["Treatment {0} was approved.", Reference], cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(int version, string? comment, CancellationToken cancellationToken) =>
        await AnswerAsync(await commands.ReturnForRevisionAsync(Reference, version, comment, cancellationToken), comment,
            l["Treatment {0} was returned to its proposer for revision.", Reference], cancellationToken);

    /// <summary>A comment the review refused (missing, too long) comes back on this form to be put right; anything else goes to the record.</summary>
    private async Task<IActionResult> AnswerAsync(CommandResult<Treatment> result, string? comment, string success, CancellationToken cancellationToken)
    {
        if (result.Succeeded || !result.Errors.Any(e => e.Field == TreatmentReview.CommentField) || !await LoadAsync(cancellationToken))
            return TreatmentAction.Outcome(this, Reference, result, success);
        Comment = comment;
        ModelState.AddErrors(result.Errors, prefix: string.Empty);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return false;
        Treatment = treatment;
        return true;
    }
}
