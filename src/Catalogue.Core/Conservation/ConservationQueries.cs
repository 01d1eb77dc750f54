using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Conservation;

public sealed record ConditionReportSummary(
    string Reference, string AccessionNumber, DateOnly ExaminedOn, string Examiner, ConditionCheckPurpose Purpose,
    OverallCondition Overall, ConservationPriority Priority, DateOnly? NextCheckDue, int Observations);

public sealed record TreatmentSummary(
    string Reference, string AccessionNumber, LocalizedText ArtifactTitle, string Title, TreatmentStatus Status,
    string ProposedBy, DateOnly ProposedOn, string? ApprovedBy, DateOnly? CompletedOn, DateOnly? SignedOffOn, int Steps, bool AwaitingRevision);

/// <summary>An object whose next condition check is due (or overdue), from its latest report.</summary>
public sealed record DueCheck(
    string AccessionNumber, LocalizedText Title, string LatestReport, DateOnly ExaminedOn, OverallCondition Overall,
    ConservationPriority Priority, DateOnly NextCheckDue, int DaysOverdue)
{
    /// <summary>Where the object is now (a storage path or its loan), for staff.</summary>
    public string? Where { get; init; }
}

public sealed record Worklist(
    IReadOnlyList<DueCheck> DueChecks,
    IReadOnlyList<TreatmentSummary> AwaitingApproval,
    IReadOnlyList<TreatmentSummary> Underway,
    IReadOnlyList<TreatmentSummary> AwaitingSignOff);

public sealed class ConservationQueries(CatalogueDbContext db, InstitutionCalendar calendar)
{
    public async Task<IReadOnlyList<ConditionReportSummary>> ReportsForArtifactAsync(string accessionNumber, CancellationToken cancellationToken = default) =>
        await db.ConditionReports.AsNoTracking().Where(r => r.Artifact!.AccessionNumber == accessionNumber)
            .OrderByDescending(r => r.ExaminedOn).ThenByDescending(r => r.Id)
            .Select(r => new ConditionReportSummary(r.Reference, r.Artifact!.AccessionNumber, r.ExaminedOn, r.Examiner, r.Purpose, r.Overall, r.Priority, r.NextCheckDue, r.Observations.Count))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TreatmentSummary>> TreatmentsForArtifactAsync(string accessionNumber, CancellationToken cancellationToken = default) =>
        await Summaries(db.Treatments.Where(t => t.Artifact!.AccessionNumber == accessionNumber).OrderByDescending(t => t.ProposedOn).ThenByDescending(t => t.Id))
            .ToListAsync(cancellationToken);

    /// <summary>The full report with its observations, damage terms and the object it describes.</summary>
    public Task<ConditionReport?> ReportAsync(string reference, CancellationToken cancellationToken = default) =>
        db.ConditionReports.AsNoTracking()
            .Include(r => r.Artifact).ThenInclude(a => a!.ObjectType)
            .Include(r => r.Artifact).ThenInclude(a => a!.Terms).ThenInclude(t => t.Term)
            .Include(r => r.Observations).ThenInclude(o => o.DamageType)
            .Include(r => r.Loan)
            .Include(r => r.Amendments)
            .SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken);

    /// <summary>The full treatment: steps with their types and materials, amendments, and the object.</summary>
    public Task<Treatment?> TreatmentAsync(string reference, CancellationToken cancellationToken = default) =>
        db.Treatments.AsNoTracking()
            .Include(t => t.Artifact).ThenInclude(a => a!.ObjectType)
            .Include(t => t.Artifact).ThenInclude(a => a!.Terms).ThenInclude(t => t.Term)
            .Include(t => t.Steps).ThenInclude(s => s.StepType)
            .Include(t => t.Amendments).Include(t => t.Reviews)
            .AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Reference == reference, cancellationToken);

    /// <summary>Checks due within <paramref name="dueWithinDays"/> days (or overdue) and treatments waiting on someone.</summary>
    public async Task<Worklist> WorklistAsync(ConservationPriority? priority = null, int dueWithinDays = 30, CancellationToken cancellationToken = default) =>
        await WorklistAsync(priority, dueWithinDays, locationCode: null, cancellationToken);

    /// <summary>The worklist of the objects now stored in <paramref name="locationCode"/> or below it (all objects when null).</summary>

    public async Task<Worklist> WorklistAsync(ConservationPriority? priority, int dueWithinDays, string? locationCode, CancellationToken cancellationToken = default)
    {
        var locations = new Locations.LocationQueries(db);
        HashSet<string>? within = null;
        if (!string.IsNullOrWhiteSpace(locationCode))
            within = ((await locations.ContentsAsync(locationCode, cancellationToken)) ?? []).Select(o => o.AccessionNumber).ToHashSet(StringComparer.Ordinal);

        var today = calendar.Today;
        var horizon = today.AddDays(dueWithinDays);

        // The latest report of each artifact decides when its next check is due.
        var latest = await db.ConditionReports.AsNoTracking()
            .Where(r => !db.ConditionReports.Any(o => o.ArtifactId == r.ArtifactId && (o.ExaminedOn > r.ExaminedOn || (o.ExaminedOn == r.ExaminedOn && o.Id > r.Id))))
            .Where(r => r.NextCheckDue != null && r.NextCheckDue <= horizon)
            .Select(r => new { r.Artifact!.AccessionNumber, r.Artifact.Title, r.Reference, r.ExaminedOn, r.Overall, r.Priority, r.NextCheckDue })
            .ToListAsync(cancellationToken);
        var due = latest
            .Where(r => priority is null || r.Priority == priority)
            .Where(r => within is null || within.Contains(r.AccessionNumber))
            .Select(r => new DueCheck(r.AccessionNumber, r.Title, r.Reference, r.ExaminedOn, r.Overall, r.Priority, r.NextCheckDue!.Value,
                today.DayNumber - r.NextCheckDue.Value.DayNumber))
            .OrderByDescending(d => d.DaysOverdue).ThenByDescending(d => d.Priority).ToList();

        var ids = await db.Artifacts.Where(a => due.Select(d => d.AccessionNumber).Contains(a.AccessionNumber))
            .ToDictionaryAsync(a => a.AccessionNumber, a => a.Id, cancellationToken);
        var placements = await locations.PlacementsAsync(ids.Values.ToList(), cancellationToken);
        due = due.Select(d => d with { Where = placements.GetValueOrDefault(ids[d.AccessionNumber])?.Where }).ToList();

        var open = (await Summaries(db.Treatments.Where(t => t.Status != TreatmentStatus.SignedOff)).ToListAsync(cancellationToken))
            .Where(t => within is null || within.Contains(t.AccessionNumber)).ToList();
        return new Worklist(
            due,
            open.Where(t => t.Status == TreatmentStatus.Proposed).OrderBy(t => t.ProposedOn).ToList(),
            open.Where(t => t.Status is TreatmentStatus.Approved or TreatmentStatus.InProgress).OrderBy(t => t.ProposedOn).ToList(),
            open.Where(t => t.Status == TreatmentStatus.Completed).OrderBy(t => t.CompletedOn).ToList());
    }

    private static IQueryable<TreatmentSummary> Summaries(IQueryable<Treatment> treatments) =>
        treatments.AsNoTracking().Select(t => new TreatmentSummary(
            t.Reference, t.Artifact!.AccessionNumber, t.Artifact.Title, t.Title, t.Status, t.ProposedBy, t.ProposedOn, t.ApprovedBy,
            t.CompletedOn, t.SignedOffOn, t.Steps.Count, t.AwaitingRevision));
}
