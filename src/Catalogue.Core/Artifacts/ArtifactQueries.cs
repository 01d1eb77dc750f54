using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Artifacts;

public enum ArtifactSort
{
    AccessionNumber,
    AccessionNumberDescending,
    Title,
    TitleDescending,
    Updated,
    UpdatedDescending,
    Status,
}

/// <summary>What to list: a page, an order, and who is asking (the public sees published records only).</summary>
public sealed record ArtifactListQuery
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
    public ArtifactSort Sort { get; init; } = ArtifactSort.AccessionNumber;
    public PublicationStatus? Status { get; init; }
    public string? Text { get; init; }
    public bool PublishedOnly { get; init; } = true;
}

public sealed record ArtifactSummary(
    string AccessionNumber,
    LocalizedText Title,
    TermRef? ObjectType,
    TermRef? Period,
    string DatingText,
    PublicationStatus Status,
    DateTime UpdatedAt,
    string UpdatedBy);

/// <summary>The full record as pages and the API show it.</summary>
public sealed record ArtifactView(
    string AccessionNumber,
    TermRef? ObjectType,
    IReadOnlyList<TermRef> Materials,
    IReadOnlyList<TermRef> Techniques,
    TermRef? Period,
    LocalizedText Title,
    LocalizedText Description,
    string? InscriptionText,
    LocalizedText InscriptionTranslation,
    Dimensions Dimensions,
    Weight Weight,
    Dating Dating,
    string? Provenance,
    string? CreditLine,
    string? Rights,
    PublicationStatus Status,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime UpdatedAt,
    string UpdatedBy,
    int Version)
{
    /// <summary>The day the object entered the collection (staff see it; the public record does not show it).</summary>
    public DateOnly? AccessionDate { get; init; }
}

public sealed class ArtifactQueries(CatalogueDbContext db)
{
    public async Task<PagedList<ArtifactSummary>> ListAsync(ArtifactListQuery query, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, PagedList<ArtifactSummary>.MaxPageSize);
        var artifacts = db.Artifacts.AsNoTracking();
        if (query.PublishedOnly)
            artifacts = artifacts.Where(a => a.Status == PublicationStatus.Published);
        else if (query.Status is { } status)
            artifacts = artifacts.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            var accessionPrefix = text.ToUpperInvariant();
            var pattern = $"%{text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            artifacts = artifacts.Where(a =>
                a.AccessionNumber.StartsWith(accessionPrefix) ||
                EF.Functions.Like(a.Title.En!, pattern, "\\") ||
                EF.Functions.Like(a.Title.Vi!, pattern, "\\") ||
                EF.Functions.Like(a.Title.Fr!, pattern, "\\"));
        }

        artifacts = query.Sort switch
        {
            ArtifactSort.AccessionNumberDescending => artifacts.OrderByDescending(a => a.AccessionNumber),
            ArtifactSort.Title => artifacts.OrderBy(a => a.Title.En ?? a.Title.Vi ?? a.Title.Fr).ThenBy(a => a.AccessionNumber),
            ArtifactSort.TitleDescending => artifacts.OrderByDescending(a => a.Title.En ?? a.Title.Vi ?? a.Title.Fr).ThenBy(a => a.AccessionNumber),
            ArtifactSort.Updated => artifacts.OrderBy(a => a.UpdatedAt).ThenBy(a => a.AccessionNumber),
            ArtifactSort.UpdatedDescending => artifacts.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.AccessionNumber),
            ArtifactSort.Status => artifacts.OrderBy(a => a.Status).ThenBy(a => a.AccessionNumber),
            _ => artifacts.OrderBy(a => a.AccessionNumber),
        };

        var total = await artifacts.CountAsync(cancellationToken);
        var rows = await artifacts
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.AccessionNumber, a.Title, a.ObjectType, a.Period, a.Dating, a.Status, a.UpdatedAt, a.UpdatedBy })
            .ToListAsync(cancellationToken);
        var items = rows.Select(a => new ArtifactSummary(
            a.AccessionNumber, a.Title,
            a.ObjectType is null ? null : TermRef.From(a.ObjectType),
            a.Period is null ? null : TermRef.From(a.Period),
            a.Dating.ToString(), a.Status, a.UpdatedAt, a.UpdatedBy)).ToList();
        return new PagedList<ArtifactSummary>(total, page, pageSize, items);
    }

    /// <summary>One artifact, or null when it does not exist or the caller may not see it.</summary>
    public async Task<ArtifactView?> GetAsync(string accessionNumber, bool publishedOnly, CancellationToken cancellationToken = default)
    {
        var normalized = AccessionNumber.Normalize(accessionNumber);
        var artifact = await WithTerms().SingleOrDefaultAsync(a => a.AccessionNumber == normalized, cancellationToken);
        return artifact is null || (publishedOnly && !artifact.IsPublished) ? null : View(artifact);
    }

    /// <summary>Several artifacts in one query, by accession number; those that do not exist or may not be seen are left out.</summary>
    public async Task<IReadOnlyDictionary<string, ArtifactView>> GetManyAsync(
        IEnumerable<string> accessionNumbers, bool publishedOnly, CancellationToken cancellationToken = default)
    {
        var normalized = accessionNumbers.Select(AccessionNumber.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var artifacts = await WithTerms().Where(a => normalized.Contains(a.AccessionNumber)).ToListAsync(cancellationToken);
        return artifacts.Where(a => !publishedOnly || a.IsPublished)
            .ToDictionary(a => a.AccessionNumber, View, StringComparer.Ordinal);
    }

    private IQueryable<Artifact> WithTerms() =>
        db.Artifacts.AsNoTracking().Include(a => a.ObjectType).Include(a => a.Period).Include(a => a.Terms).ThenInclude(t => t.Term);

    private static ArtifactView View(Artifact artifact)
    {
        TermRef[] TermsOf(ArtifactTermRole role) =>
            artifact.Terms.Where(t => t.Role == role && t.Term is not null).Select(t => TermRef.From(t.Term!)).OrderBy(t => t.Code, StringComparer.Ordinal).ToArray();
        return new ArtifactView(
            artifact.AccessionNumber,
            artifact.ObjectType is null ? null : TermRef.From(artifact.ObjectType),
            TermsOf(ArtifactTermRole.Material),
            TermsOf(ArtifactTermRole.Technique),
            artifact.Period is null ? null : TermRef.From(artifact.Period),
            artifact.Title, artifact.Description, artifact.InscriptionText, artifact.InscriptionTranslation,
            artifact.Dimensions, artifact.Weight, artifact.Dating,
            artifact.Provenance, artifact.CreditLine, artifact.Rights, artifact.Status,
            artifact.CreatedAt, artifact.CreatedBy, artifact.UpdatedAt, artifact.UpdatedBy, artifact.Version)
        {
            AccessionDate = artifact.AccessionDate,
        };
    }

    /// <summary>The stored artifact with its terms, for filling an edit form.</summary>
    public Task<Artifact?> FindForEditAsync(string accessionNumber, CancellationToken cancellationToken = default)
    {
        var normalized = AccessionNumber.Normalize(accessionNumber);
        return db.Artifacts.AsNoTracking().Include(a => a.Terms).SingleOrDefaultAsync(a => a.AccessionNumber == normalized, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<PublicationStatus, int>> CountByStatusAsync(CancellationToken cancellationToken = default) =>
        await db.Artifacts.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
