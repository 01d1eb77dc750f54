using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Excavation;

/// <summary>Where an artifact came from: site → context (and its matrix neighbours) → find.</summary>
public sealed record ArtifactProvenance(
    string SiteCode,
    LocalizedText SiteName,
    int ContextNumber,
    string ContextLabel,
    ContextType ContextType,
    string? Phase,
    TermRef? Period,
    MatrixNeighbours? Neighbours,
    string FindNumber,
    DateOnly? FoundOn,
    decimal? X,
    decimal? Y,
    decimal? Z);

/// <summary>The public part of a provenance: the site's name and the period, never coordinates or context details.</summary>
public sealed record PublicProvenance(LocalizedText SiteName, TermRef? Period);

public sealed class ProvenanceQueries(CatalogueDbContext db, SiteStratigraphy stratigraphy)
{
    public async Task<ArtifactProvenance?> ForArtifactAsync(string accessionNumber, CancellationToken cancellationToken = default)
    {
        var find = await FindOf(accessionNumber, cancellationToken);
        if (find is null)
            return null;
        var context = find.Context!;
        return new ArtifactProvenance(
            context.SiteCode, context.Site!.Name, context.Number, context.Label, context.Type, context.Phase,
            context.Period is null ? null : TermRef.From(context.Period),
            await stratigraphy.NeighboursAsync(context.SiteCode, context.Number, cancellationToken),
            find.FindNumber, find.FoundOn, find.X, find.Y, find.Z);
    }

    public async Task<PublicProvenance?> PublicForArtifactAsync(string accessionNumber, CancellationToken cancellationToken = default)
    {
        var find = await FindOf(accessionNumber, cancellationToken);
        return find is null ? null : new PublicProvenance(find.Context!.Site!.Name, find.Context.Period is null ? null : TermRef.From(find.Context.Period));
    }

    private Task<Find?> FindOf(string accessionNumber, CancellationToken cancellationToken)
    {
        var normalized = Artifacts.AccessionNumber.Normalize(accessionNumber);
        return db.Finds.AsNoTracking()
            .Include(f => f.Context).ThenInclude(c => c!.Site)
            .Include(f => f.Context).ThenInclude(c => c!.Period)
            .SingleOrDefaultAsync(f => f.Artifact!.AccessionNumber == normalized, cancellationToken);
    }
}
