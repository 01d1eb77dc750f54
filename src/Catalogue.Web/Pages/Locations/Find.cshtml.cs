using Catalogue.Core.Artifacts;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Locations;

/// <summary>"Where is TL.2002.0001?": opens the object's page at its location and movement history.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class FindModel(ArtifactQueries artifacts, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? accessionNumber, CancellationToken cancellationToken)
    {
        var found = string.IsNullOrWhiteSpace(accessionNumber) ? null : await artifacts.GetAsync(accessionNumber, publishedOnly: false, cancellationToken);
        if (found is not null)
            return Redirect($"~/Artifacts/Details/{found.AccessionNumber}#location");
        TempData["Error"] = l["No artifact has the accession number {0}.", accessionNumber ?? string.Empty].Value;
        return Redirect("~/Locations");
    }
}
