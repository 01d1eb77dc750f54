using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Data;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Samples;

/// <summary>What <see cref="LocationSamples"/> stored.</summary>
internal sealed record LocationSampleCounts(int Locations, int Moves, int Exhibitions, int Loans, int LoanChecks);

/// <summary>
/// Loads <c>locations.json</c>: the storage hierarchy, the move history, exhibitions and loans with their condition checks.
/// Moves and the loans' dispatches and returns are replayed together in date order, under the same rules the commands
/// apply (no move while away on a loan, none dated before the previous one): a bad file stores nothing.
/// </summary>
internal static class LocationSamples
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static async Task<LocationSampleCounts> LoadAsync(
        CatalogueDbContext db, string path, IReadOnlyList<VocabularyTerm> terms, string by, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return new LocationSampleCounts(0, 0, 0, 0, 0);
        SampleLocations data;
        await using (var stream = File.OpenRead(path))
            data = await JsonSerializer.DeserializeAsync<SampleLocations>(stream, Json, cancellationToken) ?? throw new InvalidDataException("locations.json is empty.");

        var artifacts = await db.Artifacts.ToDictionaryAsync(a => a.AccessionNumber, cancellationToken);
        Artifact Artifact(string accession, string where) =>
            artifacts.GetValueOrDefault(accession) ?? throw new InvalidDataException($"{where} refers to {accession}, which is not a sample artifact.");

        // Locations: a parent is always listed before its children.
        var locations = await db.Locations.ToDictionaryAsync(l => l.Code, cancellationToken);
        var addedLocations = 0;
        foreach (var l in data.Locations)
        {
            if (locations.ContainsKey(l.Code))
                continue;
            var where = $"Sample location {l.Code}";
            StorageLocation? parent = null;
            if (l.Parent is { } parentCode && !locations.TryGetValue(parentCode, out parent))
                throw new InvalidDataException($"{where} is placed under {parentCode}, which is not listed before it.");
            var location = Rule(where, () => new StorageLocation(l.Code, l.Name, l.Kind, parent));
            db.Locations.Add(location);
            locations[location.Code] = location;
            addedLocations++;
        }

        await db.SaveChangesAsync(cancellationToken);

        var exhibitions = await db.Exhibitions.ToDictionaryAsync(e => e.Code, cancellationToken);
        var addedExhibitions = 0;
        foreach (var e in data.Exhibitions)
        {
            if (exhibitions.ContainsKey(e.Code))
                continue;
            var where = $"Sample exhibition {e.Code}";
            var exhibition = Rule(where, () =>
            {
                var created = new Exhibition(e.Code, e.Title.ToText(), e.Description?.ToText() ?? LocalizedText.Empty, e.IsPublic);
                foreach (var v in e.Venues)
                    created.AddVenue(v.Institution, v.City, v.Country, v.OpensOn, v.ClosesOn);
                foreach (var o in e.Objects)
                    created.Show(Artifact(o.Artifact, where), o.Label.ToText());
                return created;
            });
            db.Exhibitions.Add(exhibition);
            exhibitions[exhibition.Code] = exhibition;
            addedExhibitions++;
        }

        await db.SaveChangesAsync(cancellationToken);

        // Loans are stored as requested or agreed first: they need their id before their dispatch moves refer to them.
        var existingLoans = (await db.Loans.Select(l => l.Reference).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var loans = new List<(SampleLoan Data, Loan Loan)>();
        foreach (var l in data.Loans.Where(l => !existingLoans.Contains(l.Reference)))
        {
            var where = $"Sample loan {l.Reference}";
            int? exhibitionId = l.Exhibition is null
                ? null
                : exhibitions.GetValueOrDefault(l.Exhibition)?.Id ?? throw new InvalidDataException($"{where} names the unknown exhibition {l.Exhibition}.");
            var loan = Rule(where, () =>
            {
                var created = new Loan(l.Reference, new LoanDetails
                {
                    Direction = l.Direction,
                    Institution = l.Institution,
                    Contact = l.Contact,
                    AgreementFrom = l.AgreementFrom,
                    AgreementTo = l.AgreementTo,
                    Courier = l.Courier,
                    ExhibitionId = exhibitionId,
                    Notes = l.Notes,
                });
                foreach (var o in l.Objects)
                    created.Include(Artifact(o.Artifact, where), o.InsuranceValue, o.Currency);
                if (l.Status != LoanStatus.Requested)
                    created.Agree();
                return created;
            });
            db.Loans.Add(loan);
            loans.Add((l, loan));
        }

        await db.SaveChangesAsync(cancellationToken);
        var moves = await ReplayMovesAsync(db, data, loans, locations, Artifact, by, cancellationToken);
        var checks = await LoadChecksAsync(db, data, loans, terms, Artifact, cancellationToken);
        return new LocationSampleCounts(addedLocations, moves, addedExhibitions, loans.Count, checks);
    }

    /// <summary>
    /// The file's moves (only into an empty history: they have no key to tell them apart) and the loans' dispatches and
    /// returns at noon UTC, in date order, each checked against where the object is at that moment.
    /// </summary>
    private static async Task<int> ReplayMovesAsync(
        CatalogueDbContext db, SampleLocations data, List<(SampleLoan Data, Loan Loan)> loans, Dictionary<string, StorageLocation> locations,
        Func<string, string, Artifact> artifactOf, string by, CancellationToken cancellationToken)
    {
        var freshHistory = !await db.Movements.AnyAsync(cancellationToken);
        var noon = new TimeOnly(12, 0);
        var timeline = new List<(DateTime At, int Order, Action Apply)>();
        var here = new Dictionary<int, (int? LocationId, DateTime Since, Loan? AwayOn)>();
        var recorded = 0;

        // to is null for a move out on the loan; the loan is set on the way out and on the way back.
        void Place(Artifact artifact, int? to, Loan? loan, DateTime at, string reason, Guid batch, string where, string movedBy)
        {
            if (here.TryGetValue(artifact.Id, out var now))
            {
                if (now.AwayOn is { } away && !(ReferenceEquals(away, loan) && to is not null))
                    throw new InvalidDataException($"{where}: {artifact.AccessionNumber} is away on loan {away.Reference} on {at:yyyy-MM-dd HH:mm}.");
                if (at <= now.Since)
                    throw new InvalidDataException($"{where}: {artifact.AccessionNumber} was last moved on {now.Since:yyyy-MM-dd HH:mm}; this move is dated before that.");
            }

            db.Movements.Add(new Movement(artifact, here.GetValueOrDefault(artifact.Id).LocationId, to, loan?.Id, at, movedBy, reason, batch));
            here[artifact.Id] = (to, at, to is null ? loan : null);
            recorded++;
        }

        if (freshHistory)
        {
            foreach (var (m, order) in data.Moves.Select((m, i) => (m, i)))
            {
                var where = $"Sample move of {m.Artifact} on {m.MovedAt:yyyy-MM-dd HH:mm}";
                var to = locations.GetValueOrDefault(m.To) ?? throw new InvalidDataException($"{where} goes to the unknown location {m.To}.");
                Rule(where, () => Text.Check(nameof(m.Reason), m.Reason, Movement.ReasonMaxLength));
                var at = m.MovedAt.ToUniversalTime();
                timeline.Add((at, order, () => Place(artifactOf(m.Artifact, where), to.Id, null, at, m.Reason, Guid.NewGuid(), where, m.MovedBy)));
            }
        }

        foreach (var (l, loan) in loans)
        {
            var where = $"Sample loan {l.Reference}";
            if (l.Status is LoanStatus.Dispatched or LoanStatus.OnDisplay or LoanStatus.Returned)
            {
                var on = l.DispatchedOn ?? throw new InvalidDataException($"{where} is {l.Status} but has no dispatchedOn.");
                var at = on.ToDateTime(noon, DateTimeKind.Utc);
                timeline.Add((at, int.MaxValue - 1, () =>
                {
                    var batch = Guid.NewGuid();
                    if (loan.Direction == LoanDirection.Out)
                    {
                        foreach (var o in loan.Objects)
                            Place(o.Artifact!, null, loan, at, $"Dispatched on loan {loan.Reference} to {loan.Institution}", batch, where, by);
                    }

                    Rule(where, () => loan.Dispatch(on));
                    if (l.Status != LoanStatus.Dispatched)
                        Rule(where, loan.ArriveOnDisplay);
                }));
            }

            if (l.Status == LoanStatus.Returned)
            {
                var on = l.ReturnedOn ?? throw new InvalidDataException($"{where} is returned but has no returnedOn.");
                var to = l.ReturnTo is { } code
                    ? locations.GetValueOrDefault(code) ?? throw new InvalidDataException($"{where} returns to the unknown location {code}.")
                    : throw new InvalidDataException($"{where} is returned but has no returnTo.");
                var at = on.ToDateTime(noon, DateTimeKind.Utc);
                timeline.Add((at, int.MaxValue, () =>
                {
                    var batch = Guid.NewGuid();
                    if (loan.Direction == LoanDirection.Out)
                    {
                        foreach (var o in loan.Objects)
                            Place(o.Artifact!, to.Id, loan, at, $"Returned from loan {loan.Reference} ({loan.Institution})", batch, where, by);
                    }

                    Rule(where, () => loan.Return(on));
                }));
            }
        }

        foreach (var (_, _, apply) in timeline.OrderBy(t => t.At).ThenBy(t => t.Order))
            apply();
        await db.SaveChangesAsync(cancellationToken);
        return recorded;
    }

    /// <summary>
    /// The loans' condition checks. Most are the loan reports conservation.json already holds (same object, purpose and
    /// day): those are linked to the loan rather than stored twice. The others are new reports.
    /// </summary>
    private static async Task<int> LoadChecksAsync(
        CatalogueDbContext db, SampleLocations data, List<(SampleLoan Data, Loan Loan)> loans, IReadOnlyList<VocabularyTerm> terms,
        Func<string, string, Artifact> artifactOf, CancellationToken cancellationToken)
    {
        var byReference = loans.ToDictionary(l => l.Data.Reference, l => l.Loan, StringComparer.Ordinal);
        var checks = data.LoanChecks.Where(c => byReference.ContainsKey(c.Loan)).ToList();
        if (checks.Count == 0)
            return 0;
        var loanPurposes = new[] { ConditionCheckPurpose.LoanDeparture, ConditionCheckPurpose.LoanArrival, ConditionCheckPurpose.LoanBeforeReturn, ConditionCheckPurpose.LoanReturn };
        var reports = await db.ConditionReports.Where(r => loanPurposes.Contains(r.Purpose)).ToListAsync(cancellationToken);
        var references = await db.ConditionReports.Select(r => r.Reference).ToListAsync(cancellationToken);
        var highest = references.Where(r => r.Length == 12 && r.StartsWith("CR-", StringComparison.Ordinal))
            .GroupBy(r => int.Parse(r.AsSpan(3, 4), NumberStyles.None, CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Max(r => int.TryParse(r.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0));

        int Term(string code, string where) =>
            terms.SingleOrDefault(t => t.Vocabulary == Vocabulary.Damage && t.Code == code)?.Id
            ?? throw new InvalidDataException($"{where} names the unknown {Vocabulary.Damage} term '{code}'.");

        var count = 0;
        foreach (var c in checks.OrderBy(c => c.ExaminedOn).ThenBy(c => c.Artifact, StringComparer.Ordinal))
        {
            var loan = byReference[c.Loan];
            var purpose = Loan.PurposeOf(c.Stage);
            var where = $"Sample {c.Stage} check of {c.Artifact} on {c.Loan}";
            var artifact = artifactOf(c.Artifact, where);
            if (loan.Objects.All(o => o.ArtifactId != artifact.Id))
                throw new InvalidDataException($"{where}: {c.Artifact} is not on that loan.");
            var existing = reports.Where(r => r.ArtifactId == artifact.Id && r.Purpose == purpose && r.ExaminedOn == c.ExaminedOn).ToList();
            if (existing.Count > 1)
                throw new InvalidDataException($"{where} matches {existing.Count} condition reports of that day.");
            if (existing is [var report])
            {
                if (report.LoanId is { } other && other != loan.Id)
                    throw new InvalidDataException($"{where} matches {report.Reference}, which belongs to another loan.");
                report.BelongTo(loan.Id);
            }
            else
            {
                var year = c.ExaminedOn.Year;
                highest[year] = highest.GetValueOrDefault(year) + 1;
                var reference = string.Create(CultureInfo.InvariantCulture, $"CR-{year}-{highest[year]:0000}");
                var details = new ConditionReportDetails
                {
                    ExaminedOn = c.ExaminedOn,
                    Examiner = c.Examiner,
                    Purpose = purpose,
                    Overall = c.Overall,
                    Observations = c.Observations.Select(o => new ObservationDetails(Term(o.Damage, where), o.Location, o.Severity, o.Notes)).ToList(),
                    Priority = c.Priority,
                    Recommendation = c.Recommendation,
                    LoanId = loan.Id,
                };
                db.ConditionReports.Add(Rule(where, () => new ConditionReport(reference, artifact, details)));
            }

            count++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return count;
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

    private static void Rule(string where, Action change) => Rule(where, () =>
    {
        change();
        return true;
    });

    private sealed record Labels(string? Vi, string? Fr, string? En)
    {
        public LocalizedText ToText() => LocalizedText.Of(Vi, Fr, En);
    }

    private sealed record SampleLocations(
        List<SampleLocation> Locations, List<SampleMove> Moves, List<SampleExhibition> Exhibitions, List<SampleLoan> Loans, List<SampleLoanCheck> LoanChecks);

    private sealed record SampleLocation(string Code, string Name, LocationKind Kind, string? Parent);

    private sealed record SampleMove(string Artifact, string To, DateTime MovedAt, string MovedBy, string Reason);

    private sealed record SampleVenue(string Institution, string City, string? Country, DateOnly OpensOn, DateOnly ClosesOn);

    private sealed record SampleShownObject(string Artifact, Labels Label);

    private sealed record SampleExhibition(string Code, Labels Title, Labels? Description, bool IsPublic, List<SampleVenue> Venues, List<SampleShownObject> Objects);

    private sealed record SampleLoanObject(string Artifact, decimal? InsuranceValue, string? Currency);

    private sealed record SampleLoan(
        string Reference, LoanDirection Direction, string Institution, string? Contact, DateOnly? AgreementFrom, DateOnly? AgreementTo,
        string? Courier, string? Exhibition, string? Notes, LoanStatus Status, DateOnly? DispatchedOn, DateOnly? ReturnedOn, string? ReturnTo,
        List<SampleLoanObject> Objects);

    private sealed record SampleObservation(string Damage, string? Location, DamageSeverity Severity, string? Notes);

    private sealed record SampleLoanCheck(
        string Loan, string Artifact, LoanStage Stage, DateOnly ExaminedOn, string Examiner, OverallCondition Overall,
        List<SampleObservation> Observations, ConservationPriority Priority, string? Recommendation);
}
