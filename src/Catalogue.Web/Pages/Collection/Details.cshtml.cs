using Catalogue.Core.Artifacts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Collection;

/// <summary>A published artifact for the public; anything unpublished is "not found".</summary>
[AllowAnonymous]
public sealed class DetailsModel(ArtifactQueries queries) : PageModel
{
    public ArtifactView Artifact { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string accessionNumber, CancellationToken cancellationToken)
    {
        var artifact = await queries.GetAsync(accessionNumber, publishedOnly: true, cancellationToken);
        if (artifact is null)
            return NotFound();
        Artifact = artifact;
        return Page();
    }
}
