using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Exhibitions;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Locations;

/// <summary>Where an object is now: a storage location, or away on a loan.</summary>
/// <remarks>Where is the location path (e.g. "K1 › R2 › B07") or the borrower when on loan.</remarks>
public sealed record Placement(int? LocationId, string? LocationCode, string Where, string? LoanReference, DateTime Since);

/// <summary>An object its last inventory did not find where it was expected, and that no move has placed since.</summary>
public sealed record MissingObject(string AccessionNumber, string LocationCode, DateTime CheckedAt, string CheckedBy);

public sealed record LocationNode(int Id, string Code, string Name, LocationKind Kind, int? ParentId, int Depth, int ObjectsHere, int ObjectsWithin);

public sealed record LocatedObject(string AccessionNumber, LocalizedText Title, string LocationCode, DateTime Since);

public sealed record MovementView(DateTime MovedAt, string? From, string? To, string? LoanReference, string MovedBy, string Reason);

/// <summary>Reads the storage hierarchy and where objects are; the current location is the latest move.</summary>
public sealed class LocationQueries(CatalogueDbContext db)
{
    /// <summary>All locations, depth-first in code order, with how many objects each holds (directly and within).</summary>
    public async Task<IReadOnlyList<LocationNode>> TreeAsync(CancellationToken cancellationToken = default)
    {
        var locations = await db.Locations.AsNoTracking().OrderBy(l => l.Code).ToListAsync(cancellationToken);
        var here = (await LatestMoves().Where(m => m.ToLocationId != null).GroupBy(m => m.ToLocationId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(x => x.Key, x => x.Count);
        var children = locations.ToLookup(l => l.ParentId);
        var result = new List<LocationNode>();
        int Visit(StorageLocation location, int depth)
        {
            var index = result.Count;
            result.Add(null!);
            var within = here.GetValueOrDefault(location.Id);
            foreach (var child in children[location.Id])
                within += Visit(child, depth + 1);
            result[index] = new LocationNode(location.Id, location.Code, location.Name, location.Kind, location.ParentId, depth, here.GetValueOrDefault(location.Id), within);
            return within;
        }

        foreach (var root in children[null])
            Visit(root, 0);
        return result;
    }

    public Task<StorageLocation?> FindAsync(string? code, CancellationToken cancellationToken = default)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? string.Empty;
        return db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Code == normalized, cancellationToken);
    }

