using Catalogue.Core.Conservation;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using static Catalogue.Core.Tests.Support.ConservationSetup;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Conservation;

/// <summary>
/// Reviewing a proposal: approved with a comment, or returned to its proposer saying what it needs; each decision
/// stays on the record. And steps are planned until the work starts: who did one, when and for how long come after.
/// </summary>
public sealed class TreatmentReviewTests
{
    private TestCatalogue _catalogue = null!;
    private ConservationTerms _terms = null!;
    private StaffMember _curator = null!;
    private StaffMember _conservator = null!;

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
    public async Task An_approval_keeps_the_approvers_comment_with_their_name_and_the_day()
    {
        var reference = await _catalogue.ProposeTreatmentAsync(_conservator);

        AssertSucceeded(await _catalogue.AsAsync(_curator, c => c.ApproveAsync(reference, 1, "  Test the consolidant on the foot first. ")));

        var stored = await _catalogue.ReadTreatmentAsync(reference);
        Assert.That(stored!.Status, Is.EqualTo(TreatmentStatus.Approved));
        var review = stored.Reviews.Single();
        Assert.That((review.Decision, review.ReviewedBy, review.On, review.Comment),
            Is.EqualTo((TreatmentReviewDecision.Approved, _curator.Name, Today, "Test the consolidant on the foot first.")));
        var history = await _catalogue.TreatmentHistoryAsync(reference);
        Assert.That(history.SelectMany(h => h.Changes).Select(c => c.New), Has.Some.Contains("Test the consolidant on the foot first."),
            "the review is in the change history");
    }

    [Test]
    public async Task A_proposal_returned_for_revision_stays_proposed_with_what_it_needs_until_its_proposal_is_revised()
    {
        var reference = await _catalogue.ProposeTreatmentAsync(_conservator);

        var returned = await _catalogue.AsAsync(_curator, c => c.ReturnForRevisionAsync(reference, 1, "Name the consolidant and its concentration."));

        AssertSucceeded(returned);
        var stored = await _catalogue.ReadTreatmentAsync(reference);
        Assert.That((stored!.Status, stored.AwaitingRevision, stored.ApprovedBy), Is.EqualTo((TreatmentStatus.Proposed, true, (string?)null)));
        Assert.That(stored.Reviews.Single().Decision, Is.EqualTo(TreatmentReviewDecision.ReturnedForRevision));
        Assert.That(stored.Reviews.Single().Comment, Is.EqualTo("Name the consolidant and its concentration."));

        var otherChange = Proposal();
        otherChange.Conservators = "Nguyễn Thị Hoa";
        AssertSucceeded(await _catalogue.AsAsync(_conservator, c => c.ReviseAsync(reference, With(otherChange, stored.Version))));
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.AwaitingRevision, Is.True, "only a revised title or proposal answers the review");

        var revised = Proposal();
        revised.Conservators = "Nguyễn Thị Hoa";
        revised.Proposal = "Consolidate the flaking glaze with Paraloid B-72, 3% in acetone.";
        var afterRevision = await _catalogue.AsAsync(_conservator, c => c.ReviseAsync(reference, With(revised, stored.Version + 1)));
        AssertSucceeded(afterRevision);
        Assert.That(afterRevision.Value!.AwaitingRevision, Is.False);

