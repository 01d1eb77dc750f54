using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Artifacts;

/// <summary>Edit an artifact's record, or change its publication status (handler "Status").</summary>
[Authorize(Policy = Policies.EditCatalogue)]
public sealed class EditModel(ArtifactCommands commands, ArtifactQueries queries, VocabularyQueries vocabularies, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string AccessionNumber { get; set; } = string.Empty;

    [BindProperty]
    public UpdateArtifactCommand Input { get; set; } = new();

    public ArtifactFormOptions Options { get; private set; } = null!;

    public bool IsConflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var artifact = await queries.FindForEditAsync(AccessionNumber, cancellationToken);
        if (artifact is null)
            return NotFound();
        AccessionNumber = artifact.AccessionNumber;
        Input.CopyFrom(artifact);
        Input.Version = artifact.Version;
        Options = await ArtifactFormOptions.LoadAsync(vocabularies, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            Input.AccessionNumber = AccessionNumber;
            var result = await commands.UpdateAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Your changes to {0} were saved.", AccessionNumber].Value;
                return RedirectToPage("Details", new { accessionNumber = AccessionNumber });
            }

            if (result.Failure == FailureKind.NotFound)
                return NotFound();
            IsConflict = result.Failure == FailureKind.Conflict;
            if (IsConflict)
                Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddErrors(result.Errors);
        }

        Options = await ArtifactFormOptions.LoadAsync(vocabularies, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(PublicationStatus status, int version, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = l["Publication status must be draft, internal or published."].Value;
            return RedirectToPage("Details", new { accessionNumber = AccessionNumber });
        }

        var result = await commands.ChangeStatusAsync(
            new ChangePublicationStatusCommand { AccessionNumber = AccessionNumber, Status = status, Version = version }, cancellationToken);
        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Succeeded)
            TempData["Message"] = l["{0} is now {1}.", AccessionNumber, l[result.Value!.Status.ToString()]].Value;
        else
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToPage("Details", new { accessionNumber = AccessionNumber });
    }
}