    /// <summary>The location and its ancestors, outermost first.</summary>
    public async Task<IReadOnlyList<StorageLocation>> PathAsync(int locationId, CancellationToken cancellationToken = default)
    {
        var all = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, cancellationToken);
        var path = new List<StorageLocation>();
        for (int? id = locationId; id is not null && all.TryGetValue(id.Value, out var l) && path.Count < 64; id = l.ParentId)
            path.Insert(0, l);
        return path;
    }

    /// <summary>The objects now in a location or any of its sub-locations; null when the location does not exist.</summary>
    public async Task<IReadOnlyList<LocatedObject>?> ContentsAsync(string code, CancellationToken cancellationToken = default)
    {
        var location = await FindAsync(code, cancellationToken);
        if (location is null)
            return null;
        var all = await db.Locations.AsNoTracking().Select(l => new { l.Id, l.ParentId, l.Code }).ToListAsync(cancellationToken);
        var within = new HashSet<int> { location.Id };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var l in all.Where(l => l.ParentId is { } p && within.Contains(p) && !within.Contains(l.Id)))
                grew |= within.Add(l.Id);
        }

        var codes = all.ToDictionary(l => l.Id, l => l.Code);
        var rows = await LatestMoves().Where(m => m.ToLocationId != null && within.Contains(m.ToLocationId.Value))
            .Select(m => new { m.Artifact!.AccessionNumber, m.Artifact.Title, m.ToLocationId, m.MovedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new LocatedObject(r.AccessionNumber, r.Title, codes[r.ToLocationId!.Value], r.MovedAt))
            .OrderBy(r => r.LocationCode, StringComparer.Ordinal).ThenBy(r => r.AccessionNumber, StringComparer.Ordinal).ToList();
    }

    /// <summary>Where each of these artifacts is now (artifacts never moved are absent).</summary>
    public async Task<IReadOnlyDictionary<int, Placement>> PlacementsAsync(IReadOnlyCollection<int> artifactIds, CancellationToken cancellationToken = default)
    {
        var latest = await LatestMoves().Where(m => artifactIds.Contains(m.ArtifactId))
            .Select(m => new { m.ArtifactId, m.ToLocationId, m.MovedAt, Loan = m.Loan == null ? null : new { m.Loan.Reference, m.Loan.Institution, m.Loan.Status } })
            .ToListAsync(cancellationToken);
        var paths = await PathsAsync(cancellationToken);
        return latest.ToDictionary(m => m.ArtifactId, m =>
            m.ToLocationId is null && m.Loan is { } loan && loan.Status is LoanStatus.Dispatched or LoanStatus.OnDisplay
                ? new Placement(null, null, $"On loan: {loan.Institution}", loan.Reference, m.MovedAt)
                : new Placement(m.ToLocationId, m.ToLocationId is { } id ? paths[id].Code : null, m.ToLocationId is { } i ? paths[i].Path : "(unknown)", null, m.MovedAt));
    }

    /// <summary>
    /// The objects whose latest inventory check marked them missing, with no move recorded after it (a move, or a
    /// later check that finds them, settles where they are), in the order of the checks.
    /// </summary>
    public async Task<IReadOnlyList<MissingObject>> MissingAsync(string? accessionNumber = null, CancellationToken cancellationToken = default)
    {
        var items = await db.InventoryChecks.AsNoTracking().SelectMany(c => c.Items, (c, i) => new { i.ArtifactId, i.AccessionNumber, i.Result, CheckId = c.Id, c.CheckedAt, c.LocationCode, c.CheckedBy })
            .Where(i => accessionNumber == null || i.AccessionNumber == accessionNumber)
            .ToListAsync(cancellationToken);
        var latestMissing = items.GroupBy(i => i.ArtifactId).Select(g => g.OrderByDescending(i => i.CheckedAt).ThenByDescending(i => i.CheckId).First())
            .Where(i => i.Result == InventoryResult.Missing).ToList();
        var ids = latestMissing.Select(i => i.ArtifactId).ToList();
        var lastMoves = await db.Movements.AsNoTracking().Where(m => ids.Contains(m.ArtifactId))
            .GroupBy(m => m.ArtifactId).Select(g => new { ArtifactId = g.Key, Last = g.Max(m => m.MovedAt) })
            .ToDictionaryAsync(m => m.ArtifactId, m => m.Last, cancellationToken);
        return latestMissing.Where(i => !lastMoves.TryGetValue(i.ArtifactId, out var moved) || moved <= i.CheckedAt)
            .OrderBy(i => i.CheckedAt).ThenBy(i => i.AccessionNumber, StringComparer.Ordinal)
            .Select(i => new MissingObject(i.AccessionNumber, i.LocationCode, i.CheckedAt, i.CheckedBy)).ToList();
    }

    public async Task<Placement?> PlacementOfAsync(string accessionNumber, CancellationToken cancellationToken = default)
    {
        var id = await db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : (await PlacementsAsync([id.Value], cancellationToken)).GetValueOrDefault(id.Value);
    }

    /// <summary>Every move of an object, newest first.</summary>
    public async Task<IReadOnlyList<MovementView>> HistoryAsync(string accessionNumber, CancellationToken cancellationToken = default)
    {
        var paths = await PathsAsync(cancellationToken);
        var moves = await db.Movements.AsNoTracking().Where(m => m.Artifact!.AccessionNumber == accessionNumber)
            .OrderByDescending(m => m.MovedAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.MovedAt, m.FromLocationId, m.ToLocationId, Loan = m.Loan == null ? null : m.Loan.Reference, LoanInstitution = m.Loan == null ? null : m.Loan.Institution, m.MovedBy, m.Reason })
            .ToListAsync(cancellationToken);
        string? Where(int? id, string? loan, string? institution) =>
            id is { } i ? paths[i].Path : loan is null ? null : $"On loan: {institution} ({loan})";
        return moves.Select(m => new MovementView(m.MovedAt,
            Where(m.FromLocationId, m.ToLocationId is null ? null : m.Loan, m.LoanInstitution),
            Where(m.ToLocationId, m.Loan, m.LoanInstitution),
            m.Loan, m.MovedBy, m.Reason)).ToList();
    }

    /// <summary>The inventory checks of a location, newest first.</summary>
    public async Task<IReadOnlyList<InventoryCheck>> InventoriesAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return await db.InventoryChecks.AsNoTracking().Include(c => c.Items).Where(c => c.LocationCode == normalized)
            .OrderByDescending(c => c.CheckedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Each artifact's latest move (by date, then by the order it was recorded).</summary>
    private IQueryable<Movement> LatestMoves() =>
        db.Movements.AsNoTracking().Where(m => !db.Movements.Any(o => o.ArtifactId == m.ArtifactId && (o.MovedAt > m.MovedAt || (o.MovedAt == m.MovedAt && o.Id > m.Id))));

    private async Task<Dictionary<int, (string Code, string Path)>> PathsAsync(CancellationToken cancellationToken)
    {
        var all = await db.Locations.AsNoTracking().Select(l => new { l.Id, l.ParentId, l.Code }).ToDictionaryAsync(l => l.Id, cancellationToken);
        return all.Values.ToDictionary(l => l.Id, l =>
        {
            var parts = new List<string>();
            for (int? id = l.Id; id is not null && all.TryGetValue(id.Value, out var p) && parts.Count < 64; id = p.ParentId)
                parts.Insert(0, p.Code);
            return (l.Code, string.Join(" › ", parts));
        });
    }
}
