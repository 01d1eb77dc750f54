using Catalogue.Core.Artifacts;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Exhibitions;

/// <summary>The registrar's checklist of an exhibition: every object with its description, label text and whereabouts; prints cleanly.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ChecklistModel(ExhibitionQueries queries, ArtifactQueries artifacts, LocationQueries locations) : PageModel
{
    public sealed record Line(ShownObject Shown, ArtifactView Artifact, Placement? Placement);

    public ExhibitionView View { get; private set; } = null!;
    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var view = await queries.DetailsAsync(code, publicOnly: false, cancellationToken);
        if (view is null)
            return NotFound();
        View = view;
        // Where every object is, in one query rather than one per object.
        var ids = view.Exhibition.Objects.ToDictionary(o => o.Artifact!.AccessionNumber, o => o.ArtifactId, StringComparer.Ordinal);
        var placements = await locations.PlacementsAsync(ids.Values.ToList(), cancellationToken);
        var lines = new List<Line>();
        foreach (var shown in view.Objects)
        {
            var artifact = await artifacts.GetAsync(shown.AccessionNumber, publishedOnly: false, cancellationToken);
            if (artifact is not null)
                lines.Add(new Line(shown, artifact, placements.GetValueOrDefault(ids[shown.AccessionNumber])));
        }

        Lines = lines;
        return Page();
    }
}
