using System.Globalization;
using System.Text;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Excavation;

public sealed record SiteSummary(string Code, LocalizedText Name, string? Location, int Contexts, int Finds);

public sealed record ContextSummary(
    int Number, string Label, ContextType Type, string? AreaCode, string? Phase, TermRef? Period,
    decimal? TopLevel, decimal? BottomLevel, string? Description, int Finds);

public sealed record FindSummary(
    string FindNumber, string SiteCode, int ContextNumber, string ContextLabel, TermRef? Material, TermRef? ObjectType,
    int Count, decimal? WeightGrams, DateOnly? FoundOn, FindStatus Status, string? AccessionNumber, string? Notes);

public sealed record FindFilter
{
    public required string SiteCode { get; init; }
    public int? ContextNumber { get; init; }
    public FindStatus? Status { get; init; }
    public int? MaterialId { get; init; }
    public int? ObjectTypeId { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>Reads sites, contexts and finds for the excavation pages, the API and exports.</summary>
public sealed class ExcavationQueries(CatalogueDbContext db)
{
    public async Task<IReadOnlyList<SiteSummary>> ListSitesAsync(CancellationToken cancellationToken = default)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var contexts = await db.Contexts.GroupBy(c => c.SiteId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var finds = await db.Finds.GroupBy(f => f.SiteId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return sites.Select(s => new SiteSummary(s.Code, s.Name, s.Location, contexts.GetValueOrDefault(s.Id), finds.GetValueOrDefault(s.Id))).ToList();
    }

    public Task<Site?> FindSiteAsync(string? code, CancellationToken cancellationToken = default)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? string.Empty;
        return db.Sites.AsNoTracking().Include(s => s.Areas).SingleOrDefaultAsync(s => s.Code == normalized, cancellationToken);
    }

    public async Task<IReadOnlyList<ContextSummary>> ListContextsAsync(string siteCode, CancellationToken cancellationToken = default)
    {
        var contexts = await db.Contexts.AsNoTracking().Include(c => c.Area).Include(c => c.Period)
            .Where(c => c.SiteCode == siteCode).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var finds = await db.Finds.Where(f => f.Context!.SiteCode == siteCode).GroupBy(f => f.ContextId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return contexts.Select(c => new ContextSummary(c.Number, c.Label, c.Type, c.Area?.Code, c.Phase,
            c.Period is null ? null : TermRef.From(c.Period), c.TopLevel, c.BottomLevel, c.Description, finds.GetValueOrDefault(c.Id))).ToList();
    }

    public Task<Context?> FindContextAsync(string siteCode, int number, CancellationToken cancellationToken = default) =>
        db.Contexts.AsNoTracking().Include(c => c.Area).Include(c => c.Period).Include(c => c.Site)
            .SingleOrDefaultAsync(c => c.SiteCode == siteCode && c.Number == number, cancellationToken);

    public async Task<IReadOnlyList<ContextRelation>> RelationsOfSiteAsync(string siteCode, CancellationToken cancellationToken = default) =>
        await db.ContextRelations.AsNoTracking().Include(r => r.From).Include(r => r.To)
            .Where(r => r.SiteCode == siteCode).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ContextRelation>> RelationsOfContextAsync(int contextId, CancellationToken cancellationToken = default) =>
        await db.ContextRelations.AsNoTracking().Include(r => r.From).Include(r => r.To)
            .Where(r => r.FromContextId == contextId || r.ToContextId == contextId).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    public async Task<PagedList<FindSummary>> ListFindsAsync(FindFilter filter, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, 500);
        var rows = await query.OrderBy(f => f.FindNumber).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedList<FindSummary>(total, page, size, rows.Select(Summarize).ToList());
    }

    public Task<Find?> FindFindAsync(string? findNumber, CancellationToken cancellationToken = default)
    {
        var normalized = Find.NormalizeNumber(findNumber);
        return db.Finds.AsNoTracking().Include(f => f.Context).ThenInclude(c => c!.Site).Include(f => f.Context).ThenInclude(c => c!.Period)
            .Include(f => f.Material).Include(f => f.ObjectType).Include(f => f.Artifact)
            .SingleOrDefaultAsync(f => f.FindNumber == normalized, cancellationToken);
    }

    /// <summary>Writes a site's finds as CSV (RFC 4180, UTF-8), one row per find.</summary>
    /// <summary>The site's finds as CSV, narrowed as the list was (context, status, material, object type; paging aside).</summary>
    public async Task WriteFindsCsvAsync(FindFilter filter, TextWriter writer, CancellationToken cancellationToken = default)
    {
        var siteCode = filter.SiteCode;
        await writer.WriteLineAsync("find_number,site,context,context_type,material,object_type,count,weight_g,x,y,z,found_on,recorded_by,status,accession_number,notes");
        var rows = await Filtered(filter).OrderBy(f => f.FindNumber).ToListAsync(cancellationToken);
        foreach (var f in rows)
        {
            var fields = new[]
            {
                f.FindNumber, siteCode, f.Context!.Number.ToString(CultureInfo.InvariantCulture), f.Context.Type.ToString().ToLowerInvariant(),
                f.Material?.Code, f.ObjectType?.Code, f.Count.ToString(CultureInfo.InvariantCulture), Number(f.WeightGrams),
                Number(f.X), Number(f.Y), Number(f.Z), f.FoundOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.RecordedBy,
                f.Status.ToString().ToLowerInvariant(), f.Artifact?.AccessionNumber, f.Notes,
            };
            await writer.WriteLineAsync(string.Join(',', fields.Select(Csv)));
        }
    }

    private IQueryable<Find> Filtered(FindFilter filter)
    {
        var query = db.Finds.AsNoTracking().Include(f => f.Context).Include(f => f.Material).Include(f => f.ObjectType).Include(f => f.Artifact)
            .Where(f => f.Context!.SiteCode == filter.SiteCode);
        if (filter.ContextNumber is { } n)
            query = query.Where(f => f.Context!.Number == n);
        if (filter.Status is { } s)
            query = query.Where(f => f.Status == s);
        if (filter.MaterialId is { } m)
            query = query.Where(f => f.MaterialId == m);
        if (filter.ObjectTypeId is { } o)
            query = query.Where(f => f.ObjectTypeId == o);
        return query;
    }

    private static FindSummary Summarize(Find f) => new(
        f.FindNumber, f.Context!.SiteCode, f.Context.Number, f.Context.Label,
        f.Material is null ? null : TermRef.From(f.Material), f.ObjectType is null ? null : TermRef.From(f.ObjectType),
        f.Count, f.WeightGrams, f.FoundOn, f.Status, f.Artifact?.AccessionNumber, f.Notes);

    private static string? Number(decimal? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;
        // Quote when needed; a leading formula character is neutralised so spreadsheets do not execute it.
        var safe = value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
