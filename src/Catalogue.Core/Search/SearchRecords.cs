using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Excavation;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Search;

/// <summary>Reads artifacts, finds and contexts from the database as <see cref="SearchRecord"/>s: the index is a projection of these.</summary>
public sealed class SearchRecords(CatalogueDbContext db)
{
    public const int BatchSize = 500;

    /// <summary>How many documents a complete index holds.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        await db.Artifacts.CountAsync(cancellationToken) + await db.Finds.CountAsync(cancellationToken) + await db.Contexts.CountAsync(cancellationToken);

    /// <summary>Every record, in batches, artifacts first.</summary>
    public async IAsyncEnumerable<IReadOnlyList<SearchRecord>> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (ids, load) in new (IQueryable<int> Ids, Func<IReadOnlyCollection<int>, CancellationToken, Task<List<SearchRecord>>> Load)[]
        {
            (db.Artifacts.Select(a => a.Id), ArtifactsAsync),
            (db.Finds.Select(f => f.Id), FindsAsync),
            (db.Contexts.Select(c => c.Id), ContextsAsync),
        })
        {
            var after = 0;
            while (true)
            {
                var batch = await ids.Where(id => id > after).OrderBy(id => id).Take(BatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                    break;
                after = batch[^1];
                db.ChangeTracker.Clear();
                yield return await load(batch, cancellationToken);
            }
        }
    }

    public async Task<List<SearchRecord>> ArtifactsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
            return [];
        var artifacts = await db.Artifacts.AsNoTracking().AsSplitQuery()
            .Include(a => a.ObjectType).Include(a => a.Period)
            .Include(a => a.Terms).ThenInclude(t => t.Term)
            .Include(a => a.Find).ThenInclude(f => f!.Context).ThenInclude(c => c!.Site)
            .Where(a => ids.Contains(a.Id))
            .ToListAsync(cancellationToken);
        var conditions = (await db.ConditionReports.AsNoTracking().Where(r => ids.Contains(r.ArtifactId))
                .Select(r => new { r.ArtifactId, r.ExaminedOn, r.Id, r.Overall }).ToListAsync(cancellationToken))
            .GroupBy(r => r.ArtifactId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ExaminedOn).ThenByDescending(r => r.Id).First().Overall);
        var pictured = (await db.MediaLinks.AsNoTracking().Where(l => l.ArtifactId != null && ids.Contains(l.ArtifactId.Value))
            .Select(l => l.ArtifactId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        return artifacts.Select(a =>
        {
            var materials = a.Terms.Where(t => t.Role == ArtifactTermRole.Material && t.Term is not null).Select(t => t.Term!).ToList();
            var techniques = a.Terms.Where(t => t.Role == ArtifactTermRole.Technique && t.Term is not null).Select(t => t.Term!).ToList();
            var find = a.Find;
            var site = find?.Context?.Site;
            return new SearchRecord
            {
                Type = SearchDocumentType.Artifact,
                Id = a.Id,
                Number = a.AccessionNumber,
                Title = a.Title,
                Description = a.Description,
                Inscription = a.InscriptionText,
                InscriptionTranslation = a.InscriptionTranslation,
                TermLabels = Labels([a.ObjectType, a.Period, .. materials, .. techniques]),
                DatingText = a.Dating.Text,
                EarliestYear = a.Dating.EarliestYear ?? a.Period?.StartYear,
                LatestYear = a.Dating.LatestYear ?? a.Period?.EndYear,
                StaffText = Join(a.Provenance, find?.FindNumber, find?.Context?.Reference, site?.Code, Join(site?.Name.Vi, site?.Name.Fr, site?.Name.En)),
                ObjectType = a.ObjectType?.Code,
                Materials = materials.Select(m => m.Code).ToList(),
                Period = a.Period?.Code,
                Site = site?.Code,
                Condition = conditions.TryGetValue(a.Id, out var condition) ? condition.ToString() : null,
                Status = a.Status.ToString().ToLowerInvariant(),
                HasImage = pictured.Contains(a.Id),
            };
        }).ToList();
    }

    public async Task<List<SearchRecord>> FindsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
            return [];
        var finds = await db.Finds.AsNoTracking()
            .Include(f => f.Material).Include(f => f.ObjectType)
            .Include(f => f.Context).ThenInclude(c => c!.Site)
            .Include(f => f.Context).ThenInclude(c => c!.Period)
            .Where(f => ids.Contains(f.Id))
            .ToListAsync(cancellationToken);
        var pictured = (await db.MediaLinks.AsNoTracking().Where(l => l.FindId != null && ids.Contains(l.FindId.Value))
            .Select(l => l.FindId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        return finds.Select(f =>
        {
            var context = f.Context;
            var period = context?.Period;
            var what = f.ObjectType?.Label ?? f.Material?.Label;
            return new SearchRecord
            {
                Type = SearchDocumentType.Find,
                Id = f.Id,
                Number = f.FindNumber,
                Title = LocalizedText.Of(
                    $"{what?.Vi ?? "Hiện vật"} {f.FindNumber}", $"{what?.Fr ?? "Trouvaille"} {f.FindNumber}", $"{what?.En ?? "Find"} {f.FindNumber}"),
                Description = LocalizedText.Of(null, null, f.Notes),
                TermLabels = Labels([f.ObjectType, f.Material, period]),
                EarliestYear = period?.StartYear,
                LatestYear = period?.EndYear,
                StaffText = Join(context?.Reference, context?.Site?.Code, f.RecordedBy),
                ObjectType = f.ObjectType?.Code,
                Materials = f.Material is null ? [] : [f.Material.Code],
                Period = period?.Code,
                Site = context?.SiteCode,
                Status = "internal",
                HasImage = pictured.Contains(f.Id),
            };
        }).ToList();
    }

    public async Task<List<SearchRecord>> ContextsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
            return [];
        var contexts = await db.Contexts.AsNoTracking()
            .Include(c => c.Site).Include(c => c.Period)
            .Where(c => ids.Contains(c.Id))
            .ToListAsync(cancellationToken);
        return contexts.Select(c => new SearchRecord
        {
            Type = SearchDocumentType.Context,
            Id = c.Id,
            Number = c.Reference,
            Title = LocalizedText.Of($"Lớp {c.Label}", $"Unité {c.Label}", $"Context {c.Label} ({c.Type.ToString().ToLowerInvariant()})"),
            Description = LocalizedText.Of(null, null, Join(c.Description, c.Composition)),
            TermLabels = Labels([c.Period]),
            EarliestYear = c.Period?.StartYear,
            LatestYear = c.Period?.EndYear,
            StaffText = Join(c.Reference, c.SiteCode, c.Excavator, c.Phase, c.MunsellColour),
            Period = c.Period?.Code,
            Site = c.SiteCode,
            Status = "internal",
        }).ToList();
    }

    private static List<string> Labels(IEnumerable<VocabularyTerm?> terms) =>
        terms.Where(t => t is not null).SelectMany(t => new[] { t!.Label.Vi, t.Label.Fr, t.Label.En })
            .Where(l => l is not null).Select(l => l!).Distinct(StringComparer.Ordinal).ToList();

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(" · ", present);
    }
}
