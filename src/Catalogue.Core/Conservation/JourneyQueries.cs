using Catalogue.Core.Artifacts;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Conservation;

public enum JourneyEventKind
{
    Excavated,
    Accessioned,
    ConditionCheck,
    TreatmentProposed,
    TreatmentCompleted,
    TreatmentSignedOff,
}

/// <summary>One dated moment in an object's life, with the record it links to.</summary>
public sealed record JourneyEvent(DateOnly Date, JourneyEventKind Kind, string Summary, string? Reference);

/// <summary>The object's journey: excavated, accessioned, checked, treated (moves and loans join later).</summary>
public sealed class JourneyQueries(CatalogueDbContext db)
{
    public async Task<IReadOnlyList<JourneyEvent>> ForArtifactAsync(string accessionNumber, CancellationToken cancellationToken = default)
    {
        var normalized = AccessionNumber.Normalize(accessionNumber);
        var artifact = await db.Artifacts.AsNoTracking().Include(a => a.Find).ThenInclude(f => f!.Context)
            .SingleOrDefaultAsync(a => a.AccessionNumber == normalized, cancellationToken);
        if (artifact is null)
            return [];
        var events = new List<JourneyEvent>();
        if (artifact.Find is { } find)
            events.Add(new JourneyEvent(find.FoundOn ?? DateOnly.FromDateTime(find.CreatedAt), JourneyEventKind.Excavated,
                $"{find.Context?.SiteCode} {find.Context?.Label}, find {find.FindNumber}", find.FindNumber));
        events.Add(new JourneyEvent(DateOnly.FromDateTime(artifact.CreatedAt), JourneyEventKind.Accessioned, artifact.AccessionNumber, artifact.AccessionNumber));

        var reports = await db.ConditionReports.AsNoTracking().Where(r => r.ArtifactId == artifact.Id)
            .Select(r => new { r.Reference, r.ExaminedOn, r.Overall, r.Purpose, r.Examiner }).ToListAsync(cancellationToken);
        events.AddRange(reports.Select(r => new JourneyEvent(r.ExaminedOn, JourneyEventKind.ConditionCheck,
            $"{r.Overall} ({r.Purpose}), {r.Examiner}", r.Reference)));

        var treatments = await db.Treatments.AsNoTracking().Where(t => t.ArtifactId == artifact.Id)
            .Select(t => new { t.Reference, t.Title, t.ProposedOn, t.CompletedOn, t.SignedOffOn, t.SignedOffBy }).ToListAsync(cancellationToken);
        foreach (var t in treatments)
        {
            events.Add(new JourneyEvent(t.ProposedOn, JourneyEventKind.TreatmentProposed, t.Title, t.Reference));
            if (t.CompletedOn is { } completed)
                events.Add(new JourneyEvent(completed, JourneyEventKind.TreatmentCompleted, t.Title, t.Reference));
            if (t.SignedOffOn is { } signed)
                events.Add(new JourneyEvent(signed, JourneyEventKind.TreatmentSignedOff, $"{t.Title}, {t.SignedOffBy}", t.Reference));
        }

        return events.OrderBy(e => e.Date).ThenBy(e => e.Kind).ToList();
    }
}
