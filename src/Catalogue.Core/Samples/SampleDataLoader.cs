using System.Text.Json;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Samples;

public sealed record SampleLoadResult(
    int Terms, int Artifacts, int Finds = 0, int ConditionReports = 0, int Treatments = 0,
    int Locations = 0, int Moves = 0, int Exhibitions = 0, int Loans = 0, int LoanChecks = 0)
{
    /// <summary>The generated photographs attached to sample artifacts, waiting for their derivatives.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];
}

/// <summary>
/// Loads the sample dataset (<c>vocabularies.json</c>, <c>artifacts.json</c>, then excavation, conservation and
/// locations) through the entities' own rules.
/// Idempotent: terms and artifacts that already exist are left as they are. All or nothing.
/// </summary>
public sealed class SampleDataLoader(CatalogueDbContext db, TimeProvider clock, ICurrentUser user, Media.MediaStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public async Task<SampleLoadResult> LoadAsync(string directory, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default)
    {
        var vocabularies = await Read<SampleVocabularies>(Path.Combine(directory, "vocabularies.json"), cancellationToken);
        var artifacts = await Read<List<SampleArtifact>>(Path.Combine(directory, "artifacts.json"), cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var terms = await db.Terms.ToListAsync(cancellationToken);
            var addedTerms = 0;
            foreach (var (vocabulary, list) in vocabularies.All())
            {
                var order = 0;
                foreach (var t in list)
                {
                    order++;
                    if (terms.Any(x => x.Vocabulary == vocabulary && x.Code == t.Code))
                        continue;
                    var term = new VocabularyTerm(vocabulary, t.Code, t.Labels.ToText(), t.Aat, t.StartYear, t.EndYear);
                    term.Relabel(term.Label, t.Aat, t.StartYear, t.EndYear, vocabulary == Vocabulary.Period ? order : 0);
                    db.Terms.Add(term);
                    terms.Add(term);
                    addedTerms++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            int TermId(Vocabulary vocabulary, string code, string accession) =>
                terms.SingleOrDefault(t => t.Vocabulary == vocabulary && t.Code == code)?.Id
                ?? throw new InvalidDataException($"Sample artifact {accession} names the unknown {vocabulary} term '{code}'.");

            var existing = (await db.Artifacts.Select(a => a.AccessionNumber).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var addedArtifacts = 0;
            for (var i = 0; i < artifacts.Count; i++)
            {
                var a = artifacts[i];
                if (!existing.Add(a.AccessionNumber))
                    continue;
                var details = new ArtifactDetails
                {
                    ObjectTypeId = TermId(Vocabulary.ObjectType, a.ObjectType, a.AccessionNumber),
                    MaterialIds = a.Materials.Select(m => TermId(Vocabulary.Material, m, a.AccessionNumber)).ToList(),
                    TechniqueIds = a.Techniques.Select(m => TermId(Vocabulary.Technique, m, a.AccessionNumber)).ToList(),
                    PeriodId = a.Dating?.Period is { } p ? TermId(Vocabulary.Period, p, a.AccessionNumber) : null,
                    Title = a.Title.ToText(),
                    Description = a.Description?.ToText() ?? LocalizedText.Empty,
                    InscriptionText = a.Inscription?.Original,
                    InscriptionTranslation = a.Inscription is { } ins ? LocalizedText.Of(ins.Vi, ins.Fr, ins.En) : LocalizedText.Empty,
                    Dimensions = a.Dimensions ?? Dimensions.None,
                    Weight = a.Weight ?? Weight.None,
                    Dating = new Dating { EarliestYear = a.Dating?.EarliestYear, LatestYear = a.Dating?.LatestYear, Text = a.Dating?.Text },
                    Provenance = a.Provenance,
                    CreditLine = a.CreditLine,
                    Rights = a.Rights,
                    AccessionDate = a.AccessionDate,
                };
                try
                {
                    db.Artifacts.Add(new Artifact(a.AccessionNumber, details, ParseStatus(a.Status)));
                }
                catch (DomainRuleException e)
                {
                    throw new InvalidDataException($"Sample artifact {a.AccessionNumber}: {e.Field}: {e.Message}", e);
                }

                addedArtifacts++;
                if (addedArtifacts % 100 == 0)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    db.AttachRange(terms);
                }

                progress?.Report((i + 1, artifacts.Count));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var finds = await ExcavationSamples.LoadAsync(db, Path.Combine(directory, "excavation.json"), terms, clock.GetUtcNow().UtcDateTime, user.Name, cancellationToken);
            db.ChangeTracker.Clear();
            var (reports, treatments) = await ConservationSamples.LoadAsync(db, Path.Combine(directory, "conservation.json"), terms, cancellationToken);
            db.ChangeTracker.Clear();
            var places = await LocationSamples.LoadAsync(db, Path.Combine(directory, "locations.json"), terms, user.Name, cancellationToken);
            db.ChangeTracker.Clear();
            var images = await Media.SampleImages.AttachAsync(db, store, clock.GetUtcNow().UtcDateTime, user.Name, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report((artifacts.Count, artifacts.Count));
            return new SampleLoadResult(addedTerms, addedArtifacts, finds, reports, treatments,
                places.Locations, places.Moves, places.Exhibitions, places.Loans, places.LoanChecks) { Images = images };
        });
    }

    private static PublicationStatus ParseStatus(string? status) =>
        Enum.TryParse<PublicationStatus>(status, ignoreCase: true, out var parsed) ? parsed : PublicationStatus.Draft;

    private static async Task<T> Read<T>(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The sample data file {Path.GetFileName(path)} was not found in the samples folder.", path);
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"{Path.GetFileName(path)} is empty.");
    }

    private sealed record Labels(string? Vi, string? Fr, string? En)
    {
        public LocalizedText ToText() => LocalizedText.Of(Vi, Fr, En);
    }

    private sealed record SampleTerm(string Code, string? Aat, Labels Labels, int? StartYear, int? EndYear);

    private sealed record SampleVocabularies(
        List<SampleTerm> ObjectTypes, List<SampleTerm> Materials, List<SampleTerm> Techniques, List<SampleTerm> Periods,
        List<SampleTerm>? DamageTypes, List<SampleTerm>? TreatmentSteps)
    {
        public IEnumerable<(Vocabulary, List<SampleTerm>)> All() =>
        [
            (Vocabulary.ObjectType, ObjectTypes), (Vocabulary.Material, Materials), (Vocabulary.Technique, Techniques), (Vocabulary.Period, Periods),
            (Vocabulary.Damage, DamageTypes ?? []), (Vocabulary.TreatmentStep, TreatmentSteps ?? []),
        ];
    }

    private sealed record SampleInscription(string? Original, string? Vi, string? Fr, string? En);

    private sealed record SampleDating(string? Period, int? EarliestYear, int? LatestYear, string? Text);

    private sealed record SampleArtifact(
        string AccessionNumber,
        DateOnly? AccessionDate,
        string ObjectType,
        List<string> Materials,
        List<string> Techniques,
        Labels Title,
        Labels? Description,
        SampleInscription? Inscription,
        Dimensions? Dimensions,
        Weight? Weight,
        SampleDating? Dating,
        string? Provenance,
        string? CreditLine,
        string? Rights,
        string? Status);
}
