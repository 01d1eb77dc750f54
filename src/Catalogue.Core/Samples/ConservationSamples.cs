using System.Text.Json;
using System.Text.Json.Serialization;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Data;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Samples;

/// <summary>
/// Loads <c>conservation.json</c>: condition reports and treatments in every state. Each record goes through the
/// entities' own rules (the treatment state machine included), so a bad file stores nothing.
/// </summary>
internal static class ConservationSamples
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static async Task<(int Reports, int Treatments)> LoadAsync(CatalogueDbContext db, string path, IReadOnlyList<VocabularyTerm> terms, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return (0, 0);
        SampleConservation data;
        await using (var stream = File.OpenRead(path))
            data = await JsonSerializer.DeserializeAsync<SampleConservation>(stream, Json, cancellationToken) ?? throw new InvalidDataException("conservation.json is empty.");

        int Term(Vocabulary vocabulary, string code, string where) =>
            terms.SingleOrDefault(t => t.Vocabulary == vocabulary && t.Code == code)?.Id
            ?? throw new InvalidDataException($"{where} names the unknown {vocabulary} term '{code}'.");
        var artifacts = await db.Artifacts.ToDictionaryAsync(a => a.AccessionNumber, cancellationToken);
        Artifacts.Artifact Artifact(string accession, string where) =>
            artifacts.GetValueOrDefault(accession) ?? throw new InvalidDataException($"{where} refers to {accession}, which is not a sample artifact.");

        var existingReports = (await db.ConditionReports.Select(r => r.Reference).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var reports = 0;
        var perYear = new Dictionary<int, int>();
        foreach (var r in data.ConditionReports.OrderBy(r => r.ExaminedOn).ThenBy(r => r.Artifact, StringComparer.Ordinal))
        {
            var year = r.ExaminedOn.Year;
            perYear[year] = perYear.GetValueOrDefault(year) + 1;
            var reference = $"CR-{year}-{perYear[year]:0000}";
            if (existingReports.Contains(reference))
                continue;
            var where = $"Sample condition report of {r.Artifact} ({r.ExaminedOn:yyyy-MM-dd})";
            var details = new ConditionReportDetails
            {
                ExaminedOn = r.ExaminedOn,
                Examiner = r.Examiner,
                Purpose = r.Purpose,
                Overall = r.Overall,
                Observations = r.Observations.Select(o => new ObservationDetails(Term(Vocabulary.Damage, o.Damage, where), o.Location, o.Severity, o.Notes)).ToList(),
                Hazards = r.Hazards,
                Priority = r.Priority,
                Recommendation = r.Recommendation,
                NextCheckDue = r.NextCheckDue,
                Notes = r.Notes,
            };
            db.ConditionReports.Add(Rule(where, () => new ConditionReport(reference, Artifact(r.Artifact, where), details)));
            reports++;
        }

        var existingTreatments = (await db.Treatments.Select(t => t.Reference).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var treatments = 0;
        foreach (var t in data.Treatments)
        {
            if (existingTreatments.Contains(t.Reference))
                continue;
            var where = $"Sample treatment {t.Reference}";
            var treatment = Rule(where, () =>
            {
                var created = new Treatment(t.Reference, Artifact(t.Artifact, where), new TreatmentDetails
                {
                    Title = t.Title,
                    Proposal = t.Proposal,
                    Conservators = t.Conservators,
                    ConditionBefore = t.ConditionBefore,
                }, t.ProposedBy, t.ProposedOn);
                created.Restore(t.Status, t.ApprovedBy, t.ApprovedOn, t.StartedOn, t.CompletedOn, t.ConditionAfter, t.Outcome, t.SignedOffBy, t.SignedOffOn,
                    t.Steps.Select(s => new StepDetails
                    {
                        StepTypeId = Term(Vocabulary.TreatmentStep, s.Type, where),
                        Description = s.Description,
                        PerformedBy = s.PerformedBy,
                        PerformedOn = s.PerformedOn,
                        MinutesSpent = s.MinutesSpent,
                        Notes = s.Notes,
                        Materials = s.Materials.Select(m => new MaterialDetails(m.Product, m.Concentration, m.Solvent, m.Batch)).ToList(),
                    }));
                foreach (var a in t.Amendments)
                    created.Amend(a.Author, a.At.ToUniversalTime(), a.Reason, a.Section, a.Text);
                return created;
            });
            db.Treatments.Add(treatment);
            treatments++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (reports, treatments);
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

    private sealed record SampleConservation(List<SampleReport> ConditionReports, List<SampleTreatment> Treatments);

    private sealed record SampleObservation(string Damage, string? Location, DamageSeverity Severity, string? Notes);

    private sealed record SampleReport(
        string Artifact, DateOnly ExaminedOn, string Examiner, ConditionCheckPurpose Purpose, OverallCondition Overall,
        List<SampleObservation> Observations, string? Hazards, ConservationPriority Priority, string? Recommendation, DateOnly? NextCheckDue, string? Notes);

    private sealed record SampleMaterial(string Product, string? Concentration, string? Solvent, string? Batch);

    private sealed record SampleStep(string Type, string? Description, string? PerformedBy, DateOnly? PerformedOn, int? MinutesSpent, string? Notes, List<SampleMaterial> Materials);

    private sealed record SampleAmendment(DateTime At, string Author, string Reason, string? Section, string Text);

    private sealed record SampleTreatment(
        string Reference, string Artifact, string Title, string? Proposal, string ProposedBy, DateOnly ProposedOn, TreatmentStatus Status,
        string? ApprovedBy, DateOnly? ApprovedOn, DateOnly? StartedOn, DateOnly? CompletedOn, string? SignedOffBy, DateOnly? SignedOffOn,
        string? Conservators, string? ConditionBefore, string? ConditionAfter, string? Outcome, List<SampleStep> Steps, List<SampleAmendment> Amendments);
}
