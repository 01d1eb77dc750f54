using System.Text.Json;
using System.Text.Json.Serialization;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Excavation;
using Catalogue.Core.Excavation.Stratigraphy;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Samples;

/// <summary>
/// Loads <c>excavation.json</c>: sites with their areas, contexts, relations and finds; accessioned finds are
/// linked to the sample artifacts. Relations go through the stratigraphy checks: a bad file stores nothing.
/// </summary>
internal static class ExcavationSamples
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static async Task<int> LoadAsync(CatalogueDbContext db, string path, IReadOnlyList<VocabularyTerm> terms, DateTime now, string by, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return 0;
        SampleExcavation data;
        await using (var stream = File.OpenRead(path))
            data = await JsonSerializer.DeserializeAsync<SampleExcavation>(stream, Json, cancellationToken) ?? throw new InvalidDataException("excavation.json is empty.");

        int? Term(Vocabulary vocabulary, string? code, string where) => code is null
            ? null
            : terms.SingleOrDefault(t => t.Vocabulary == vocabulary && t.Code == code)?.Id
              ?? throw new InvalidDataException($"{where} names the unknown {vocabulary} term '{code}'.");

        var finds = 0;
        foreach (var s in data.Sites)
        {
            if (await db.Sites.AnyAsync(x => x.Code == s.Code, cancellationToken))
                continue;
            var site = new Site(s.Code, s.Name.ToText());
            site.Describe(s.Name.ToText(), s.Location, s.Latitude, s.Longitude, s.Description?.ToText() ?? LocalizedText.Empty);
            foreach (var a in s.Areas)
                site.AddArea(a.Code, a.Kind, a.Description);
            db.Sites.Add(site);
            await db.SaveChangesAsync(cancellationToken);

            var contexts = new Dictionary<int, Context>();
            foreach (var c in s.Contexts)
            {
                var where = $"Sample context {s.Code}/{c.Number}";
                var details = new ContextDetails
                {
                    Type = c.Type,
                    AreaId = c.Area is null ? null : site.Areas.SingleOrDefault(a => a.Code == c.Area)?.Id ?? throw new InvalidDataException($"{where} names the unknown area {c.Area}."),
                    Description = c.Description,
                    MunsellColour = c.Munsell,
                    Composition = c.Composition,
                    TopLevel = c.TopLevel,
                    BottomLevel = c.BottomLevel,
                    Excavator = c.Excavator,
                    OpenedOn = c.OpenedOn,
                    ClosedOn = c.ClosedOn,
                    Phase = c.Phase,
                    PeriodId = Term(Vocabulary.Period, c.Period, where),
                };
                contexts[c.Number] = Rule(where, () => new Context(site, c.Number, details));
            }

            db.Contexts.AddRange(contexts.Values);
            await db.SaveChangesAsync(cancellationToken);

            var units = contexts.Values.Select(c => new StratigraphicUnit(SiteStratigraphy.Key(c.Number), c.Label, c.Phase, null));
            var relations = s.Relations.Select(r => new StratigraphicRelation(SiteStratigraphy.Key(r.From), r.Type, SiteStratigraphy.Key(r.To))).ToList();
            if (StratigraphyAnalysis.Check(units, relations) is { Count: > 0 } problems)
                throw new InvalidDataException($"Sample site {s.Code} has stratigraphic errors: {string.Join(" ", problems.Select(p => p.Message))}");
            db.ContextRelations.AddRange(s.Relations.Select(r => ContextRelation.Record(contexts[r.From], r.Type, contexts[r.To], now, by)));

            foreach (var f in s.Finds)
            {
                var where = $"Sample find {f.FindNumber}";
                if (!contexts.TryGetValue(f.Context, out var context))
                    throw new InvalidDataException($"{where} names the unknown context {f.Context}.");
                var find = Rule(where, () => new Find(f.FindNumber, context, new FindDetails
                {
                    MaterialId = Term(Vocabulary.Material, f.Material, where),
                    ObjectTypeId = Term(Vocabulary.ObjectType, f.ObjectType, where),
                    Count = f.Count,
                    WeightGrams = f.WeightGrams,
                    X = f.X,
                    Y = f.Y,
                    Z = f.Z,
                    FoundOn = f.FoundOn,
                    RecordedBy = f.RecordedBy,
                    Notes = f.Notes,
                }));
                if (f.AccessionNumber is { } accession)
                {
                    var artifact = await db.Artifacts.SingleOrDefaultAsync(a => a.AccessionNumber == accession, cancellationToken)
                        ?? throw new InvalidDataException($"{where} is accessioned as {accession}, which is not a sample artifact.");
                    find.MarkAccessioned(artifact);
                }
                else if (f.Status == FindStatus.Discarded)
                {
                    find.Discard();
                }

                db.Finds.Add(find);
                finds++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return finds;
    }

    private static T Rule<T>(string where, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (DomainRuleException e)
        {
            throw new InvalidDataException($"{where}: {e.Field}: {e.Message}", e);
        }
    }

    private sealed record Labels(string? Vi, string? Fr, string? En)
    {
        public LocalizedText ToText() => LocalizedText.Of(Vi, Fr, En);
    }

    private sealed record SampleExcavation(List<SampleSite> Sites);

    private sealed record SampleSite(
        string Code, Labels Name, string? Location, decimal? Latitude, decimal? Longitude, Labels? Description,
        List<SampleArea> Areas, List<SampleContext> Contexts, List<SampleRelation> Relations, List<SampleFind> Finds);

    private sealed record SampleArea(string Code, AreaKind Kind, string? Description);

    private sealed record SampleContext(
        int Number, ContextType Type, string? Area, string? Description, string? Munsell, string? Composition,
        decimal? TopLevel, decimal? BottomLevel, string? Excavator, DateOnly? OpenedOn, DateOnly? ClosedOn, string? Phase, string? Period);

    private sealed record SampleRelation(int From, StratigraphicRelationType Type, int To);

    private sealed record SampleFind(
        string FindNumber, int Context, string? Material, string? ObjectType, int Count, decimal? WeightGrams,
        decimal? X, decimal? Y, decimal? Z, DateOnly? FoundOn, string? RecordedBy, string? Notes, FindStatus Status, string? AccessionNumber);
}
