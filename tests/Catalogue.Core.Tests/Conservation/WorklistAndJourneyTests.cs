using Catalogue.Core.Conservation;
using Catalogue.Core.Excavation;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using static Catalogue.Core.Tests.Support.ConservationSetup;

namespace Catalogue.Core.Tests.Conservation;

/// <summary>The conservator's worklist (checks due, treatments waiting) and an object's journey through the records.</summary>
public sealed class WorklistAndJourneyTests
{
    private const string Overdue = "TL.2023.0001";
    private const string DueSoon = "TL.2023.0002";
    private const string DueLater = "TL.2023.0003";
    private const string CheckedSince = "TL.2023.0004";
    private const string NoDueDate = "TL.2023.0005";

    private TestCatalogue _catalogue = null!;
    private ConservationTerms _terms = null!;
    private StaffMember _curator = null!;
    private StaffMember _conservator = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        _terms = await _catalogue.SeedConservationTermsAsync();
        _curator = await _catalogue.CreateStaffAsync("lan@catalogue.test", Roles.Curator);
        _conservator = await _catalogue.CreateStaffAsync("hoa@catalogue.test", Roles.Conservator);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Worklist_ListsChecksDueOrOverdueFromEachObjectsLatestReport_MostOverdueFirst()
    {
        await SeedChecksAsync();

        var worklist = await WorklistAsync();

        Assert.That(worklist.DueChecks.Select(d => (d.AccessionNumber, d.DaysOverdue)), Is.EqualTo(new[]
        {
            (Overdue, 10),
            (DueSoon, -5),
        }));
        var overdue = worklist.DueChecks[0];
        Assert.That(overdue.Priority, Is.EqualTo(ConservationPriority.High));
        Assert.That(overdue.NextCheckDue, Is.EqualTo(Today.AddDays(-10)));
        Assert.That(overdue.Overall, Is.EqualTo(OverallCondition.Fair));
    }

    [Test]
    public async Task Worklist_UsesTheLatestReportOfAnObject()
    {
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(CheckedSince));
        await _catalogue.CreateReportAsync(WithDue(Report(CheckedSince, Today.AddYears(-2)), Today.AddDays(-200)));
        var latest = await _catalogue.CreateReportAsync(WithDue(Report(CheckedSince, Today.AddDays(-30)), Today.AddDays(-1)));

        var worklist = await WorklistAsync();

