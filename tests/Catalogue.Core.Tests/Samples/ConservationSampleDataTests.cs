using Catalogue.Core.Audit;
using Catalogue.Core.Conservation;
using Catalogue.Core.Samples;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Samples;

/// <summary>The shipped conservation records, loaded (then loaded again) into one catalogue; the tests only read.</summary>
public sealed class ConservationSampleDataTests
{
    private TestCatalogue _catalogue = null!;
    private SampleLoadResult _first = null!;
    private SampleLoadResult _second = null!;
    private List<ConditionReport> _reports = null!;
    private List<Treatment> _treatments = null!;
    private int _artifacts;

    [OneTimeSetUp]
    public async Task LoadTheSamplesTwice()
    {
        _catalogue = await TestCatalogue.StartAsync(seedTerms: false);
        await using (var scope = _catalogue.As("system"))
            _first = await scope.Get<SampleDataLoader>().LoadAsync(TestCatalogue.SamplesDirectory, progress: null);
        await using (var scope = _catalogue.As("system"))
            _second = await scope.Get<SampleDataLoader>().LoadAsync(TestCatalogue.SamplesDirectory, progress: null);
        await using var reader = _catalogue.As("reader");
        _reports = await reader.Db.ConditionReports.AsNoTracking().Include(r => r.Observations).ThenInclude(o => o.DamageType).ToListAsync();
        _treatments = await reader.Db.Treatments.AsNoTracking().Include(t => t.Steps).ThenInclude(s => s.StepType).Include(t => t.Amendments)
            .AsSplitQuery().ToListAsync();
        _artifacts = await reader.Db.Artifacts.CountAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public void Load_GivesAGoodShareOfTheArtifactsConditionReports()
    {
        // The loan checks of locations.json add the reports conservation.json does not already hold.
        Assert.That(_first.ConditionReports, Is.GreaterThan(0));
        Assert.That(_reports.Count(r => r.LoanId is null), Is.LessThanOrEqualTo(_first.ConditionReports));
        Assert.That(_reports, Has.Count.GreaterThanOrEqualTo(_first.ConditionReports));
        var examined = _reports.Select(r => r.ArtifactId).Distinct().Count();
        Assert.That(examined, Is.GreaterThanOrEqualTo(_artifacts / 3), $"{examined} of {_artifacts} artifacts have a condition report.");
    }

    [Test]
    public void Load_RecordsEveryConditionAndDamageFromTheDamageList()
    {
        Assert.That(_reports.Select(r => r.Overall).Distinct(), Is.EquivalentTo(Enum.GetValues<OverallCondition>()));
        var observations = _reports.SelectMany(r => r.Observations).ToList();
        Assert.That(observations, Is.Not.Empty);
        Assert.That(observations, Has.All.Matches<ConditionObservation>(o => o.DamageType!.Vocabulary == Vocabulary.Damage));
        Assert.That(_reports.Where(r => r.Overall != OverallCondition.Good), Has.All.Matches<ConditionReport>(r => r.Observations.Count > 0));
    }

    [Test]
    public async Task Load_LeavesSomeChecksOverdue()
    {
        await using var scope = _catalogue.As("reader");
        var worklist = await scope.Get<ConservationQueries>().WorklistAsync(dueWithinDays: 0);

        Assert.That(worklist.DueChecks.Count(d => d.DaysOverdue > 0), Is.GreaterThan(0));
    }

    [Test]
    public void Load_HasTreatmentsInEveryState()
    {
        Assert.That(_first.Treatments, Is.EqualTo(_treatments.Count));
        Assert.That(_treatments.Select(t => t.Status).Distinct(), Is.EquivalentTo(Enum.GetValues<TreatmentStatus>()));
    }

    [Test]
    public void Load_GivesEveryTreatmentTheRecordItsStateRequires()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var t in _treatments)
            {
                Assert.That(t.ApprovedBy is not null, Is.EqualTo(t.Status >= TreatmentStatus.Approved), $"{t.Reference} approval");
                Assert.That(t.StartedOn is not null, Is.EqualTo(t.Status >= TreatmentStatus.InProgress), $"{t.Reference} start");
                Assert.That(t.SignedOffBy is not null, Is.EqualTo(t.Status == TreatmentStatus.SignedOff), $"{t.Reference} sign-off");
                Assert.That(t.Steps.Select(s => s.Order), Is.EqualTo(Enumerable.Range(1, t.Steps.Count)), $"{t.Reference} step order");
                Assert.That(t.Steps, Has.All.Matches<TreatmentStep>(s => s.StepType!.Vocabulary == Vocabulary.TreatmentStep));
                Assert.That(t.Amendments.Count == 0 || t.IsSignedOff, Is.True, $"{t.Reference} is amended only once signed off");
            }
        }

        Assert.That(_treatments.Where(t => t.Status >= TreatmentStatus.Completed), Has.All.Matches<Treatment>(t => t.Outcome is not null && t.Steps.Count > 0));
        Assert.That(_treatments.SelectMany(t => t.Steps).SelectMany(s => s.Materials), Is.Not.Empty, "Some steps record their materials.");
        Assert.That(_treatments.Any(t => t.Amendments.Count > 0), Is.True, "Some signed-off treatments carry amendments.");
    }

    [Test]
    public async Task Load_LeavesAnIntactAuditChainCoveringTheConservationRecords()
    {
        var verification = await _catalogue.VerifyAuditAsync();

        Assert.That(verification.Intact, Is.True, verification.Reason);
        await using var scope = _catalogue.As("reader");
        Assert.That(verification.Entries, Is.EqualTo(await scope.Db.AuditEntries.LongCountAsync()));
        Assert.That(await scope.Db.AuditEntries.CountAsync(e => e.EntityType == ConditionReport.AuditType && e.Action == AuditAction.Created), Is.EqualTo(_reports.Count));
        Assert.That(await scope.Db.AuditEntries.CountAsync(e => e.EntityType == Treatment.AuditType), Is.EqualTo(_treatments.Count));
    }

    [Test]
    public void LoadAgain_AddsNoConservationRecords()
    {
        Assert.That((_second.ConditionReports, _second.Treatments), Is.EqualTo((0, 0)));
    }
}
