using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using Microsoft.EntityFrameworkCore;
using static Catalogue.Core.Tests.Support.ConservationSetup;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Conservation;

/// <summary>Ordered treatment steps with their materials, time and notes; their history and the treatment's version.</summary>
public sealed class TreatmentStepsTests
{
    private TestCatalogue _catalogue = null!;
    private ConservationTerms _terms = null!;
    private StaffMember _curator = null!;
    private StaffMember _conservator = null!;
    private string _reference = null!;

    [SetUp]
    public async Task StartCatalogueWithATreatmentInProgress()
    {
        _catalogue = await TestCatalogue.StartAsync();
        _terms = await _catalogue.SeedConservationTermsAsync();
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession));
        _curator = await _catalogue.CreateStaffAsync("lan@catalogue.test", Roles.Curator);
        _conservator = await _catalogue.CreateStaffAsync("hoa@catalogue.test", Roles.Conservator);
        _reference = await _catalogue.TreatmentAtAsync(TreatmentStatus.InProgress, _curator, _conservator, step: null);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task AddStep_StoresOrderedStepsWithMaterialsTimeAndNotes()
    {
        await AddStepAsync(Step(_terms.Cleaning, "Swabbed the foot", Material("Deionised water")));
        await AddStepAsync(Step(_terms.Consolidation, "Consolidated the flaking glaze",
            Material("Paraloid B-72", "5% w/v", "acetone", "LOT-2291"), Material("Cyclododecane", solvent: "  ")));
        var step = Step(_terms.AdhesiveJoin, "Joined the rim fragment");
        step.MinutesSpent = 240;
        step.Notes = "Clamped for 24 h.";
        await AddStepAsync(step);

        var stored = await _catalogue.ReadTreatmentAsync(_reference);
        var steps = stored!.Steps;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.Select(s => (s.Order, s.StepType!.Code)), Is.EqualTo(new[] { (1, "cleaning"), (2, "consolidation"), (3, "adhesive-join") }));
            Assert.That(steps[1].Materials, Is.EqualTo(new[]
            {
                new TreatmentMaterial("Paraloid B-72", "5% w/v", "acetone", "LOT-2291"),
                new TreatmentMaterial("Cyclododecane", null, null, null),
            }));
            Assert.That(steps[1].MaterialsText, Is.EqualTo("Paraloid B-72, 5% w/v, in acetone, batch LOT-2291; Cyclododecane"));
            Assert.That(steps[2].MinutesSpent, Is.EqualTo(240));
            Assert.That(steps[2].Notes, Is.EqualTo("Clamped for 24 h."));
            Assert.That(steps[2].PerformedBy, Is.EqualTo(Examiner));
            Assert.That(steps[2].PerformedOn, Is.EqualTo(Today));
            Assert.That(steps[2].Materials, Is.Empty);
        }
    }

    [Test]
    public async Task AddStep_IgnoresBlankMaterialRows()
    {
        await AddStepAsync(Step(_terms.Cleaning, "Swabbed", new MaterialInput(), Material("Ethanol", "50%", "water"), new MaterialInput { Batch = " " }));

        var stored = await _catalogue.ReadTreatmentAsync(_reference);
        Assert.That(stored!.Steps.Single().Materials, Is.EqualTo(new[] { new TreatmentMaterial("Ethanol", "50%", "water", null) }));
    }

    public static IEnumerable<TestCaseData> InvalidSteps()
    {
        TestCaseData Case(string name, string field, string rule, Action<StepInput, ConservationTerms> spoil) =>
            new TestCaseData(field, rule, spoil).SetName($"AddStep_{name}_IsRefusedNamingTheFieldAndStoresNothing");

        yield return Case("WithoutAType", "StepTypeId", "required", (s, _) => s.StepTypeId = null);
        yield return Case("WithADamageTermAsType", "StepTypeId", "treatment step list", (s, t) => s.StepTypeId = t.Crack.Id);
        yield return Case("WithNegativeTime", "MinutesSpent", "between 0 and 100000", (s, _) => s.MinutesSpent = -5);
        yield return Case("WithAbsurdTime", "MinutesSpent", "between 0 and 100000", (s, _) => s.MinutesSpent = 100_001);
        yield return Case("WithTooLongDescription", "Description", "at most 2000", (s, _) => s.Description = new string('x', 2001));
        yield return Case("WithTooLongNotes", "Notes", "at most 2000", (s, _) => s.Notes = new string('x', 2001));
        yield return Case("WithTooLongPerformer", "PerformedBy", "at most 200", (s, _) => s.PerformedBy = new string('x', 201));
        yield return Case("WithAMaterialWithoutProduct", "Materials[0].Product", "names its product", (s, _) => s.Materials = [Material(" ", "5%", "acetone")]);
        yield return Case("WithTooLongConcentration", "Materials[0].Concentration", "at most 50", (s, _) => s.Materials = [Material("Paraloid B-72", new string('x', 51))]);
        yield return Case("WithTooLongSolvent", "Materials[0].Solvent", "at most 100", (s, _) => s.Materials = [Material("Paraloid B-72", solvent: new string('x', 101))]);
        yield return Case("WithTooLongBatch", "Materials[0].Batch", "at most 50", (s, _) => s.Materials = [Material("Paraloid B-72", batch: new string('x', 51))]);
        yield return Case("DatedBeforeTheStart", "PerformedOn", "before the treatment started", (s, _) => s.PerformedOn = Today.AddDays(-1));
    }

    [TestCaseSource(nameof(InvalidSteps))]
    public async Task AddStep_BreakingARule_IsRefused(string field, string rule, Action<StepInput, ConservationTerms> spoil)
    {
        var entries = await _catalogue.CountAuditEntriesAsync();
        var step = Step(_terms.Cleaning, "Swabbed");
        spoil(step, _terms);

        var result = await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(_reference, 3, step));

        Assert.That(AssertRefusedOn(result, field), Does.Contain(rule));
        var stored = await _catalogue.ReadTreatmentAsync(_reference);
        Assert.That(stored!.Steps, Is.Empty);
        Assert.That(stored.Version, Is.EqualTo(3));
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(entries));
    }

    [Test]
    public async Task AddStep_MovesTheTreatmentsVersionOnAndAttributesTheChange()
    {
        var result = await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(_reference, 3, Step(_terms.Cleaning, "Swabbed")));

        AssertSucceeded(result);
        var stored = await _catalogue.ReadTreatmentAsync(_reference);
        Assert.That(stored!.Version, Is.EqualTo(4), "A new step is a change to the treatment.");
        Assert.That(result.Value!.Version, Is.EqualTo(4), "The page round-trips the new version.");
        Assert.That(stored.UpdatedBy, Is.EqualTo(_conservator.Name));
    }

    [Test]
    public async Task ReviseTreatment_AfterAnotherConservatorAddedAStep_IsAConflict()
    {
        var opened = TreatmentInput.From((await _catalogue.ReadTreatmentAsync(_reference))!);
        AssertSucceeded(await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(_reference, opened.Version, Step(_terms.Cleaning, "Swabbed"))));
        opened.Title = "Overwrite with what I saw";

        var result = await _catalogue.AsAsync(_curator, c => c.ReviseAsync(_reference, opened));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(result.Errors.Single().Message, Does.Contain(_conservator.Name));
        Assert.That((await _catalogue.ReadTreatmentAsync(_reference))!.Title, Is.EqualTo("Clean and consolidate the glaze"));
    }

    [Test]
    public async Task AddStep_ByTwoConservatorsFromTheSameVersion_KeepsTheFirstAndTellsTheSecond()
    {
        var minh = await _catalogue.CreateStaffAsync("minh@catalogue.test", Roles.Conservator);

        var first = await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(_reference, 3, Step(_terms.Cleaning, "First")));
        var second = await _catalogue.AsAsync(minh, c => c.AddStepAsync(_reference, 3, Step(_terms.Consolidation, "Second")));

        AssertSucceeded(first);
        Assert.That(second.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That((await _catalogue.ReadTreatmentAsync(_reference))!.Steps.Select(s => s.Description), Is.EqualTo(new[] { "First" }));
    }

    [Test]
    public async Task ReviseStep_WhenARivalChangesTheTreatmentDuringTheSave_IsAConflictAndStoresNothing()
    {
        var version = await AddStepAsync(Step(_terms.Cleaning, "Swabbed", Material("Deionised water")));
        var stepId = (await _catalogue.ReadTreatmentAsync(_reference))!.Steps.Single().Id;
        var entries = await _catalogue.CountAuditEntriesAsync();
        var revised = Step(_terms.Cleaning, "Swabbed twice", Material("Deionised water"));
        var validated = false;
        // The step validator asks the database, not the clock; the first clock read is the save itself.
        _catalogue.Clock.BeforeNextSave(() =>
        {
            validated = true;
            _catalogue.ExecuteSql($"UPDATE Treatments SET Version = Version + 1 WHERE Reference = '{_reference}'");
        });

        var result = await _catalogue.AsAsync(_conservator, c => c.ReviseStepAsync(_reference, version, stepId, revised));

        Assert.That(validated, Is.True);
        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict), () => TestCatalogue.Describe(result.Errors));
        Assert.That((await _catalogue.ReadTreatmentAsync(_reference))!.Steps.Single().Description, Is.EqualTo("Swabbed"));
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(entries));
    }

    [Test]
    public async Task ReviseStep_ChangingTheMaterials_RecordsTheOldAndNewMaterials()
    {
        var version = await AddStepAsync(Step(_terms.Consolidation, "Consolidated", Material("Paraloid B-72", "3%", "acetone", "LOT-1")));
        var stepId = (await _catalogue.ReadTreatmentAsync(_reference))!.Steps.Single().Id;

        var result = await _catalogue.AsAsync(_conservator, c => c.ReviseStepAsync(_reference, version, stepId,
            Step(_terms.Consolidation, "Consolidated", Material("Paraloid B-72", "5%", "acetone", "LOT-1"))));

        AssertSucceeded(result);
        var latest = (await _catalogue.TreatmentHistoryAsync(_reference))[0];
        Assert.That(latest.UserName, Is.EqualTo(_conservator.Name));
        Assert.That(latest.Changes, Is.EqualTo(new[]
        {
            new FieldChange("step 1: MaterialsText", "Paraloid B-72, 3%, in acetone, batch LOT-1", "Paraloid B-72, 5%, in acetone, batch LOT-1"),
        }));
        Assert.That((await _catalogue.ReadTreatmentAsync(_reference))!.Steps.Single().Materials.Single().Concentration, Is.EqualTo("5%"));
    }

    [Test]
    public async Task ReviseStep_WithIdenticalMaterials_WritesNoHistoryAndKeepsTheVersion()
    {
        var step = Step(_terms.Consolidation, "Consolidated", Material("Paraloid B-72", "5%", "acetone", "LOT-1"), Material("Tissue"));
        var version = await AddStepAsync(step);
        var stepId = (await _catalogue.ReadTreatmentAsync(_reference))!.Steps.Single().Id;
        var entries = await _catalogue.CountAuditEntriesAsync();

        var result = await _catalogue.AsAsync(_conservator, c => c.ReviseStepAsync(_reference, version, stepId, step));

        AssertSucceeded(result);
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(entries), "Re-saving the same materials is not a change.");
        var stored = await _catalogue.ReadTreatmentAsync(_reference);
        Assert.That(stored!.Version, Is.EqualTo(version));
        Assert.That(stored.Steps.Single().Materials.Select(m => m.Product), Is.EqualTo(new[] { "Paraloid B-72", "Tissue" }));
    }

    [Test]
    public async Task RemoveStep_RenumbersTheRestAndKeepsTheRemovedStepUnderItsTreatmentInTheHistory()
    {
        await AddStepAsync(Step(_terms.Cleaning, "Swabbed", Material("Deionised water")));
        await AddStepAsync(Step(_terms.Consolidation, "Consolidated"));
        var version = await AddStepAsync(Step(_terms.AdhesiveJoin, "Joined"));
        var first = (await _catalogue.ReadTreatmentAsync(_reference))!.Steps[0];

        var result = await _catalogue.AsAsync(_conservator, c => c.RemoveStepAsync(_reference, version, first.Id));

        AssertSucceeded(result);
        var stored = await _catalogue.ReadTreatmentAsync(_reference);
        Assert.That(stored!.Steps.Select(s => (s.Order, s.Description)), Is.EqualTo(new[] { (1, "Consolidated"), (2, "Joined") }));
        Assert.That(stored.Version, Is.EqualTo(version + 1), "Removing a step is a change to the treatment.");

        await using var scope = _catalogue.As("reader");
        var removed = await scope.Db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == TreatmentStep.AuditType && e.Action == AuditAction.Deleted);
        Assert.That(removed.EntityKey, Is.EqualTo($"{_reference}/step 1"));
        Assert.That(removed.UserName, Is.EqualTo(_conservator.Name));
        Assert.That(removed.FieldChanges, Does.Contain(new FieldChange("Description", "Swabbed", null)));
        Assert.That(removed.FieldChanges, Does.Contain(new FieldChange("MaterialsText", "Deionised water", null)));
        var history = await _catalogue.TreatmentHistoryAsync(_reference);
        Assert.That(history.Any(h => h.Action == AuditAction.Deleted && h.Changes.Contains(new FieldChange("step 1: Description", "Swabbed", null))), Is.True,
            "The treatment's history shows the removed step.");
    }

    [Test]
    public async Task Step_History_WritesDatesAsIsoAndTermsByCode()
    {
        var step = Step(_terms.Cleaning, "Swabbed");
        await AddStepAsync(step);

        await using var scope = _catalogue.As("reader");
        var created = await scope.Db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == TreatmentStep.AuditType && e.Action == AuditAction.Created);
        Assert.That(created.EntityKey, Is.EqualTo($"{_reference}/step 1"));
        Assert.That(created.FieldChanges, Does.Contain(new FieldChange("PerformedOn", null, Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(created.FieldChanges, Does.Contain(new FieldChange("StepType", null, "cleaning")));
        Assert.That(created.FieldChanges, Does.Contain(new FieldChange("MinutesSpent", null, "90")));
    }

    [Test]
    public async Task Steps_OnceCompleted_CanNoLongerChange()
    {
        var version = await AddStepAsync(Step(_terms.Cleaning, "Swabbed"));
        var completed = await _catalogue.AsAsync(_conservator, c => c.CompleteAsync(_reference, version, "Clean", "Successful"));
        AssertSucceeded(completed);
        version = completed.Value!.Version;
        var stepId = (await _catalogue.ReadTreatmentAsync(_reference))!.Steps.Single().Id;

        var added = await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(_reference, version, Step(_terms.Consolidation)));
        var revised = await _catalogue.AsAsync(_conservator, c => c.ReviseStepAsync(_reference, version, stepId, Step(_terms.Consolidation)));
        var removed = await _catalogue.AsAsync(_conservator, c => c.RemoveStepAsync(_reference, version, stepId));

        foreach (var result in new[] { added, revised, removed })
            Assert.That(AssertRefusedOn(result, "Steps"), Does.Contain("completed; its steps can no longer change"));
        var stored = await _catalogue.ReadTreatmentAsync(_reference);
        Assert.That(stored!.Steps.Single().StepType!.Code, Is.EqualTo("cleaning"));
        Assert.That(stored.Version, Is.EqualTo(version));
    }

    [Test]
    public async Task ReviseStep_ThatDoesNotExist_IsRefusedNamingTheSteps()
    {
        var result = await _catalogue.AsAsync(_conservator, c => c.ReviseStepAsync(_reference, 3, 999_999, Step(_terms.Cleaning)));

        Assert.That(AssertRefusedOn(result, "Steps"), Does.Contain("no such step"));
    }

    [Test]
    public async Task Complete_DatedBeforeARecordedStep_IsRefused()
    {
        var step = Step(_terms.Cleaning, "Swabbed");
        step.PerformedOn = Today.AddDays(1);
        var version = await AddStepAsync(step);

        var result = await _catalogue.AsAsync(_conservator, c => c.CompleteAsync(_reference, version, "Clean", "Successful", Today));

        Assert.That(AssertRefusedOn(result, "CompletedOn"), Does.Contain("before a recorded step"));
    }

    /// <summary>Adds a step at the treatment's current version and returns the new version.</summary>
    private async Task<int> AddStepAsync(StepInput step)
    {
        var version = (await _catalogue.ReadTreatmentAsync(_reference))!.Version;
        var result = await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(_reference, version, step));
        AssertSucceeded(result, "Adding the step");
        return result.Value!.Version;
    }
}