        AssertSucceeded(await _catalogue.AsAsync(_curator, c => c.ApproveAsync(reference, afterRevision.Value.Version)));
        var decisions = (await _catalogue.ReadTreatmentAsync(reference))!.Reviews.Select(r => r.Decision);
        Assert.That(decisions, Is.EqualTo(new[] { TreatmentReviewDecision.ReturnedForRevision, TreatmentReviewDecision.Approved }));
    }

    [TestCase(null)]
    [TestCase("   ")]
    public async Task Returning_a_proposal_without_saying_what_it_needs_is_refused_and_stores_nothing(string? comment)
    {
        var reference = await _catalogue.ProposeTreatmentAsync(_conservator);

        var result = await _catalogue.AsAsync(_curator, c => c.ReturnForRevisionAsync(reference, 1, comment));

        Assert.That(AssertRefusedOn(result, "Comment"), Is.EqualTo("Say what the proposal needs before it can be approved."));
        var stored = await _catalogue.ReadTreatmentAsync(reference);
        Assert.That((stored!.Version, stored.Reviews.Count, stored.AwaitingRevision), Is.EqualTo((1, 0, false)));
    }

    [Test]
    public async Task A_comment_longer_than_the_record_keeps_is_refused_naming_the_field()
    {
        var reference = await _catalogue.ProposeTreatmentAsync(_conservator);

        var result = await _catalogue.AsAsync(_curator, c => c.ApproveAsync(reference, 1, new string('x', TreatmentReview.CommentMaxLength + 1)));

        Assert.That(AssertRefusedOn(result, "Comment"), Does.Contain(TreatmentReview.CommentMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Status, Is.EqualTo(TreatmentStatus.Proposed));
    }

    [Test]
    public async Task Only_those_who_may_approve_may_return_and_never_their_own_proposal()
    {
        var reference = await _catalogue.ProposeTreatmentAsync(_conservator);
        var own = await _catalogue.ProposeTreatmentAsync(_curator, Proposal(title: "Curator's own proposal"));

        var byConservator = await _catalogue.AsAsync(_conservator, c => c.ReturnForRevisionAsync(reference, 1, "Not mine to say."));
        var byProposer = await _catalogue.AsAsync(_curator, c => c.ReturnForRevisionAsync(own, 1, "Returning my own proposal."));

        Assert.That(AssertRefusedOn(byConservator, "ReviewedBy"), Does.Contain("curator or a senior conservator"));
        Assert.That(AssertRefusedOn(byProposer, "ReviewedBy"), Does.Contain("someone other than the person who proposed it"));
    }

    [Test]
    public async Task An_approved_treatment_is_not_returned()
    {
        var reference = await _catalogue.TreatmentAtAsync(TreatmentStatus.Approved, _curator, _conservator, step: null);

        var result = await _catalogue.AsAsync(_curator, c => c.ReturnForRevisionAsync(reference, 2, "Too late."));

        Assert.That(AssertRefusedOn(result, "Status"), Does.Contain("only a treatment that is proposed can be returned for revision"));
    }

    [TestCase(TreatmentStatus.Proposed)]
    [TestCase(TreatmentStatus.Approved)]
    public async Task Before_the_work_starts_a_step_is_planned_not_recorded_as_done(TreatmentStatus status)
    {
        var reference = await _catalogue.TreatmentAtAsync(status, _curator, _conservator, step: null);
        var version = (await _catalogue.ReadTreatmentAsync(reference))!.Version;

        var done = await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(reference, version, Step(_terms.Cleaning, "Swab the foot")));
        var byWhom = Step(_terms.Cleaning, "Swab the foot");
        byWhom.PerformedOn = null;
        var performedBy = await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(reference, version, byWhom));
        var planned = Step(_terms.Cleaning, "Swab the foot", Material("Deionised water"));
        (planned.PerformedOn, planned.PerformedBy, planned.MinutesSpent) = (null, null, null);
        var plan = await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(reference, version, planned));

        Assert.That(AssertRefusedOn(done, "PerformedOn"), Does.StartWith("Until the work starts, steps are planned"));
        AssertRefusedOn(performedBy, "PerformedBy");
        AssertSucceeded(plan);
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Steps.Single().Description, Is.EqualTo("Swab the foot"));
    }

    [Test]
    public async Task Once_the_work_has_started_a_step_is_recorded_with_who_did_it_and_when()
    {
        var reference = await _catalogue.TreatmentAtAsync(TreatmentStatus.InProgress, _curator, _conservator, step: null);
        var version = (await _catalogue.ReadTreatmentAsync(reference))!.Version;

        AssertSucceeded(await _catalogue.AsAsync(_conservator, c => c.AddStepAsync(reference, version, Step(_terms.Cleaning, "Swabbed the foot"))));

        var step = (await _catalogue.ReadTreatmentAsync(reference))!.Steps.Single();
        Assert.That((step.PerformedOn, step.MinutesSpent), Is.EqualTo(((DateOnly?)Today, (int?)90)));
    }

    private static TreatmentInput With(TreatmentInput input, int version)
    {
        input.Version = version;
        return input;
    }
}
