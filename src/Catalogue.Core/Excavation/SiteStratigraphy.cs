using System.Globalization;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Excavation.Stratigraphy;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Excavation;

/// <summary>The matrix neighbours of one context: what lies directly above and below it after reduction.</summary>
public sealed record MatrixNeighbours(IReadOnlyList<string> Above, IReadOnlyList<string> Below);

/// <summary>
/// A site's stratigraphy as the engine sees it: records relations only when they keep the matrix
/// consistent (naming the chain of contexts otherwise) and builds the Harris matrix from the database.
/// </summary>
public sealed class SiteStratigraphy(CatalogueDbContext db, TimeProvider clock, ICurrentUser user)
{
    public async Task<HarrisMatrixResult?> BuildMatrixAsync(string siteCode, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(siteCode, cancellationToken);
        return loaded is null ? null : HarrisMatrix.Build(loaded.Value.Units, loaded.Value.Relations);
    }

    public async Task<MatrixNeighbours?> NeighboursAsync(string siteCode, int number, CancellationToken cancellationToken = default)
    {
        var result = await BuildMatrixAsync(siteCode, cancellationToken);
        if (result?.Matrix is not { } matrix || matrix.NodeFor(Key(number)) is not { } node)
            return null;
        var labels = matrix.Nodes.ToDictionary(n => n.Id, n => n.Label);
        return new MatrixNeighbours(
            matrix.Edges.Where(e => e.To == node.Id).Select(e => labels[e.From]).ToList(),
            matrix.Edges.Where(e => e.From == node.Id).Select(e => labels[e.To]).ToList());
    }

