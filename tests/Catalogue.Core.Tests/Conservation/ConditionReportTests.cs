using System.Globalization;
using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Catalogue.Core.Tests.Support.ConservationSetup;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Conservation;

/// <summary>Condition reports: what is stored, what is refused (naming field and rule), concurrent editors and the history.</summary>
public sealed class ConditionReportTests
{
    private TestCatalogue _catalogue = null!;
    private ConservationTerms _terms = null!;

    [SetUp]
    public async Task StartCatalogueWithAnArtifact()
    {
        _catalogue = await TestCatalogue.StartAsync();
        _terms = await _catalogue.SeedConservationTermsAsync();
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).WithTitleEn("Celadon bowl"));
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Create_StoresTheAssessmentWithPurposeExaminerDateAndAttribution()
    {
        var examined = Today.AddDays(-20);
        var input = Report(examinedOn: examined);
        input.Purpose = ConditionCheckPurpose.LoanDeparture;
        input.Overall = OverallCondition.Fair;
        input.Observations = [Observation(_terms.Crack, "rim, 2 o'clock", DamageSeverity.Moderate, "Hairline, 4 cm"), Observation(_terms.Loss, "foot ring")];
        input.Hazards = "Sharp edges at the loss.";
        input.Priority = ConservationPriority.High;
        input.Recommendation = "Consolidate before travel.";
        input.NextCheckDue = examined.AddMonths(6);
        input.Notes = "Checked under raking light.";

        var created = await _catalogue.CreateReportAsync(input, "hoa.conservator");

        var stored = await _catalogue.ReadReportAsync(created.Reference);
        Assert.That(stored, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.Reference, Is.EqualTo($"CR-{examined.Year}-0001"));
            Assert.That(stored.Artifact!.AccessionNumber, Is.EqualTo(Accession));
            Assert.That(stored.ExaminedOn, Is.EqualTo(examined));
            Assert.That(stored.Examiner, Is.EqualTo(Examiner));
            Assert.That(stored.Purpose, Is.EqualTo(ConditionCheckPurpose.LoanDeparture));
            Assert.That(stored.Overall, Is.EqualTo(OverallCondition.Fair));
            Assert.That(stored.Hazards, Is.EqualTo("Sharp edges at the loss."));
            Assert.That(stored.Priority, Is.EqualTo(ConservationPriority.High));
            Assert.That(stored.Recommendation, Is.EqualTo("Consolidate before travel."));
            Assert.That(stored.NextCheckDue, Is.EqualTo(examined.AddMonths(6)));
            Assert.That(stored.Notes, Is.EqualTo("Checked under raking light."));
            Assert.That(stored.CreatedBy, Is.EqualTo("hoa.conservator"), "The author of the entry is the acting user.");
            Assert.That(stored.CreatedAt, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(stored.Version, Is.EqualTo(1));
            var observations = stored.Observations.OrderBy(o => o.Order).ToList();
            Assert.That(observations.Select(o => (o.DamageType!.Code, o.Location, o.Severity, o.Notes)), Is.EqualTo(new[]
            {
                ("crack", (string?)"rim, 2 o'clock", DamageSeverity.Moderate, (string?)"Hairline, 4 cm"),
                ("loss", "foot ring", DamageSeverity.Minor, null),
            }));
        }
    }

    [Test]
    public async Task Create_NumbersReferencesWithinTheYearOfExamination()
    {
        var thisYear = Today.AddDays(-1);
        var lastYear = new DateOnly(thisYear.Year - 1, 6, 1);

        var first = await _catalogue.CreateReportAsync(Report(examinedOn: thisYear));
        var second = await _catalogue.CreateReportAsync(Report(examinedOn: thisYear));
        var older = await _catalogue.CreateReportAsync(Report(examinedOn: lastYear));

        Assert.That(new[] { first.Reference, second.Reference, older.Reference }, Is.EqualTo(new[]
        {
            $"CR-{thisYear.Year}-0001", $"CR-{thisYear.Year}-0002", $"CR-{lastYear.Year}-0001",
        }));
    }

    [Test]
    public async Task Create_IgnoresBlankObservationRows()
    {
        var input = Report();
        input.Overall = OverallCondition.Poor;
        input.Observations = [new ObservationInput(), Observation(_terms.Corrosion, "handle"), new ObservationInput { Location = "  " }];

        var created = await _catalogue.CreateReportAsync(input);

        var stored = await _catalogue.ReadReportAsync(created.Reference);
        Assert.That(stored!.Observations.Select(o => o.DamageType!.Code), Is.EqualTo(new[] { "corrosion" }));
    }

    public static IEnumerable<TestCaseData> InvalidReports()
    {
        TestCaseData Case(string name, string field, string rule, Action<ConditionReportInput, ConservationTerms> spoil) =>
            new TestCaseData(field, rule, spoil).SetName($"Create_{name}_IsRefusedNaming{field.Replace("[0].", string.Empty, StringComparison.Ordinal)}");

        yield return Case("WithoutExaminationDate", "ExaminedOn", "required", (r, _) => r.ExaminedOn = null);
        yield return Case("ExaminedInTheFuture", "ExaminedOn", "cannot be in the future", (r, _) => r.ExaminedOn = Today.AddDays(3));
        yield return Case("WithoutExaminer", "Examiner", "required", (r, _) => r.Examiner = "   ");
        yield return Case("WithTooLongExaminer", "Examiner", "at most 200", (r, _) => r.Examiner = new string('x', 201));
        yield return Case("WithUnknownPurpose", "Purpose", "from the list", (r, _) => r.Purpose = (ConditionCheckPurpose)99);
        yield return Case("WithUnknownCondition", "Overall", "good, fair, poor or unacceptable", (r, _) => r.Overall = (OverallCondition)99);
        yield return Case("WithUnknownPriority", "Priority", "low, medium, high or urgent", (r, _) => r.Priority = (ConservationPriority)99);
        yield return Case("WithNextCheckOnTheExaminationDay", "NextCheckDue", "after the examination date", (r, _) => r.NextCheckDue = r.ExaminedOn);
        yield return Case("WithNextCheckBeforeTheExamination", "NextCheckDue", "after the examination date", (r, _) => r.NextCheckDue = r.ExaminedOn!.Value.AddDays(-1));
        yield return Case("PoorWithoutDamage", "Observations", "at least one observed damage", (r, _) => r.Overall = OverallCondition.Poor);
        yield return Case("WithDamageOutsideTheDamageList", "Observations", "damage list", (r, t) =>
        {
            r.Overall = OverallCondition.Fair;
            r.Observations = [new ObservationInput { DamageTypeId = t.Cleaning.Id, Location = "rim" }];
        });
        yield return Case("WithUnknownDamageTerm", "Observations", "damage list", (r, _) =>
        {
            r.Overall = OverallCondition.Fair;
            r.Observations = [new ObservationInput { DamageTypeId = 999_999, Location = "rim" }];
        });
        yield return Case("WithObservationWithoutDamageType", "Observations[0].DamageTypeId", "kind of damage", (r, _) =>
        {
            r.Overall = OverallCondition.Fair;
            r.Observations = [new ObservationInput { Location = "rim" }];
        });
        yield return Case("WithTooLongLocation", "Observations[0].Location", "at most 200", (r, t) => r.Observations = [Observation(t.Crack, new string('x', 201))]);
        yield return Case("WithTooLongObservationNotes", "Observations[0].Notes", "at most 1000", (r, t) => r.Observations = [Observation(t.Crack, "rim", notes: new string('x', 1001))]);
        yield return Case("WithUnknownSeverity", "Observations[0].Severity", "minor, moderate or severe", (r, t) => r.Observations = [Observation(t.Crack, "rim", (DamageSeverity)9)]);
        yield return Case("WithTooLongHazards", "Hazards", "at most 1000", (r, _) => r.Hazards = new string('x', 1001));
        yield return Case("WithTooLongRecommendation", "Recommendation", "at most 2000", (r, _) => r.Recommendation = new string('x', 2001));
        yield return Case("WithTooLongNotes", "Notes", "at most 2000", (r, _) => r.Notes = new string('x', 2001));
        yield return Case("WithoutAccessionNumber", "AccessionNumber", "required", (r, _) => r.AccessionNumber = " ");
    }

    [TestCaseSource(nameof(InvalidReports))]
    public async Task Create_WithInvalidInput_IsRefusedNamingTheFieldAndRuleAndStoresNothing(string field, string rule, Action<ConditionReportInput, ConservationTerms> spoil)
    {
        var before = await _catalogue.CountAuditEntriesAsync();
        var input = Report();
        spoil(input, _terms);

        var result = await _catalogue.AsAsync(Examiner, c => c.CreateReportAsync(input));

        var message = AssertRefusedOn(result, field);
        Assert.That(message, Does.Contain(rule).IgnoreCase);
        Assert.That(await CountReportsAsync(), Is.Zero);
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(before), "A refused report leaves no history.");
    }

    [Test]
    public async Task Create_ForAnUnknownArtifact_IsNotFoundAndStoresNothing()
    {
        var result = await _catalogue.AsAsync(Examiner, c => c.CreateReportAsync(Report("TL.1999.0001")));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(result.Errors.Single().Message, Does.Contain("TL.1999.0001"));
        Assert.That(await CountReportsAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_WritesOneCreatedHistoryEntryWithDatesInIsoFormat()
    {
        var examined = new DateOnly(Today.Year - 1, 3, 4);
        var input = Report(examinedOn: examined);
        input.Overall = OverallCondition.Fair;
        input.NextCheckDue = new DateOnly(Today.Year - 1, 9, 30);
        input.Observations = [Observation(_terms.Crack, "rim", DamageSeverity.Moderate)];

        var created = await _catalogue.CreateReportAsync(input, "hoa.conservator");

        var history = await _catalogue.ReportHistoryAsync(created.Reference);
        Assert.That(history, Has.Count.EqualTo(1));
        Assert.That(history[0].Action, Is.EqualTo(AuditAction.Created));
        Assert.That(history[0].UserName, Is.EqualTo("hoa.conservator"));
        var fields = history[0].Changes.ToDictionary(c => c.Field, c => c.New);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fields["ExaminedOn"], Is.EqualTo(examined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Assert.That(fields["NextCheckDue"], Is.EqualTo(input.NextCheckDue.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Assert.That(fields["Examiner"], Is.EqualTo(Examiner));
            Assert.That(fields["Overall"], Is.EqualTo("Fair"));
            Assert.That(fields["Observations"], Is.EqualTo("crack at rim (moderate)"));
        }
    }

    [Test]
    public async Task Update_RevisesTheReportAndRecordsEachChangedFieldOldAndNew()
    {
        var examined = new DateOnly(Today.Year - 1, 3, 4);
        var input = Report(examinedOn: examined);
        input.Overall = OverallCondition.Fair;
        input.NextCheckDue = new DateOnly(Today.Year - 1, 9, 30);
        input.Observations = [Observation(_terms.Crack, "rim")];
        var created = await _catalogue.CreateReportAsync(input, "hoa.conservator");

        var edit = ConditionReportInput.From((await _catalogue.ReadReportAsync(created.Reference))!);
        edit.Overall = OverallCondition.Poor;
        edit.NextCheckDue = new DateOnly(Today.Year - 1, 6, 1);
        edit.Observations = [Observation(_terms.Crack, "rim", DamageSeverity.Severe), Observation(_terms.Loss, "foot")];
        var result = await _catalogue.AsAsync("minh.conservator", c => c.UpdateReportAsync(created.Reference, edit));

        AssertSucceeded(result);
        var stored = await _catalogue.ReadReportAsync(created.Reference);
        Assert.That(stored!.Overall, Is.EqualTo(OverallCondition.Poor));
        Assert.That(stored.Observations, Has.Count.EqualTo(2));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.UpdatedBy, Is.EqualTo("minh.conservator"));
        Assert.That(stored.CreatedBy, Is.EqualTo("hoa.conservator"), "The original author stays on the record.");
        var history = await _catalogue.ReportHistoryAsync(created.Reference);
        Assert.That(history, Has.Count.EqualTo(2));
        Assert.That(history[0].Action, Is.EqualTo(AuditAction.Updated));
        Assert.That(history[0].UserName, Is.EqualTo("minh.conservator"));
        Assert.That(history[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("NextCheckDue", $"{Today.Year - 1}-09-30", $"{Today.Year - 1}-06-01"),
            new FieldChange("Observations", "crack at rim (minor)", "crack at rim (severe), loss at foot (minor)"),
            new FieldChange("Overall", "Fair", "Poor"),
        }));
    }

    [Test]
    public async Task Update_WithAnIdenticalDamageList_WritesNoHistoryAndKeepsTheVersion()
    {
        var input = Report();
        input.Overall = OverallCondition.Fair;
        input.Observations = [Observation(_terms.Crack, "rim"), Observation(_terms.Loss, "foot", DamageSeverity.Moderate)];
        var created = await _catalogue.CreateReportAsync(input);

        var same = ConditionReportInput.From((await _catalogue.ReadReportAsync(created.Reference))!);
        var result = await _catalogue.AsAsync("minh.conservator", c => c.UpdateReportAsync(created.Reference, same));

        AssertSucceeded(result);
        Assert.That(await _catalogue.ReportHistoryAsync(created.Reference), Has.Count.EqualTo(1), "Re-saving the same observations is not a change.");
        var stored = await _catalogue.ReadReportAsync(created.Reference);
        Assert.That(stored!.Version, Is.EqualTo(1));
        Assert.That(stored.Observations.OrderBy(o => o.Order).Select(o => o.DamageType!.Code), Is.EqualTo(new[] { "crack", "loss" }));
    }

    [Test]
    public async Task Update_BySecondEditorWhoOpenedTheOldVersion_IsAConflictAndOverwritesNothing()
    {
        var created = await _catalogue.CreateReportAsync(Report());
        var opened = (await _catalogue.ReadReportAsync(created.Reference))!;
        var first = ConditionReportInput.From(opened);
        first.Recommendation = "Rehouse in a padded box.";
        var second = ConditionReportInput.From(opened);
        second.Recommendation = "No action needed.";

        var firstResult = await _catalogue.AsAsync("hoa.conservator", c => c.UpdateReportAsync(created.Reference, first));
        var historyBefore = await _catalogue.CountAuditEntriesAsync();
        var secondResult = await _catalogue.AsAsync("minh.conservator", c => c.UpdateReportAsync(created.Reference, second));

        AssertSucceeded(firstResult);
        Assert.That(secondResult.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(secondResult.Errors.Single().Message, Does.Contain("hoa.conservator").And.Contain("Nothing was saved"));
        var stored = await _catalogue.ReadReportAsync(created.Reference);
        Assert.That(stored!.Recommendation, Is.EqualTo("Rehouse in a padded box."));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(historyBefore));
    }

    [Test]
    public async Task Update_WhenARivalSavesBetweenLoadAndSave_IsAConflictAndOverwritesNothing()
    {
        var created = await _catalogue.CreateReportAsync(Report());
        var edit = ConditionReportInput.From((await _catalogue.ReadReportAsync(created.Reference))!);
        edit.Recommendation = "Mine";
        var historyBefore = await _catalogue.CountAuditEntriesAsync();
        _catalogue.Clock.BeforeNextSave(() => _catalogue.ExecuteSql(
            $"UPDATE ConditionReports SET Recommendation = 'Rival', Version = Version + 1, UpdatedBy = 'rival.conservator' WHERE Reference = '{created.Reference}'"));

        var result = await _catalogue.AsAsync("minh.conservator", c => c.UpdateReportAsync(created.Reference, edit));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict), () => TestCatalogue.Describe(result.Errors));
        Assert.That((await _catalogue.ReadReportAsync(created.Reference))!.Recommendation, Is.EqualTo("Rival"));
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(historyBefore));
    }

    [Test]
    public async Task Create_WhenARivalSaveTakesTheSameNumberAtTheSameMoment_TakesTheNextNumber()
    {
        var year = Today.AddYears(-1).Year;
        var first = await _catalogue.CreateReportAsync(Report());
        Assert.That(first.Reference, Is.EqualTo($"CR-{year}-0001"));
        // The first clock reading is the validation's; the second is the save's, after CR-…-0002 was drawn:
        // a rival takes that number in exactly that window.
        _catalogue.Clock.BeforeNextSave(() => _catalogue.Clock.BeforeNextSave(() =>
            _catalogue.ExecuteSql($"UPDATE ConditionReports SET Reference = 'CR-{year}-0002' WHERE Reference = 'CR-{year}-0001'")));

        var result = await _catalogue.AsAsync("minh.conservator", c => c.CreateReportAsync(Report()));

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        Assert.That(result.Value!.Reference, Is.EqualTo($"CR-{year}-0003"));
        Assert.That(await _catalogue.ReadReportAsync($"CR-{year}-0002"), Is.Not.Null, "the rival's report is kept");
    }

    [Test]
    public async Task Update_ThatBreaksARule_LeavesTheStoredReportAndHistoryUnchanged()
    {
        var created = await _catalogue.CreateReportAsync(Report());
        var edit = ConditionReportInput.From((await _catalogue.ReadReportAsync(created.Reference))!);
        edit.Overall = OverallCondition.Unacceptable;

        var result = await _catalogue.AsAsync("minh.conservator", c => c.UpdateReportAsync(created.Reference, edit));

        AssertRefusedOn(result, "Observations");
        var stored = await _catalogue.ReadReportAsync(created.Reference);
        Assert.That(stored!.Overall, Is.EqualTo(OverallCondition.Good));
        Assert.That(stored.Version, Is.EqualTo(1));
        Assert.That(await _catalogue.ReportHistoryAsync(created.Reference), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Update_ADayAfterTheReportWasRecorded_IsRefusedAsAPermanentRecordAndChangesNothing()
    {
        var created = await _catalogue.CreateReportAsync(Report(examinedOn: Today), "hoa.conservator");
        var edit = ConditionReportInput.From((await _catalogue.ReadReportAsync(created.Reference))!);
        edit.Examiner = "Somebody Else";
        edit.ExaminedOn = Today.AddDays(-3);
        _catalogue.Clock.Shift = ConditionReport.CorrectionWindow + TimeSpan.FromMinutes(1);
        try
        {
            var result = await _catalogue.AsAsync("hoa.conservator", c => c.UpdateReportAsync(created.Reference, edit));

            Assert.That(AssertRefusedOn(result, "Report"), Does.Contain("permanent record").And.Contain("record a new condition report"));
            var stored = (await _catalogue.ReadReportAsync(created.Reference))!;
            Assert.That((stored.Examiner, stored.ExaminedOn, stored.Version), Is.EqualTo((created.Examiner, Today, 1)));
            Assert.That(await _catalogue.ReportHistoryAsync(created.Reference), Has.Count.EqualTo(1));
        }
        finally
        {
            _catalogue.Clock.Shift = TimeSpan.Zero;
        }
    }

    [Test]
    public async Task Update_WithinADayOfRecording_IsACorrection()
    {
        var created = await _catalogue.CreateReportAsync(Report(examinedOn: Today), "hoa.conservator");
        var edit = ConditionReportInput.From((await _catalogue.ReadReportAsync(created.Reference))!);
        edit.Notes = "Photographed under raking light.";
        _catalogue.Clock.Shift = ConditionReport.CorrectionWindow - TimeSpan.FromMinutes(5);
        try
        {
            AssertSucceeded(await _catalogue.AsAsync("hoa.conservator", c => c.UpdateReportAsync(created.Reference, edit)));
        }
        finally
        {
            _catalogue.Clock.Shift = TimeSpan.Zero;
        }

        Assert.That((await _catalogue.ReadReportAsync(created.Reference))!.Notes, Is.EqualTo("Photographed under raking light."));
    }

    [Test]
    public async Task Amend_AReportThatStandsAsWritten_AddsADatedAttributedReasonedCorrectionBesideIt()
    {
        var created = await _catalogue.CreateReportAsync(Report(examinedOn: Today), "hoa.conservator");
        _catalogue.Clock.Shift = ConditionReport.CorrectionWindow + TimeSpan.FromMinutes(1);
        try
        {
            var result = await _catalogue.AsAsync("minh.conservator", c => c.AmendReportAsync(created.Reference,
                " The crack was measured in inches. ", "Damage observed", "Crack along the rim, 4 cm (not 4 in)."));

            AssertSucceeded(result);
            var stored = (await _catalogue.ReadReportAsync(created.Reference))!;
            var amendment = stored.Amendments.Single();
            Assert.That((amendment.Author, amendment.Reason, amendment.Section, amendment.Text),
                Is.EqualTo(("minh.conservator", "The crack was measured in inches.", "Damage observed", "Crack along the rim, 4 cm (not 4 in).")));
            Assert.That(amendment.At, Is.EqualTo(_catalogue.Clock.GetUtcNow().UtcDateTime).Within(TimeSpan.FromMinutes(1)));
            Assert.That((stored.Examiner, stored.Version), Is.EqualTo((created.Examiner, 2)), "the report itself keeps what was recorded");
            var history = await _catalogue.ReportHistoryAsync(created.Reference);
            Assert.That(history.SelectMany(h => h.Changes).Select(c => c.New), Has.Some.Contains("Crack along the rim, 4 cm (not 4 in)."));
            Assert.That((await _catalogue.VerifyAuditAsync()).Intact, Is.True);
        }
        finally
        {
            _catalogue.Clock.Shift = TimeSpan.Zero;
        }
    }

    [Test]
    public async Task Amend_OnTheDayTheReportIsRecorded_IsRefusedForAnEdit()
    {
        var created = await _catalogue.CreateReportAsync(Report(examinedOn: Today), "hoa.conservator");

        var result = await _catalogue.AsAsync("hoa.conservator", c => c.AmendReportAsync(created.Reference, "Typo", "Notes", "Corrected."));

        Assert.That(AssertRefusedOn(result, "Amendments"), Does.Contain("may still be corrected on the day it is recorded"));
        Assert.That((await _catalogue.ReadReportAsync(created.Reference))!.Amendments, Is.Empty);
    }

    [TestCase(null, "Corrected.", "Reason", "An amendment needs a reason.")]
    [TestCase("Typo", "  ", "Text", "An amendment needs the corrected text.")]
    public async Task Amend_WithoutAReasonOrText_IsRefusedNamingTheField(string? reason, string? text, string field, string message)
    {
        var created = await _catalogue.CreateReportAsync(Report(examinedOn: Today), "hoa.conservator");
        _catalogue.Clock.Shift = ConditionReport.CorrectionWindow + TimeSpan.FromMinutes(1);
        try
        {
            var result = await _catalogue.AsAsync("hoa.conservator", c => c.AmendReportAsync(created.Reference, reason, "Notes", text));

            Assert.That(AssertRefusedOn(result, field), Is.EqualTo(message));
            Assert.That((await _catalogue.ReadReportAsync(created.Reference))!.Version, Is.EqualTo(1));
        }
        finally
        {
            _catalogue.Clock.Shift = TimeSpan.Zero;
        }
    }

    [Test]
    public async Task Update_OfAnUnknownReport_IsNotFound()
    {
        var result = await _catalogue.AsAsync("minh.conservator", c => c.UpdateReportAsync("CR-1999-0001", Report()));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(result.Errors.Single().Message, Does.Contain("CR-1999-0001"));
    }

    [Test]
    public async Task ReportsForArtifact_ListsTheNewestExaminationFirst()
    {
        var older = await _catalogue.CreateReportAsync(Report(examinedOn: Today.AddYears(-2)));
        var newer = await _catalogue.CreateReportAsync(Report(examinedOn: Today.AddDays(-3)));

        await using var scope = _catalogue.As("reader");
        var reports = await scope.Get<ConservationQueries>().ReportsForArtifactAsync(Accession);

        Assert.That(reports.Select(r => r.Reference), Is.EqualTo(new[] { newer.Reference, older.Reference }));
    }

    private async Task<int> CountReportsAsync()
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Db.ConditionReports.CountAsync();
    }
}
