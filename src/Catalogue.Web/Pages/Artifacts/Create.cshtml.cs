using Catalogue.Core.Artifacts;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Artifacts;

[Authorize(Policy = Policies.EditCatalogue)]
public sealed class CreateModel(ArtifactCommands commands, VocabularyQueries vocabularies, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CreateArtifactCommand Input { get; set; } = new();

    public ArtifactFormOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Options = await ArtifactFormOptions.LoadAsync(vocabularies, cancellationToken);

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
