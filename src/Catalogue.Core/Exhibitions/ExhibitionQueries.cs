using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Exhibitions;

public sealed record ExhibitionSummary(string Code, LocalizedText Title, bool IsPublic, DateOnly? Opens, DateOnly? Closes, string Venues, int Objects);

public sealed record ShownObject(string AccessionNumber, LocalizedText Title, LocalizedText Label, PublicationStatus Status, int Order);

public sealed record ExhibitionView(Exhibition Exhibition, IReadOnlyList<ShownObject> Objects, IReadOnlyList<string> Loans);

public sealed record LoanSummary(string Reference, LoanDirection Direction, string Institution, LoanStatus Status, string? Exhibition, int Objects, DateOnly? AgreementFrom, DateOnly? AgreementTo);

/// <summary>A condition check of one loaned object at one stage, and the report that satisfies it (if any).</summary>
public sealed record LoanCheck(string AccessionNumber, LoanStage Stage, string? ReportReference)
{
    /// <summary>The loan's status has reached this stage, so the check is required.</summary>
    public bool IsDue { get; init; }

    /// <summary>Required but not recorded: the loan page warns about it.</summary>
    public bool IsMissing => IsDue && ReportReference is null;
}

public sealed class ExhibitionQueries(CatalogueDbContext db)
{
    public async Task<IReadOnlyList<ExhibitionSummary>> ListAsync(bool publicOnly, CancellationToken cancellationToken = default)
    {
        var exhibitions = await db.Exhibitions.AsNoTracking().Include(e => e.Venues).Include(e => e.Objects).ThenInclude(o => o.Artifact)
            .Where(e => !publicOnly || e.IsPublic).AsSplitQuery().ToListAsync(cancellationToken);
        return exhibitions.Select(e => new ExhibitionSummary(
                e.Code, e.Title, e.IsPublic, (e.Venues.Count > 0 ? e.Venues[0].OpensOn : (DateOnly?)null), (e.Venues.Count > 0 ? e.Venues[^1].ClosesOn : (DateOnly?)null),
                string.Join(" → ", e.Venues.Select(v => v.City)),
                e.Objects.Count(o => !publicOnly || o.Artifact!.IsPublished)))
            .OrderByDescending(e => e.Opens).ThenBy(e => e.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>An exhibition with its venues and objects; for the public, only if it is public, and only its published objects.</summary>
    public async Task<ExhibitionView?> DetailsAsync(string? code, bool publicOnly, CancellationToken cancellationToken = default)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? string.Empty;
        var exhibition = await db.Exhibitions.AsNoTracking().Include(e => e.Venues).Include(e => e.Objects).ThenInclude(o => o.Artifact)
            .AsSplitQuery().SingleOrDefaultAsync(e => e.Code == normalized, cancellationToken);
        if (exhibition is null || (publicOnly && !exhibition.IsPublic))
            return null;
        var objects = exhibition.Objects.Where(o => !publicOnly || o.Artifact!.IsPublished)
            .Select(o => new ShownObject(o.Artifact!.AccessionNumber, o.Artifact.Title, o.Label, o.Artifact.Status, o.Order)).ToList();
        var loans = publicOnly ? [] : await db.Loans.Where(l => l.ExhibitionId == exhibition.Id).Select(l => l.Reference).ToListAsync(cancellationToken);
        return new ExhibitionView(exhibition, objects, loans);
    }

    public async Task<IReadOnlyList<LoanSummary>> LoansAsync(CancellationToken cancellationToken = default) =>
        await db.Loans.AsNoTracking().OrderByDescending(l => l.Id)
            .Select(l => new LoanSummary(l.Reference, l.Direction, l.Institution, l.Status, l.Exhibition == null ? null : l.Exhibition.Code, l.Objects.Count, l.AgreementFrom, l.AgreementTo))
            .ToListAsync(cancellationToken);

    public Task<Loan?> LoanAsync(string reference, CancellationToken cancellationToken = default) =>
        db.Loans.AsNoTracking().Include(l => l.Objects).ThenInclude(o => o.Artifact).Include(l => l.Exhibition)
            .SingleOrDefaultAsync(l => l.Reference == reference, cancellationToken);

    /// <summary>
    /// Every object's check at every stage, with the report that records it or none; <see cref="LoanCheck.IsMissing"/>
    /// marks the checks the loan's status requires that have no report (a warning).
    /// </summary>
    public async Task<IReadOnlyList<LoanCheck>> ChecksAsync(Loan loan, CancellationToken cancellationToken = default)
    {
        var reports = await db.ConditionReports.AsNoTracking().Where(r => r.LoanId == loan.Id)
            .OrderBy(r => r.ExaminedOn).ThenBy(r => r.Reference)
            .Select(r => new { r.ArtifactId, r.Purpose, r.Reference }).ToListAsync(cancellationToken);
        var due = loan.StagesDue();
        var ids = loan.Objects.Select(o => o.ArtifactId).ToList();
        var numbers = await db.Artifacts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.AccessionNumber, cancellationToken);
        return loan.Objects.SelectMany(o => Enum.GetValues<LoanStage>().Select(stage => new LoanCheck(
                numbers[o.ArtifactId], stage,
                reports.FirstOrDefault(r => r.ArtifactId == o.ArtifactId && r.Purpose == Loan.PurposeOf(stage))?.Reference)
            {
                IsDue = due.Contains(stage),
            }))
            .OrderBy(c => c.AccessionNumber, StringComparer.Ordinal).ThenBy(c => c.Stage)
            .ToList();
    }

    /// <summary>The checks of a loan by its reference; null when there is no such loan.</summary>
    public async Task<IReadOnlyList<LoanCheck>?> ChecksAsync(string reference, CancellationToken cancellationToken = default) =>
        await LoanAsync(reference.Trim().ToUpperInvariant(), cancellationToken) is { } loan ? await ChecksAsync(loan, cancellationToken) : null;

    /// <summary>The exhibitions and loans an object took part in, for its journey.</summary>
    public async Task<IReadOnlyList<(string Code, LocalizedText Title, DateOnly? Opens, DateOnly? Closes, string Venues)>> ExhibitionsOfAsync(int artifactId, CancellationToken cancellationToken = default)
    {
        var exhibitions = await db.Exhibitions.AsNoTracking().Include(e => e.Venues)
            .Where(e => e.Objects.Any(o => o.ArtifactId == artifactId)).ToListAsync(cancellationToken);
        return exhibitions.Select(e => (e.Code, e.Title, (e.Venues.Count > 0 ? e.Venues[0].OpensOn : (DateOnly?)null), (e.Venues.Count > 0 ? e.Venues[^1].ClosesOn : (DateOnly?)null), string.Join(" → ", e.Venues.Select(v => v.City)))).ToList();
    }

    public async Task<IReadOnlyList<(string Code, LocalizedText Title, DateOnly? Opens, DateOnly? Closes, string Venues)>> ExhibitionsOfAsync(string accessionNumber, CancellationToken cancellationToken = default)
    {
        var id = await db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? [] : await ExhibitionsOfAsync(id.Value, cancellationToken);
    }
}
