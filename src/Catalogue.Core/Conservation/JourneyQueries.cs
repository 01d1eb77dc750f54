using System.Globalization;
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
/// Its line is <see cref="Template"/>, an English text with numbered places that the pages translate, filled with
/// <see cref="Values"/>: text as recorded, and values the reader's language names (a condition or a purpose, a title
/// in three languages, a date).
/// </summary>
public sealed record JourneyEvent(DateOnly Date, JourneyEventKind Kind, string? Reference, string Template, IReadOnlyList<object?> Values)
{
    public JourneyEvent(DateOnly date, JourneyEventKind kind, string? reference, string template, params object?[] values)
        : this(date, kind, reference, template, (IReadOnlyList<object?>)values)
    {
    }

    /// <summary>The line in English.</summary>
    public string Summary => string.Format(CultureInfo.InvariantCulture, Template, [.. Values.Select(English)]);

    private static object? English(object? value) => value switch
    {
        Enum e => Text.Words(e.ToString()),
        LocalizedText t => t.In("en"),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };
}

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
            events.Add(new JourneyEvent(find.FoundOn ?? DateOnly.FromDateTime(find.CreatedAt), JourneyEventKind.Excavated, find.FindNumber,
                "{0} {1}, find {2}", find.Context?.SiteCode, find.Context?.Label, find.FindNumber));
        events.Add(artifact.AccessionDate is { } accessioned
            ? new JourneyEvent(accessioned, JourneyEventKind.Accessioned, artifact.AccessionNumber, "{0}", artifact.AccessionNumber)
            : new JourneyEvent(DateOnly.FromDateTime(artifact.CreatedAt), JourneyEventKind.Catalogued, artifact.AccessionNumber, "{0}", artifact.AccessionNumber));

        var reports = await db.ConditionReports.AsNoTracking().Where(r => r.ArtifactId == artifact.Id)
            .Select(r => new { r.Reference, r.ExaminedOn, r.Overall, r.Purpose, r.Examiner }).ToListAsync(cancellationToken);
        events.AddRange(reports.Select(r => new JourneyEvent(r.ExaminedOn, JourneyEventKind.ConditionCheck, r.Reference,
            "{0} condition ({1}), {2}", r.Overall, r.Purpose, r.Examiner)));

        var treatments = await db.Treatments.AsNoTracking().Where(t => t.ArtifactId == artifact.Id)
            .Select(t => new { t.Reference, t.Title, t.ProposedOn, t.CompletedOn, t.SignedOffOn, t.SignedOffBy }).ToListAsync(cancellationToken);
        foreach (var t in treatments)
        {
            events.Add(new JourneyEvent(t.ProposedOn, JourneyEventKind.TreatmentProposed, t.Reference, "{0}", t.Title));
            if (t.CompletedOn is { } completed)
                events.Add(new JourneyEvent(completed, JourneyEventKind.TreatmentCompleted, t.Reference, "{0}", t.Title));
            if (t.SignedOffOn is { } signed)
                events.Add(new JourneyEvent(signed, JourneyEventKind.TreatmentSignedOff, t.Reference, "{0}, {1}", t.Title, t.SignedOffBy));
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
        return moves.Select(m => (m.Loan, m.ToLocationId, m.FromLocationId) switch
        {
            (null, _, null) => new JourneyEvent(DateOnly.FromDateTime(m.MovedAt), JourneyEventKind.Moved, Code(m.ToLocationId),
                "{0}: {1}", Code(m.ToLocationId), m.Reason),
            (null, _, _) => new JourneyEvent(DateOnly.FromDateTime(m.MovedAt), JourneyEventKind.Moved, Code(m.ToLocationId),
                "{0} → {1}: {2}", Code(m.FromLocationId), Code(m.ToLocationId), m.Reason),
            (_, null, null) => new JourneyEvent(DateOnly.FromDateTime(m.MovedAt), JourneyEventKind.LoanDispatched, m.Loan, "to {0}", m.Institution),
            (_, null, _) => new JourneyEvent(DateOnly.FromDateTime(m.MovedAt), JourneyEventKind.LoanDispatched, m.Loan,
                "to {0}, from {1}", m.Institution, Code(m.FromLocationId)),
            _ => new JourneyEvent(DateOnly.FromDateTime(m.MovedAt), JourneyEventKind.LoanReturned, m.Loan,
                "from {0}, to {1}", m.Institution, Code(m.ToLocationId)),
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
            .Select(v => new JourneyEvent(v.OpensOn, JourneyEventKind.Exhibited, e.Code,
                "{0}, {1}, {2}, {3} to {4}", e.Title, v.Institution, v.City, v.OpensOn, v.ClosesOn)));
    }
}
