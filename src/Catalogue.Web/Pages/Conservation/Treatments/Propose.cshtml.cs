using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Treatments;

[Authorize(Policy = Policies.Conserve)]
public sealed class ProposeModel(ConservationCommands commands, ArtifactQueries artifacts, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public TreatmentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? artifact, CancellationToken cancellationToken)
    {
        var found = artifact is null ? null : await artifacts.GetAsync(artifact, publishedOnly: false, cancellationToken);
        if (found is null)
            return NotFound();
        Input = new TreatmentInput { AccessionNumber = found.AccessionNumber };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await commands.ProposeAsync(Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = l["Treatment {0} was proposed.", result.Value!.Reference].Value;
            return Redirect($"~/Conservation/Treatments/Details/{result.Value.Reference}");
        }

        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        ModelState.AddErrors(result.Errors);
        return Page();
    }
}
