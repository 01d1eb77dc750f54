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
        // The objects and where each is, in two queries rather than two per object.
        var ids = view.Exhibition.Objects.ToDictionary(o => o.Artifact!.AccessionNumber, o => o.ArtifactId, StringComparer.Ordinal);
        var placements = await locations.PlacementsAsync(ids.Values.ToList(), cancellationToken);
        var records = await artifacts.GetManyAsync(ids.Keys, publishedOnly: false, cancellationToken);
        Lines = view.Objects
            .Where(shown => records.ContainsKey(shown.AccessionNumber))
            .Select(shown => new Line(shown, records[shown.AccessionNumber], placements.GetValueOrDefault(ids[shown.AccessionNumber])))
            .ToList();
        return Page();
    }
}
