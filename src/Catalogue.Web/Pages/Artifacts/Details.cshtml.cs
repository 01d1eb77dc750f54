using Catalogue.Core.Artifacts;
using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Excavation;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Artifacts;

/// <summary>The full staff view of one artifact with its change history.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ArtifactQueries queries, HistoryQueries history, ProvenanceQueries provenance, ConservationQueries conservation, JourneyQueries journey,
    LocationQueries locations, ExhibitionQueries exhibitions, MediaQueries media) : PageModel
{
    public ArtifactView Artifact { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public ArtifactProvenance? Provenance { get; private set; }
    public IReadOnlyList<ConditionReportSummary> Reports { get; private set; } = [];
    public IReadOnlyList<TreatmentSummary> Treatments { get; private set; } = [];
    public IReadOnlyList<JourneyEvent> Journey { get; private set; } = [];
    public Placement? Placement { get; private set; }

    /// <summary>Set when the last inventory of its location did not find it, and no move has placed it since.</summary>
    public MissingObject? Missing { get; private set; }
    public IReadOnlyList<MediaImageView> Images { get; private set; } = [];
    public IReadOnlyList<MovementView> Movements { get; private set; } = [];
    public IReadOnlyList<(string Code, LocalizedText Title, DateOnly? Opens, DateOnly? Closes, string Venues)> Exhibitions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string accessionNumber, CancellationToken cancellationToken)
    {
        var artifact = await queries.GetAsync(accessionNumber, publishedOnly: false, cancellationToken);
        if (artifact is null)
            return NotFound();
        Artifact = artifact;
        Provenance = await provenance.ForArtifactAsync(artifact.AccessionNumber, cancellationToken);
        Reports = await conservation.ReportsForArtifactAsync(artifact.AccessionNumber, cancellationToken);
        Treatments = await conservation.TreatmentsForArtifactAsync(artifact.AccessionNumber, cancellationToken);
        Journey = await journey.ForArtifactAsync(artifact.AccessionNumber, cancellationToken);
        Placement = await locations.PlacementOfAsync(artifact.AccessionNumber, cancellationToken);
        Missing = await locations.MissingAsync(artifact.AccessionNumber, cancellationToken) is [var missing, ..] ? missing : null;
        Movements = await locations.HistoryAsync(artifact.AccessionNumber, cancellationToken);
        Exhibitions = await exhibitions.ExhibitionsOfAsync(artifact.AccessionNumber, cancellationToken);
        Images = await media.ForArtifactAsync(artifact.AccessionNumber, publishedOnly: false, cancellationToken);
        // The artifact's history includes its photographs being attached and removed ("image 1a2b…").
        History = await history.ForRecordWithPartsAsync(Core.Artifacts.Artifact.AuditType, MediaLink.AuditTypeFor(MediaOwnerKind.Artifact), artifact.AccessionNumber, cancellationToken);
        return Page();
    }
}