        var check = worklist.DueChecks.Single();
        Assert.That(check.LatestReport, Is.EqualTo(latest.Reference));
        Assert.That(check.DaysOverdue, Is.EqualTo(1));
    }

    [Test]
    public async Task Worklist_FiltersDueChecksByPriority()
    {
        await SeedChecksAsync();

        var high = await WorklistAsync(ConservationPriority.High);
        var low = await WorklistAsync(ConservationPriority.Low);
        var urgent = await WorklistAsync(ConservationPriority.Urgent);

        Assert.That(high.DueChecks.Select(d => d.AccessionNumber), Is.EqualTo(new[] { Overdue }));
        Assert.That(low.DueChecks.Select(d => d.AccessionNumber), Is.EqualTo(new[] { DueSoon }));
        Assert.That(urgent.DueChecks, Is.Empty);
    }

    [Test]
    public async Task Worklist_WithAShorterHorizon_LeavesOutChecksNotYetDue()
    {
        await SeedChecksAsync();

        var overdueOnly = await WorklistAsync(dueWithinDays: 0);
        var wider = await WorklistAsync(dueWithinDays: 90);

        Assert.That(overdueOnly.DueChecks.Select(d => d.AccessionNumber), Is.EqualTo(new[] { Overdue }));
        Assert.That(wider.DueChecks.Select(d => d.AccessionNumber), Is.EqualTo(new[] { Overdue, DueSoon, DueLater }));
    }

    [Test]
    public async Task Worklist_GroupsOpenTreatmentsByWhoTheyWaitOn()
    {
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession));
        var step = Step(_terms.Cleaning, "Swabbed");
        var proposed = await _catalogue.TreatmentAtAsync(TreatmentStatus.Proposed, _curator, _conservator, step);
        var approved = await _catalogue.TreatmentAtAsync(TreatmentStatus.Approved, _curator, _conservator, step);
        var inProgress = await _catalogue.TreatmentAtAsync(TreatmentStatus.InProgress, _curator, _conservator, step);
        var completed = await _catalogue.TreatmentAtAsync(TreatmentStatus.Completed, _curator, _conservator, step);
        await _catalogue.TreatmentAtAsync(TreatmentStatus.SignedOff, _curator, _conservator, step);

        var worklist = await WorklistAsync();

        Assert.That(worklist.AwaitingApproval.Select(t => t.Reference), Is.EqualTo(new[] { proposed }));
        Assert.That(worklist.Underway.Select(t => (t.Reference, t.Status)), Is.EquivalentTo(new[]
        {
            (approved, TreatmentStatus.Approved),
            (inProgress, TreatmentStatus.InProgress),
        }));
        Assert.That(worklist.AwaitingSignOff.Select(t => t.Reference), Is.EqualTo(new[] { completed }));
        Assert.That(worklist.AwaitingApproval[0].AccessionNumber, Is.EqualTo(Accession));
        Assert.That(worklist.AwaitingApproval[0].ProposedBy, Is.EqualTo(_conservator.Name));
    }

    [Test]
    public async Task Journey_TellsExcavationAccessionChecksAndTreatmentsInDateOrder()
    {
        var terms = _catalogue.Terms;
        await _catalogue.CreateSiteAsync(new SiteBuilder("HD18").NamedEn("18 Hoàng Diệu Street"));
        await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Cut());
        var find = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).OfType(terms.Bowl.Id).OfMaterial(terms.Stoneware.Id)
            .FoundOn(new DateOnly(2023, 3, 4)));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).FromFind(find.FindNumber).AccessionedOn(new DateOnly(2023, 4, 10)), "lan.curator");
        var earlyCheck = await _catalogue.CreateReportAsync(Report(Accession, new DateOnly(2023, 5, 2)));
        var check = Report(Accession, Today);
        check.Overall = OverallCondition.Poor;
        check.Observations = [Observation(_terms.Crack, "rim")];
        var todaysCheck = await _catalogue.CreateReportAsync(check);
        var treatment = await _catalogue.TreatmentAtAsync(TreatmentStatus.SignedOff, _curator, _conservator, Step(_terms.Cleaning, "Swabbed"));

        await using var scope = _catalogue.As("reader");
        var journey = await scope.Get<JourneyQueries>().ForArtifactAsync(Accession.ToLowerInvariant());

        Assert.That(journey.Select(e => (e.Kind, e.Reference)), Is.EqualTo(new[]
        {
            (JourneyEventKind.Excavated, (string?)find.FindNumber),
            (JourneyEventKind.Accessioned, Accession),
            (JourneyEventKind.ConditionCheck, earlyCheck.Reference),
            (JourneyEventKind.ConditionCheck, todaysCheck.Reference),
            (JourneyEventKind.TreatmentProposed, treatment),
            (JourneyEventKind.TreatmentCompleted, treatment),
            (JourneyEventKind.TreatmentSignedOff, treatment),
        }));
        Assert.That(journey.Select(e => e.Date), Is.Ordered);
        Assert.That(journey[0].Date, Is.EqualTo(new DateOnly(2023, 3, 4)));
        Assert.That(journey[1].Date, Is.EqualTo(new DateOnly(2023, 4, 10)), "accessioned on its accession date, not when the record was typed in");
        Assert.That(journey[0].Summary, Does.Contain("HD18").And.Contain(find.FindNumber));
        Assert.That(journey[3].Summary, Does.Contain("poor condition").And.Contain(Examiner));
        Assert.That(journey[6].Summary, Does.Contain(_curator.Name));
    }

    [Test]
    public async Task Journey_OfAnUnknownArtifact_IsEmpty()
    {
        await using var scope = _catalogue.As("reader");

        Assert.That(await scope.Get<JourneyQueries>().ForArtifactAsync("TL.1999.0001"), Is.Empty);
    }

    private static ConditionReportInput WithDue(ConditionReportInput report, DateOnly due, ConservationPriority priority = ConservationPriority.Low)
    {
        report.NextCheckDue = due;
        report.Priority = priority;
        return report;
    }

    /// <summary>One object overdue by 10 days (high), one due in 5 (low), one in 60, one recently re-checked, one with no date.</summary>
    private async Task SeedChecksAsync()
    {
        foreach (var accession in new[] { Overdue, DueSoon, DueLater, NoDueDate })
            await _catalogue.CreateArtifactAsync(_catalogue.Artifact(accession));
        var overdue = WithDue(Report(Overdue, Today.AddYears(-1)), Today.AddDays(-10), ConservationPriority.High);
        overdue.Overall = OverallCondition.Fair;
        overdue.Observations = [Observation(_terms.Crack, "rim")];
        await _catalogue.CreateReportAsync(overdue);
        await _catalogue.CreateReportAsync(WithDue(Report(DueSoon, Today.AddYears(-1)), Today.AddDays(5)));
        await _catalogue.CreateReportAsync(WithDue(Report(DueLater, Today.AddDays(-30)), Today.AddDays(60)));
        await _catalogue.CreateReportAsync(Report(NoDueDate, Today.AddYears(-3)));
    }

    [Test]
    public async Task Worklist_FilteredByALocation_ListsOnlyObjectsStoredThereOrBelow_AndSaysWhereEachIs()
    {
        await SeedChecksAsync();
        await using (var scope = _catalogue.As("registrar"))
        {
            var locations = scope.Get<Catalogue.Core.Locations.LocationCommands>();
            Assert.That((await locations.SaveAsync(new() { Code = "K1", Name = "Store", Kind = Catalogue.Core.Locations.LocationKind.Room }, isNew: true)).Succeeded);
            Assert.That((await locations.SaveAsync(new() { Code = "K1-B1", Name = "Box 1", ParentCode = "K1" }, isNew: true)).Succeeded);
            Assert.That((await locations.SaveAsync(new() { Code = "K2", Name = "Other store", Kind = Catalogue.Core.Locations.LocationKind.Room }, isNew: true)).Succeeded);
            Assert.That((await locations.MoveAsync(new() { AccessionNumbers = [Overdue], ToLocationCode = "K1-B1", Reason = "Stored" })).Succeeded);
            Assert.That((await locations.MoveAsync(new() { AccessionNumbers = [DueSoon], ToLocationCode = "K2", Reason = "Stored" })).Succeeded);
        }

        await using var reader = _catalogue.As("reader");
        var inK1 = await reader.Get<ConservationQueries>().WorklistAsync(null, 30, "K1");
        var everywhere = await reader.Get<ConservationQueries>().WorklistAsync(null, 30, null);

        Assert.That(inK1.DueChecks.Select(d => d.AccessionNumber), Is.EqualTo(new[] { Overdue }));
        Assert.That(inK1.DueChecks[0].Where, Does.Contain("K1-B1"));
        Assert.That(everywhere.DueChecks.Select(d => d.AccessionNumber), Is.EquivalentTo(new[] { Overdue, DueSoon }));
    }

    private async Task<Worklist> WorklistAsync(ConservationPriority? priority = null, int dueWithinDays = 30)
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Get<ConservationQueries>().WorklistAsync(priority, dueWithinDays);
    }
}
