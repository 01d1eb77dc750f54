using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Treatments;

/// <summary>Adds a dated, attributed, reasoned correction to a signed-off treatment.</summary>
[Authorize(Policy = Policies.Conserve)]
public sealed class AmendModel(ConservationCommands commands, ConservationQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    public AmendmentForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? section, string? text, string? reason, CancellationToken cancellationToken)
    {
        var result = await commands.AmendAsync(Reference, reason, section, text, cancellationToken);
        if (result.Succeeded || result.Failure == FailureKind.NotFound)
            return TreatmentAction.Outcome(this, Reference, result, l["The amendment was added to {0}.", Reference]);
        if (!await Load(cancellationToken))
            return NotFound();
        Form = Form with { Section = section, Text = text, Reason = reason };
        ModelState.AddErrors(result.Errors, prefix: string.Empty);
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return false;
        Form = new AmendmentForm($"/Conservation/Treatments/Details/{Reference}", AmendmentSections.Of(treatment));
        return true;
    }
}