    /// <summary>Records "context choice other" (e.g. 12 cut by 15) once, in its canonical direction, if it keeps the record consistent.</summary>
    public async Task<CommandResult<ContextRelation>> AddRelationAsync(
        string siteCode, int number, StratigraphicRelationChoice choice, int otherNumber, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(choice))
            return CommandResult<ContextRelation>.Invalid("Relation", "Choose how the two contexts relate: above, below, cuts, cut by, fills, filled by, abuts, abutted by or same as.");
        var result = await AddRelationsAsync(siteCode, [StratigraphicRelation.Create(Key(number), choice, Key(otherNumber))], cancellationToken);
        return result.Failure switch
        {
            FailureKind.None => CommandResult<ContextRelation>.Success(result.Value!.Single()),
            FailureKind.NotFound => CommandResult<ContextRelation>.NotFound(result.Errors[0].Message),
            _ => CommandResult<ContextRelation>.Invalid(result.Errors),
        };
    }

    /// <summary>Parses statements such as "12 above 15" (one per line) and records them all, or none with every problem listed.</summary>
    public async Task<CommandResult<IReadOnlyList<ContextRelation>>> AddStatementsAsync(string siteCode, string? statements, CancellationToken cancellationToken = default)
    {
        var lines = (statements ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
            return CommandResult<IReadOnlyList<ContextRelation>>.Invalid("Statements", "Write at least one relation, e.g. \"12 above 15\".");
        var parsed = new List<StratigraphicRelation>();
        var errors = new List<FieldError>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (StratigraphicRelation.TryParse(lines[i], out var relation))
                parsed.Add(relation);
            else
                errors.Add(new FieldError("Statements", $"Line {i + 1} (\"{lines[i]}\") is not a relation: write it as \"12 above 15\", \"15 cut by 20\", \"7 same as 9\"."));
        }

        if (errors.Count == 0)
            return await AddRelationsAsync(siteCode, parsed, cancellationToken);

        // Nothing is stored, but the lines that did parse are still checked so every problem is listed at once.
        if (parsed.Count > 0 && await CheckAndAddAsync(siteCode, parsed, store: false, cancellationToken) is { Succeeded: false } checkedRest)
            errors.AddRange(checkedRest.Errors);
        return CommandResult<IReadOnlyList<ContextRelation>>.Invalid(errors);
    }

    /// <summary>Records a batch of relations all together, or none of them (every problem is listed).</summary>
    public Task<CommandResult<IReadOnlyList<ContextRelation>>> AddRelationsAsync(
        string siteCode, IReadOnlyList<StratigraphicRelation> proposed, CancellationToken cancellationToken = default) =>
        CheckAndAddAsync(siteCode, proposed, store: true, cancellationToken);

    private async Task<CommandResult<IReadOnlyList<ContextRelation>>> CheckAndAddAsync(
        string siteCode, IReadOnlyList<StratigraphicRelation> proposed, bool store, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(siteCode, cancellationToken);
        if (loaded is null)
            return CommandResult<IReadOnlyList<ContextRelation>>.NotFound($"No site has the code {siteCode}.");
        var (units, existing, contexts) = loaded.Value;

        var errors = new List<FieldError>();
        foreach (var relation in proposed)
        {
            if (existing.Any(r => Same(r, relation)) || proposed.Count(r => Same(r, relation)) > 1)
                errors.Add(new FieldError("Relation", $"{Describe(relation, contexts)} is already recorded."));
        }

        // A relation already recorded is said once, above; the analysis looks at the others.
        var fresh = proposed.Where(r => !existing.Any(e => Same(e, r))).ToList();
        var problems = fresh.Count == 0 ? []
            : proposed.Count == 1 ? StratigraphyAnalysis.CheckAddition(units, existing, fresh[0])
            : StratigraphyAnalysis.Check(units, existing.Concat(fresh));
        errors.AddRange(problems.Select(p => new FieldError("Relation", p.Message)));
        if (errors.Count > 0)
            return CommandResult<IReadOnlyList<ContextRelation>>.Invalid(errors);
        if (!store)
            return CommandResult<IReadOnlyList<ContextRelation>>.Success([]);

        var now = clock.GetUtcNow().UtcDateTime;
        var tracked = await db.Contexts.Where(c => c.SiteCode == siteCode).ToDictionaryAsync(c => Key(c.Number), cancellationToken);
        var added = proposed.Select(r => ContextRelation.Record(tracked[r.From], r.Type, tracked[r.To], now, user.Name)).ToList();
        db.ContextRelations.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<IReadOnlyList<ContextRelation>>.Success(added);
    }

    public async Task<CommandResult<bool>> RemoveRelationAsync(string siteCode, int relationId, CancellationToken cancellationToken = default)
    {
        var relation = await db.ContextRelations.SingleOrDefaultAsync(r => r.Id == relationId && r.SiteCode == siteCode, cancellationToken);
        if (relation is null)
            return CommandResult<bool>.NotFound("No such relation.");
        db.ContextRelations.Remove(relation);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<bool>.Success(true);
    }

    public static string Key(int number) => number.ToString(CultureInfo.InvariantCulture);

    private async Task<(List<StratigraphicUnit> Units, List<StratigraphicRelation> Relations, Dictionary<string, Context> Contexts)?> LoadAsync(
        string siteCode, CancellationToken cancellationToken)
    {
        if (!await db.Sites.AnyAsync(s => s.Code == siteCode, cancellationToken))
            return null;
        var contexts = await db.Contexts.AsNoTracking().Include(c => c.Period).Where(c => c.SiteCode == siteCode).ToListAsync(cancellationToken);
        var relations = await db.ContextRelations.AsNoTracking().Where(r => r.SiteCode == siteCode)
            .Select(r => new { From = r.From!.Number, r.Type, To = r.To!.Number }).ToListAsync(cancellationToken);
        return (
            contexts.Select(c => new StratigraphicUnit(Key(c.Number), c.Label, c.Phase ?? c.Period?.Label.In("en"), c.Period?.StartYear)).ToList(),
            relations.Select(r => new StratigraphicRelation(Key(r.From), r.Type, Key(r.To))).ToList(),
            contexts.ToDictionary(c => Key(c.Number)));
    }

    private static bool Same(StratigraphicRelation a, StratigraphicRelation b) =>
        (a.From == b.From && a.To == b.To && a.Type == b.Type) ||
        (a.Type == StratigraphicRelationType.SameAs && b.Type == StratigraphicRelationType.SameAs && a.From == b.To && a.To == b.From);

    private static string Describe(StratigraphicRelation relation, Dictionary<string, Context> contexts) =>
        $"{Label(relation.From, contexts)} {relation.Type.Phrase()} {Label(relation.To, contexts)}";

    private static string Label(string key, Dictionary<string, Context> contexts) => contexts.TryGetValue(key, out var c) ? c.Label : key;
}
