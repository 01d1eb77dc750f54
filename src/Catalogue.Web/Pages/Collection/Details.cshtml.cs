using Catalogue.Core.Artifacts;
using Catalogue.Core.Excavation;
using Catalogue.Core.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Collection;

/// <summary>A published artifact for the public; anything unpublished is "not found".</summary>
[AllowAnonymous]
public sealed class DetailsModel(ArtifactQueries queries, ProvenanceQueries provenance, MediaQueries media) : PageModel
{
    public ArtifactView Artifact { get; private set; } = null!;

    /// <summary>Only the site's name and the period: the public never sees contexts, coordinates or locations.</summary>
    public PublicProvenance? Provenance { get; private set; }

    /// <summary>Photographs of this published object (an unpublished object has none to show: it is not found).</summary>
    public IReadOnlyList<MediaImageView> Images { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string accessionNumber, CancellationToken cancellationToken)
    {
        var artifact = await queries.GetAsync(accessionNumber, publishedOnly: true, cancellationToken);
        if (artifact is null)
            return NotFound();
        Artifact = artifact;
        Provenance = await provenance.PublicForArtifactAsync(artifact.AccessionNumber, cancellationToken);
        Images = await media.ForArtifactAsync(artifact.AccessionNumber, publishedOnly: true, cancellationToken);
        return Page();
    }
}
