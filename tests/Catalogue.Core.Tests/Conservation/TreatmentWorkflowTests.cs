using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using static Catalogue.Core.Tests.Support.ConservationSetup;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Conservation;

/// <summary>
/// The treatment state machine: proposal → approved → in progress → completed → signed off, who may approve,
/// every illegal transition refused with nothing stored, and the read-only record after sign-off.
/// </summary>
public sealed class TreatmentWorkflowTests
{
    private TestCatalogue _catalogue = null!;
    private ConservationTerms _terms = null!;
    private StaffMember _curator = null!;
    private StaffMember _conservator = null!;

    public enum Transition
    {
        Approve,
        Start,
        Complete,
        SignOff,
    }

    [SetUp]
    public async Task StartCatalogueWithStaff()
    {
        _catalogue = await TestCatalogue.StartAsync();
        _terms = await _catalogue.SeedConservationTermsAsync();
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession));
        _curator = await _catalogue.CreateStaffAsync("lan@catalogue.test", Roles.Curator);
        _conservator = await _catalogue.CreateStaffAsync("hoa@catalogue.test", Roles.Conservator);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Propose_StoresAProposalByTheActingConservatorDatedToday()
    {
        var result = await _catalogue.AsAsync(_conservator, c => c.ProposeAsync(Proposal()));

        AssertSucceeded(result);
        var stored = await _catalogue.ReadTreatmentAsync(result.Value!.Reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.Reference, Is.EqualTo($"TR-{Today.Year}-0001"));
            Assert.That(stored.Status, Is.EqualTo(TreatmentStatus.Proposed));
            Assert.That(stored.Title, Is.EqualTo("Clean and consolidate the glaze"));
            Assert.That(stored.Proposal, Does.StartWith("Remove soil deposits"));
            Assert.That(stored.Conservators, Is.EqualTo("Nguyễn Thị Hoa, Claire Martin"));
            Assert.That(stored.ConditionBefore, Does.StartWith("Soil deposits"));
            Assert.That(stored.ProposedBy, Is.EqualTo(_conservator.Name));
            Assert.That(stored.ProposedOn, Is.EqualTo(Today));
            Assert.That((stored.ApprovedBy, stored.StartedOn, stored.CompletedOn, stored.SignedOffBy), Is.EqualTo(((string?)null, (DateOnly?)null, (DateOnly?)null, (string?)null)));
            Assert.That(stored.CreatedBy, Is.EqualTo(_conservator.Name));
            Assert.That(stored.Version, Is.EqualTo(1));
        }

        var history = await _catalogue.TreatmentHistoryAsync(stored!.Reference);
        Assert.That(history.Single().Action, Is.EqualTo(AuditAction.Created));
        Assert.That(history.Single().Changes, Does.Contain(new FieldChange("Status", null, "Proposed")));
    }

    [TestCase("", "Title", "required")]
    [TestCase("   ", "Title", "required")]
    public async Task Propose_WithoutATitle_IsRefusedNamingTheTitleAndStoresNothing(string title, string field, string rule)
    {
        var before = await _catalogue.CountAuditEntriesAsync();

        var result = await _catalogue.AsAsync(_conservator, c => c.ProposeAsync(Proposal(title: title)));

        Assert.That(AssertRefusedOn(result, field), Does.Contain(rule));
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(before));
    }

    public static IEnumerable<TestCaseData> OverlongProposals()
    {
        yield return new TestCaseData("Title", (Action<TreatmentInput>)(t => t.Title = new string('x', 201)), "at most 200");
        yield return new TestCaseData("Proposal", (Action<TreatmentInput>)(t => t.Proposal = new string('x', 4001)), "at most 4000");
        yield return new TestCaseData("Conservators", (Action<TreatmentInput>)(t => t.Conservators = new string('x', 501)), "at most 500");
        yield return new TestCaseData("ConditionBefore", (Action<TreatmentInput>)(t => t.ConditionBefore = new string('x', 4001)), "at most 4000");
        yield return new TestCaseData("Outcome", (Action<TreatmentInput>)(t => t.Outcome = new string('x', 4001)), "at most 4000");
        yield return new TestCaseData("AccessionNumber", (Action<TreatmentInput>)(t => t.AccessionNumber = null), "required");
    }

    [TestCaseSource(nameof(OverlongProposals))]
    public async Task Propose_BreakingARule_IsRefusedNamingTheFieldAndStoresNothing(string field, Action<TreatmentInput> spoil, string rule)
    {
        var before = await _catalogue.CountAuditEntriesAsync();
        var input = Proposal();
        spoil(input);

        var result = await _catalogue.AsAsync(_conservator, c => c.ProposeAsync(input));

        Assert.That(AssertRefusedOn(result, field), Does.Contain(rule));
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Propose_ForAnUnknownArtifact_IsNotFound()
    {
        var result = await _catalogue.AsAsync(_conservator, c => c.ProposeAsync(Proposal("TL.1999.0001")));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(result.Errors.Single().Message, Does.Contain("TL.1999.0001"));
    }

    [Test]
    public async Task FullPath_RecordsWhoAndWhenAtEveryStageAndEachStageInTheHistory()
    {
        var reference = await AdvanceToAsync(TreatmentStatus.SignedOff);

        var stored = await _catalogue.ReadTreatmentAsync(reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.Status, Is.EqualTo(TreatmentStatus.SignedOff));
            Assert.That(stored.IsSignedOff, Is.True);
            Assert.That(stored.ApprovedBy, Is.EqualTo(_curator.Name));
            Assert.That(stored.ApprovedOn, Is.EqualTo(Today));
            Assert.That(stored.StartedOn, Is.EqualTo(Today));
            Assert.That(stored.CompletedOn, Is.EqualTo(Today));
            Assert.That(stored.ConditionAfter, Is.EqualTo("Stable; rim consolidated."));
            Assert.That(stored.Outcome, Is.EqualTo("Successful"));
            Assert.That(stored.SignedOffBy, Is.EqualTo(_curator.Name));
            Assert.That(stored.SignedOffOn, Is.EqualTo(Today));
            Assert.That(stored.UpdatedBy, Is.EqualTo(_curator.Name));
        }

        var statuses = (await _catalogue.TreatmentHistoryAsync(reference))
            .SelectMany(h => h.Changes).Where(c => c.Field == "Status").Select(c => $"{c.Old}->{c.New}").Reverse();
        Assert.That(statuses, Is.EqualTo(new[]
        {
            "->Proposed", "Proposed->Approved", "Approved->InProgress", "InProgress->Completed", "Completed->SignedOff",
        }));
        var approval = (await _catalogue.TreatmentHistoryAsync(reference)).Single(h => h.Changes.Any(c => c.New == "Approved"));
        Assert.That(approval.UserName, Is.EqualTo(_curator.Name));
        Assert.That(approval.Changes, Does.Contain(new FieldChange("ApprovedOn", null, Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
    }

    public static IEnumerable<TestCaseData> IllegalTransitions()
    {
        var legal = new Dictionary<TreatmentStatus, Transition>
        {
            [TreatmentStatus.Proposed] = Transition.Approve,
            [TreatmentStatus.Approved] = Transition.Start,
            [TreatmentStatus.InProgress] = Transition.Complete,
            [TreatmentStatus.Completed] = Transition.SignOff,
        };
        foreach (var status in Enum.GetValues<TreatmentStatus>())
        {
            foreach (var transition in Enum.GetValues<Transition>())
            {
                if (legal.TryGetValue(status, out var allowed) && allowed == transition)
                    continue;
                yield return new TestCaseData(status, transition).SetName($"{transition}_WhenTreatmentIs{status}_IsRefusedAndStoresNothing");
            }
        }
    }

    [TestCaseSource(nameof(IllegalTransitions))]
    public async Task IllegalTransition_IsRefusedWithAClearMessageAndStoresNothing(TreatmentStatus status, Transition transition)
    {
        var reference = await AdvanceToAsync(status);
        var before = await _catalogue.ReadTreatmentAsync(reference);
        var entries = await _catalogue.CountAuditEntriesAsync();

        var result = await _catalogue.AsAsync(_curator, c => transition switch
        {
            Transition.Approve => c.ApproveAsync(reference, before!.Version),
            Transition.Start => c.StartAsync(reference, before!.Version),
            Transition.Complete => c.CompleteAsync(reference, before!.Version, "After", "Done"),
            _ => c.SignOffAsync(reference, before!.Version),
        });

        var message = AssertRefusedOn(result, "Status");
        Assert.That(message, status == TreatmentStatus.SignedOff
            ? Does.Contain("signed off and read-only").And.Contain("amendment")
            : Does.Contain($"{reference} is {Treatment.Describe(status)}"));
        var after = await _catalogue.ReadTreatmentAsync(reference);
        Assert.That(after!.Status, Is.EqualTo(status));
        Assert.That(after.Version, Is.EqualTo(before!.Version));
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(entries));
    }

    [Test]
    public async Task Approve_ByACurator_Succeeds()
    {
        var reference = await ProposeAsync();

        var result = await _catalogue.AsAsync(_curator, c => c.ApproveAsync(reference, 1));

        AssertSucceeded(result);
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.ApprovedBy, Is.EqualTo(_curator.Name));
    }

    [Test]
    public async Task Approve_ByASeniorConservator_Succeeds()
    {
        var senior = await _catalogue.CreateStaffAsync("minh@catalogue.test", Roles.Conservator, senior: true);
        var reference = await ProposeAsync();

        var result = await _catalogue.AsAsync(senior, c => c.ApproveAsync(reference, 1));

        AssertSucceeded(result);
        var stored = await _catalogue.ReadTreatmentAsync(reference);
        Assert.That(stored!.Status, Is.EqualTo(TreatmentStatus.Approved));
        Assert.That(stored.ApprovedBy, Is.EqualTo(senior.Name));
    }

    [TestCase(Roles.Conservator)]
    [TestCase(Roles.Archaeologist)]
    [TestCase(Roles.Viewer)]
    public async Task Approve_ByAnyoneElse_IsRefusedAndLeavesTheProposal(string role)
    {
        var other = await _catalogue.CreateStaffAsync("tuan@catalogue.test", role);
        var reference = await ProposeAsync();

        var result = await _catalogue.AsAsync(other, c => c.ApproveAsync(reference, 1));

        Assert.That(AssertRefusedOn(result, "ApprovedBy"), Does.Contain("curator or a senior conservator"));
        var stored = await _catalogue.ReadTreatmentAsync(reference);
        Assert.That(stored!.Status, Is.EqualTo(TreatmentStatus.Proposed));
        Assert.That(stored.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task Approve_WithoutAnAccount_IsRefused()
    {
        var reference = await ProposeAsync();

        var result = await _catalogue.AsAsync("cli:operator", c => c.ApproveAsync(reference, 1));

        AssertRefusedOn(result, "ApprovedBy");
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Status, Is.EqualTo(TreatmentStatus.Proposed));
    }

    [Test]
    public async Task Approve_ByTheProposerEvenWhenACurator_IsRefused()
    {
        var result = await _catalogue.AsAsync(_curator, c => c.ProposeAsync(Proposal()));
        var reference = result.Value!.Reference;

        var approval = await _catalogue.AsAsync(_curator, c => c.ApproveAsync(reference, 1));

        Assert.That(AssertRefusedOn(approval, "ApprovedBy"), Does.Contain("someone other than the person who proposed it"));
    }

    [Test]
    public async Task SignOff_ByAConservatorWhoIsNotSenior_IsRefused()
    {
        var reference = await AdvanceToAsync(TreatmentStatus.Completed);
        var version = (await _catalogue.ReadTreatmentAsync(reference))!.Version;

        var result = await _catalogue.AsAsync(_conservator, c => c.SignOffAsync(reference, version));

        Assert.That(AssertRefusedOn(result, "SignedOffBy"), Does.Contain("curator or a senior conservator"));
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Status, Is.EqualTo(TreatmentStatus.Completed));
    }

    [Test]
    public async Task Start_DatedBeforeTheApproval_IsRefusedNamingTheStartDate()
    {
        var reference = await AdvanceToAsync(TreatmentStatus.Approved);

        var result = await _catalogue.AsAsync(_conservator, c => c.StartAsync(reference, 2, Today.AddDays(-1)));

        Assert.That(AssertRefusedOn(result, "StartedOn"), Does.Contain("before the approval date"));
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Status, Is.EqualTo(TreatmentStatus.Approved));
    }

    [Test]
    public async Task Complete_WithoutAnyStep_IsRefusedNamingTheSteps()
    {
        var reference = await AdvanceToAsync(TreatmentStatus.InProgress, withStep: false);

        var result = await _catalogue.AsAsync(_conservator, c => c.CompleteAsync(reference, 3, "After", "Done"));

        Assert.That(AssertRefusedOn(result, "Steps"), Does.Contain("at least one step"));
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Status, Is.EqualTo(TreatmentStatus.InProgress));
    }

    [TestCase(null)]
    [TestCase("  ")]
    public async Task Complete_WithoutAnOutcome_IsRefusedNamingTheOutcome(string? outcome)
    {
        var reference = await AdvanceToAsync(TreatmentStatus.InProgress);
        var version = (await _catalogue.ReadTreatmentAsync(reference))!.Version;

        var result = await _catalogue.AsAsync(_conservator, c => c.CompleteAsync(reference, version, "After", outcome));

        Assert.That(AssertRefusedOn(result, "Outcome"), Does.Contain("outcome"));
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.CompletedOn, Is.Null);
    }

    [Test]
    public async Task Revise_BeforeSignOff_ChangesTheRecordAndItsHistory()
    {
        var reference = await ProposeAsync();
        var edit = TreatmentInput.From((await _catalogue.ReadTreatmentAsync(reference))!);
        edit.Title = "Clean, consolidate and rehouse";

        var result = await _catalogue.AsAsync(_conservator, c => c.ReviseAsync(reference, edit));

        AssertSucceeded(result);
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Title, Is.EqualTo("Clean, consolidate and rehouse"));
        Assert.That((await _catalogue.TreatmentHistoryAsync(reference))[0].Changes,
            Is.EqualTo(new[] { new FieldChange("Title", "Clean and consolidate the glaze", "Clean, consolidate and rehouse") }));
    }

    [Test]
    public async Task Revise_OfTheApprovedProposalBeforeTheWorkStarts_WithdrawsTheApproval()
    {
        var reference = await AdvanceToAsync(TreatmentStatus.Approved);
        var edit = TreatmentInput.From((await _catalogue.ReadTreatmentAsync(reference))!);
        edit.Proposal = "Dissolve the salts in an acid bath";

        AssertSucceeded(await _catalogue.AsAsync(_conservator, c => c.ReviseAsync(reference, edit)));

        var treatment = (await _catalogue.ReadTreatmentAsync(reference))!;
        Assert.That(treatment.Status, Is.EqualTo(TreatmentStatus.Proposed), "what was approved is no longer what is proposed");
        Assert.That((treatment.ApprovedBy, treatment.ApprovedOn), Is.EqualTo(((string?)null, (DateOnly?)null)));
        Assert.That(treatment.Proposal, Is.EqualTo("Dissolve the salts in an acid bath"));
        AssertSucceeded(await _catalogue.AsAsync(_curator, c => c.ApproveAsync(reference, treatment.Version)));
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Status, Is.EqualTo(TreatmentStatus.Approved), "the new proposal is approved again");
    }

    [Test]
    public async Task Revise_OfAnApprovedTreatmentLeavingItsProposal_KeepsTheApproval()
    {
        var reference = await AdvanceToAsync(TreatmentStatus.Approved);
        var before = (await _catalogue.ReadTreatmentAsync(reference))!;
        var edit = TreatmentInput.From(before);
        edit.Conservators = "Lan, Minh";
        edit.Title = "  " + before.Title + " ";

        AssertSucceeded(await _catalogue.AsAsync(_conservator, c => c.ReviseAsync(reference, edit)));

        var treatment = (await _catalogue.ReadTreatmentAsync(reference))!;
        Assert.That((treatment.Status, treatment.ApprovedBy), Is.EqualTo((TreatmentStatus.Approved, before.ApprovedBy)));
        Assert.That(treatment.Conservators, Is.EqualTo("Lan, Minh"));
    }

    [TestCase(TreatmentStatus.InProgress)]
    [TestCase(TreatmentStatus.Completed)]
    public async Task Revise_OfTheApprovedProposalOnceTheWorkHasStarted_IsRefusedAndChangesNothing(TreatmentStatus status)
    {
        var reference = await AdvanceToAsync(status);
        var before = (await _catalogue.ReadTreatmentAsync(reference))!;
        var edit = TreatmentInput.From(before);
        edit.Title = "Something else entirely";
        edit.Conservators = "Somebody";

        var result = await _catalogue.AsAsync(_conservator, c => c.ReviseAsync(reference, edit));

        Assert.That(AssertRefusedOn(result, "Proposal"), Does.Contain("work has started"));
        var after = (await _catalogue.ReadTreatmentAsync(reference))!;
        Assert.That((after.Title, after.Conservators, after.Status, after.Version), Is.EqualTo((before.Title, before.Conservators, status, before.Version)));
    }

    [Test]
    public async Task Revise_OfACompletedTreatment_KeepsItsOutcome()
    {
        var reference = await AdvanceToAsync(TreatmentStatus.Completed);
        var edit = TreatmentInput.From((await _catalogue.ReadTreatmentAsync(reference))!);
        edit.Outcome = null;

        var result = await _catalogue.AsAsync(_conservator, c => c.ReviseAsync(reference, edit));

        AssertRefusedOn(result, "Outcome");
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Outcome, Is.EqualTo("Successful"));
    }

    [Test]
    public async Task Approve_BySecondApproverWhoOpenedTheOldVersion_IsAConflictAndOverwritesNothing()
    {
        var senior = await _catalogue.CreateStaffAsync("minh@catalogue.test", Roles.Conservator, senior: true);
        var reference = await ProposeAsync();
        var edit = TreatmentInput.From((await _catalogue.ReadTreatmentAsync(reference))!);
        edit.Title = "Changed while the approver was reading";
        AssertSucceeded(await _catalogue.AsAsync(_conservator, c => c.ReviseAsync(reference, edit)));

        var result = await _catalogue.AsAsync(senior, c => c.ApproveAsync(reference, 1));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(result.Errors.Single().Message, Does.Contain(_conservator.Name).And.Contain("reload"));
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Status, Is.EqualTo(TreatmentStatus.Proposed));
    }

    [Test]
    public async Task Approve_WhenARivalSavesDuringTheSave_IsAConflictAndWritesNoHistory()
    {
        var reference = await ProposeAsync();
        var entries = await _catalogue.CountAuditEntriesAsync();
        _catalogue.Clock.BeforeNextSave(() => _catalogue.ExecuteSql(
            $"UPDATE Treatments SET Title = 'Rival title', Version = Version + 1 WHERE Reference = '{reference}'"));

        var result = await _catalogue.AsAsync(_curator, c => c.ApproveAsync(reference, 1));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict), () => TestCatalogue.Describe(result.Errors));
        var stored = await _catalogue.ReadTreatmentAsync(reference);
        Assert.That(stored!.Status, Is.EqualTo(TreatmentStatus.Proposed));
        Assert.That(stored.Title, Is.EqualTo("Rival title"));
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(entries), "The failed save rolled back its history entry too.");
        Assert.That((await _catalogue.VerifyAuditAsync()).Intact, Is.True);
    }

    [Test]
    public async Task Transition_OfAnUnknownTreatment_IsNotFound()
    {
        var result = await _catalogue.AsAsync(_curator, c => c.ApproveAsync("TR-1999-0001", 1));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(result.Errors.Single().Message, Does.Contain("TR-1999-0001"));
    }

    [Test]
    public async Task TreatmentsForArtifact_ListsThemWithTheirStatusAndStepCount()
    {
        var signedOff = await AdvanceToAsync(TreatmentStatus.SignedOff);
        var proposed = await ProposeAsync();

        await using var scope = _catalogue.As("reader");
        var list = await scope.Get<ConservationQueries>().TreatmentsForArtifactAsync(Accession);

        Assert.That(list.Select(t => (t.Reference, t.Status, t.Steps)), Is.EqualTo(new[]
        {
            (proposed, TreatmentStatus.Proposed, 0),
            (signedOff, TreatmentStatus.SignedOff, 1),
        }));
    }

    private Task<string> ProposeAsync() => _catalogue.ProposeTreatmentAsync(_conservator);

    private Task<string> AdvanceToAsync(TreatmentStatus status, bool withStep = true) =>
        _catalogue.TreatmentAtAsync(status, _curator, _conservator, withStep ? Step(_terms.Cleaning, "Swabbed", Material("Deionised water")) : null);
}
