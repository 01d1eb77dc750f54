using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using static Catalogue.Core.Tests.Support.ConservationSetup;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Conservation;

/// <summary>A signed-off treatment is a permanent record: every edit is refused as read-only; corrections are amendments beside the original.</summary>
public sealed class SignedOffTreatmentTests
{
    private TestCatalogue _catalogue = null!;
    private ConservationTerms _terms = null!;
    private StaffMember _curator = null!;
    private StaffMember _conservator = null!;
    private string _reference = null!;
    private Treatment _signedOff = null!;

    [SetUp]
    public async Task StartCatalogueWithASignedOffTreatment()
    {
        _catalogue = await TestCatalogue.StartAsync();
        _terms = await _catalogue.SeedConservationTermsAsync();
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession));
        _curator = await _catalogue.CreateStaffAsync("lan@catalogue.test", Roles.Curator);
        _conservator = await _catalogue.CreateStaffAsync("hoa@catalogue.test", Roles.Conservator);
        _reference = await _catalogue.TreatmentAtAsync(TreatmentStatus.SignedOff, _curator, _conservator,
            Step(_terms.Consolidation, "Consolidated the rim", Material("Paraloid B-72", "5%", "acetone", "LOT-2291")));
        _signedOff = (await _catalogue.ReadTreatmentAsync(_reference))!;
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    public static IEnumerable<TestCaseData> Edits()
    {
        TestCaseData Case(string name, string field, Func<ConservationCommands, Treatment, ConservationTerms, Task<CommandResult<Treatment>>> edit) =>
            new TestCaseData(field, edit).SetName($"{name}_OfASignedOffTreatment_IsRefusedAsReadOnly");

        yield return Case("Revise", "Status", (c, t, _) =>
        {
            var input = TreatmentInput.From(t);
            input.Outcome = "Partly successful";
            return c.ReviseAsync(t.Reference, input);
        });
        yield return Case("SignOff", "Status", (c, t, _) => c.SignOffAsync(t.Reference, t.Version));
        yield return Case("Approve", "Status", (c, t, _) => c.ApproveAsync(t.Reference, t.Version));
        yield return Case("Start", "Status", (c, t, _) => c.StartAsync(t.Reference, t.Version));
        yield return Case("Complete", "Status", (c, t, _) => c.CompleteAsync(t.Reference, t.Version, "After", "Done"));
        yield return Case("AddStep", "Status", (c, t, terms) => c.AddStepAsync(t.Reference, t.Version, Step(terms.Cleaning, "Late step")));
        yield return Case("ReviseStep", "Status", (c, t, terms) => c.ReviseStepAsync(t.Reference, t.Version, t.Steps[0].Id, Step(terms.Cleaning, "Rewritten")));
        yield return Case("RemoveStep", "Status", (c, t, _) => c.RemoveStepAsync(t.Reference, t.Version, t.Steps[0].Id));
    }

    [TestCaseSource(nameof(Edits))]
    public async Task Edit_IsRefusedAsReadOnlyAndChangesNothing(string field, Func<ConservationCommands, Treatment, ConservationTerms, Task<CommandResult<Treatment>>> edit)
    {
        var entries = await _catalogue.CountAuditEntriesAsync();

        var result = await _catalogue.AsAsync(_curator, c => edit(c, _signedOff, _terms));

        Assert.That(AssertRefusedOn(result, field), Is.EqualTo($"{_reference} is signed off and read-only; add an amendment to correct it."));
        var stored = await _catalogue.ReadTreatmentAsync(_reference);
        Assert.That(stored!.Version, Is.EqualTo(_signedOff.Version));
        Assert.That(stored.Outcome, Is.EqualTo("Successful"));
        Assert.That(stored.Steps.Select(s => s.Description), Is.EqualTo(new[] { "Consolidated the rim" }));
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(entries));
    }

    [Test]
    public async Task Amend_AddsADatedAttributedCorrectionBesideTheUnchangedOriginal()
    {
        var result = await _catalogue.AsAsync(_conservator, c => c.AmendAsync(_reference, "The batch was misread from the label.", "Step 1", "Batch LOT-2219, not LOT-2291."));

        AssertSucceeded(result);
        var stored = await _catalogue.ReadTreatmentAsync(_reference);
        var amendment = stored!.Amendments.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(amendment.Author, Is.EqualTo(_conservator.Name));
            Assert.That(amendment.At, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(amendment.Reason, Is.EqualTo("The batch was misread from the label."));
            Assert.That(amendment.Section, Is.EqualTo("Step 1"));
            Assert.That(amendment.Text, Is.EqualTo("Batch LOT-2219, not LOT-2291."));
            Assert.That(stored.Steps.Single().Materials.Single().Batch, Is.EqualTo("LOT-2291"), "The original text stays as it was.");
            Assert.That(stored.Status, Is.EqualTo(TreatmentStatus.SignedOff));
            Assert.That(stored.Version, Is.EqualTo(_signedOff.Version + 1));
        }

        var latest = (await _catalogue.TreatmentHistoryAsync(_reference))[0];
        Assert.That(latest.UserName, Is.EqualTo(_conservator.Name));
        Assert.That(latest.Changes, Is.EqualTo(new[]
        {
            new FieldChange("Amendments", null, "Step 1: Batch LOT-2219, not LOT-2291. (reason: The batch was misread from the label.)"),
        }));
    }

    [Test]
    public async Task Amend_Twice_KeepsBothInTheOrderTheyWereMade()
    {
        AssertSucceeded(await _catalogue.AsAsync(_conservator, c => c.AmendAsync(_reference, "Typo", "Outcome", "Successful; see photo 3.")));
        AssertSucceeded(await _catalogue.AsAsync(_curator, c => c.AmendAsync(_reference, "Photo renumbered", "Outcome", "Successful; see photo 4.")));

        var stored = await _catalogue.ReadTreatmentAsync(_reference);

        Assert.That(stored!.Amendments.Select(a => (a.Author, a.Text)), Is.EqualTo(new[]
        {
            (_conservator.Name, "Successful; see photo 3."),
            (_curator.Name, "Successful; see photo 4."),
        }));
        Assert.That(stored.Outcome, Is.EqualTo("Successful"));
    }

    [TestCase(null, "Corrected", "Reason", "needs a reason")]
    [TestCase("  ", "Corrected", "Reason", "needs a reason")]
    [TestCase("Typo", null, "Text", "corrected text")]
    [TestCase("Typo", " ", "Text", "corrected text")]
    public async Task Amend_WithoutReasonOrText_IsRefusedNamingTheFieldAndStoresNothing(string? reason, string? text, string field, string rule)
    {
        var entries = await _catalogue.CountAuditEntriesAsync();

        var result = await _catalogue.AsAsync(_conservator, c => c.AmendAsync(_reference, reason, "Outcome", text));

        Assert.That(AssertRefusedOn(result, field), Does.Contain(rule));
        Assert.That((await _catalogue.ReadTreatmentAsync(_reference))!.Amendments, Is.Empty);
        Assert.That(await _catalogue.CountAuditEntriesAsync(), Is.EqualTo(entries));
    }

    [Test]
    public async Task Amend_WithATooLongReason_IsRefusedNamingTheReason()
    {
        var result = await _catalogue.AsAsync(_conservator, c => c.AmendAsync(_reference, new string('x', 1001), null, "Corrected"));

        Assert.That(AssertRefusedOn(result, "Reason"), Does.Contain("at most 1000"));
    }

    [Test]
    public async Task Amend_BeforeSignOff_IsRefusedPointingToTheRecordItself()
    {
        var completed = await _catalogue.TreatmentAtAsync(TreatmentStatus.Completed, _curator, _conservator, Step(_terms.Cleaning, "Swabbed"));

        var result = await _catalogue.AsAsync(_conservator, c => c.AmendAsync(completed, "Typo", "Outcome", "Corrected"));

        Assert.That(AssertRefusedOn(result, "Amendments"), Does.Contain("edit the record itself"));
        Assert.That((await _catalogue.ReadTreatmentAsync(completed))!.Amendments, Is.Empty);
    }

    [Test]
    public async Task Amend_OfAnUnknownTreatment_IsNotFound()
    {
        var result = await _catalogue.AsAsync(_conservator, c => c.AmendAsync("TR-1999-0001", "Typo", null, "Corrected"));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
    }
}
