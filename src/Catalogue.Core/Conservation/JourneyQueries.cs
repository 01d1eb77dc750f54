using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Conservation;

public enum JourneyEventKind
{
    Excavated,
    Accessioned,

    /// <summary>The record was created; the object's accession date is not recorded.</summary>
    Catalogued,
    ConditionCheck,
    TreatmentProposed,
    TreatmentCompleted,
    TreatmentSignedOff,
    Moved,
    Exhibited,
    LoanDispatched,
    LoanReturned,
}

/// <summary>
/// One dated moment in an object's life, with the record it links to: a find number, an accession number, a condition
/// report or treatment reference, a location code (moved), an exhibition code (exhibited) or a loan reference.
/// </summary>
public sealed record JourneyEvent(DateOnly Date, JourneyEventKind Kind, string Summary, string? Reference);

/// <summary>The object's journey: excavated, accessioned, checked, treated, moved, exhibited and lent.</summary>
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
        events.Add(artifact.AccessionDate is { } accessioned
            ? new JourneyEvent(accessioned, JourneyEventKind.Accessioned, artifact.AccessionNumber, artifact.AccessionNumber)
            : new JourneyEvent(DateOnly.FromDateTime(artifact.CreatedAt), JourneyEventKind.Catalogued, artifact.AccessionNumber, artifact.AccessionNumber));

        var reports = await db.ConditionReports.AsNoTracking().Where(r => r.ArtifactId == artifact.Id)
            .Select(r => new { r.Reference, r.ExaminedOn, r.Overall, r.Purpose, r.Examiner }).ToListAsync(cancellationToken);
        events.AddRange(reports.Select(r => new JourneyEvent(r.ExaminedOn, JourneyEventKind.ConditionCheck,
            $"{Text.Words(r.Overall)} condition ({Text.Words(r.Purpose)}), {r.Examiner}", r.Reference)));

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

        events.AddRange(await MovesAndLoansAsync(artifact.Id, cancellationToken));
        events.AddRange(await ExhibitionsAsync(artifact.Id, cancellationToken));
        return events.OrderBy(e => e.Date).ThenBy(e => e.Kind).ToList();
    }

    /// <summary>Storage moves, and the moves out on a loan and back from it as the loan's dispatch and return.</summary>
    private async Task<IEnumerable<JourneyEvent>> MovesAndLoansAsync(int artifactId, CancellationToken cancellationToken)
    {
        var moves = await db.Movements.AsNoTracking().Where(m => m.ArtifactId == artifactId)
            .OrderBy(m => m.MovedAt).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.MovedAt, m.FromLocationId, m.ToLocationId, m.Reason,
                Loan = m.Loan == null ? null : m.Loan.Reference,
                Institution = m.Loan == null ? null : m.Loan.Institution,
            })
            .ToListAsync(cancellationToken);
        if (moves.Count == 0)
            return [];
        var codes = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);
        string Code(int? id) => id is { } i ? codes[i] : "—";
        return moves.Select(m => (m.Loan, m.ToLocationId) switch
        {
            (null, _) => new JourneyEvent(DateOnly.FromDateTime(m.MovedAt), JourneyEventKind.Moved,
                $"{(m.FromLocationId is null ? string.Empty : $"{Code(m.FromLocationId)} → ")}{Code(m.ToLocationId)}: {m.Reason}", Code(m.ToLocationId)),
            (_, null) => new JourneyEvent(DateOnly.FromDateTime(m.MovedAt), JourneyEventKind.LoanDispatched,
                $"to {m.Institution}{(m.FromLocationId is null ? string.Empty : $", from {Code(m.FromLocationId)}")}", m.Loan),
            _ => new JourneyEvent(DateOnly.FromDateTime(m.MovedAt), JourneyEventKind.LoanReturned,
                $"from {m.Institution}, to {Code(m.ToLocationId)}", m.Loan),
        }).ToList();
    }

    /// <summary>
    /// Each venue of the exhibitions showing the object. A venue during one of the exhibition's loans out (e.g. abroad)
    /// showed only the objects on that loan; the others stayed home.
    /// </summary>
    private async Task<IEnumerable<JourneyEvent>> ExhibitionsAsync(int artifactId, CancellationToken cancellationToken)
    {
        var exhibitions = await db.Exhibitions.AsNoTracking().Include(e => e.Venues)
            .Where(e => e.Objects.Any(o => o.ArtifactId == artifactId)).ToListAsync(cancellationToken);
        if (exhibitions.Count == 0)
            return [];
        var ids = exhibitions.Select(e => e.Id).ToList();
        var loans = await db.Loans.AsNoTracking().Where(l => l.ExhibitionId != null && ids.Contains(l.ExhibitionId.Value) && l.Direction == Exhibitions.LoanDirection.Out)
            .Select(l => new
            {
                ExhibitionId = l.ExhibitionId!.Value,
                From = l.DispatchedOn ?? l.AgreementFrom,
                To = l.ReturnedOn ?? l.AgreementTo,
                Holds = l.Objects.Any(o => o.ArtifactId == artifactId),
            })
            .ToListAsync(cancellationToken);
        return exhibitions.SelectMany(e => e.Venues
            .Where(v => loans.Where(l => l.ExhibitionId == e.Id && l.From is not null && l.To is not null && l.From <= v.ClosesOn && v.OpensOn <= l.To)
                .ToList() is var during && (during.Count == 0 || during.Any(l => l.Holds)))
            .Select(v => new JourneyEvent(v.OpensOn, JourneyEventKind.Exhibited,
                $"{e.Title.In("en")}, {v.Institution}, {v.City}, {v.OpensOn:yyyy-MM-dd} to {v.ClosesOn:yyyy-MM-dd}", e.Code)));
    }
}
