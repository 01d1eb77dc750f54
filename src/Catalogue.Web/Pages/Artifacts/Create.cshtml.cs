using Catalogue.Core.Artifacts;
using Catalogue.Core.Excavation;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Artifacts;

[Authorize(Policy = Policies.EditCatalogue)]
public sealed class CreateModel(
    ArtifactCommands commands, VocabularyQueries vocabularies, AccessionProposal proposals, ExcavationQueries excavation, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CreateArtifactCommand Input { get; set; } = new();

    public ArtifactFormOptions Options { get; private set; } = null!;

    /// <summary>With <c>?find=HD18-0042</c>, the form is prefilled from that registered find and linked to it.</summary>
    public async Task<IActionResult> OnGetAsync(string? find, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(find))
        {
            var proposal = await proposals.ProposeAsync(find, cancellationToken);
            if (proposal is null)
            {
                // A find already accessioned, or discarded, is said so where it is recorded, not "not found".
                var existing = await excavation.FindFindAsync(find, cancellationToken);
                if (existing is null)
                    return NotFound();
                TempData["Error"] = existing.Artifact is { } artifact
                    ? l["Find {0} is already accessioned as {1}.", existing.FindNumber, artifact.AccessionNumber].Value
                    : l["Find {0} is {1}, so it cannot be accessioned.", existing.FindNumber, l[existing.Status.ToString()].Value].Value;
                return Redirect(existing.Artifact is { } accessioned
                    ? $"~/Artifacts/Details/{Uri.EscapeDataString(accessioned.AccessionNumber)}"
                    : $"~/Excavation/Finds/Details/{Uri.EscapeDataString(existing.FindNumber)}");
            }

            Input = proposal;
        }
        else
        {
            Input.AccessionNumber = await proposals.NextAccessionNumberAsync(cancellationToken);
        }

        Options = await ArtifactFormOptions.LoadAsync(vocabularies, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await commands.CreateAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Artifact {0} was created.", result.Value!.AccessionNumber].Value;
                return RedirectToPage("Details", new { accessionNumber = result.Value.AccessionNumber });
            }

            ModelState.AddErrors(result.Errors);
        }

        Options = await ArtifactFormOptions.LoadAsync(vocabularies, cancellationToken);
        return Page();
    }
}
