using Catalogue.Core.Conservation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Treatments;

/// <summary>A curator or senior conservator approves a proposed treatment (not their own proposal).</summary>
[Authorize(Policy = Policies.ApproveTreatment)]
public sealed class ApproveModel(ConservationCommands commands, ConservationQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    public int Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return NotFound();
        Version = treatment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int version, CancellationToken cancellationToken) =>
        TreatmentAction.Outcome(this, Reference, await commands.ApproveAsync(Reference, version, cancellationToken), l["Treatment {0} was approved.", Reference]);
}
