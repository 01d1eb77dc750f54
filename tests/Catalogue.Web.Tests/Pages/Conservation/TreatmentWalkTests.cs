using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Excavation;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Conservation;

/// <summary>
/// A treatment from proposal to sign-off through the pages, as the conservator and the curator do it, then the record
/// copy, the read-only record, amendments, and requests that come at the wrong stage.
/// </summary>
public sealed class TreatmentWalkTests() : CatalogueApp()
{
    private HttpClient conservator = null!;
    private HttpClient curator = null!;
    private TestUser conservatorUser = null!;
    private TestUser curatorUser = null!;
    private ConservationRecords records = null!;
    private string desalination = null!;
    private string consolidation = null!;

    [OneTimeSetUp]
    public async Task SignIn()
    {
        records = new ConservationRecords(App.Services);
        conservatorUser = await UserAsync(Roles.Conservator);
        curatorUser = await UserAsync(Roles.Curator);
        conservator = await SignInAsync(conservatorUser);
        curator = await SignInAsync(curatorUser);
        desalination = Id(await records.TermAsync(Vocabulary.TreatmentStep, "desalination"));
        consolidation = Id(await records.TermAsync(Vocabulary.TreatmentStep, "consolidation"));
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        conservator.Dispose();
        curator.Dispose();
    }

    [Test]
    public async Task A_treatment_walks_from_proposal_to_sign_off_and_its_record_copy_names_everyone_every_step_and_material()
    {
        var artifact = await records.ArtifactAsync("Glazed dragon-head finial");
        var today = ConservationForms.Day(ConservationForms.Today);

        var reference = await conservator.ProposeTreatmentAsync(artifact, "Desalination and consolidation",
            ("Input.Proposal", "Soak in deionised water until the conductivity is stable."), ("Input.Conservators", "Trần Thị Mai, Claire Dubois"),
            ("Input.ConditionBefore", "Salt efflorescence on the glaze."));
        Assert.That(await StatusShownAsync(conservator, reference), Is.EqualTo("Proposed"));

        await curator.ActOnDetailsPageAsync(reference, "#approve-form");
        Assert.That(await curator.FlashOnDetailsAsync(reference), Does.Contain($"Treatment {reference} was approved."));
        await conservator.ActOnDetailsPageAsync(reference, "#start-form");
        Assert.That(await StatusShownAsync(conservator, reference), Is.EqualTo("In progress"));

        await AddStepAsync(reference, desalination, "Six baths of deionised water", "480", ("Deionised water", null, null, "DW-2025-03"));
        await AddStepAsync(reference, consolidation, "Consolidation of the flaking glaze", "90",
            ("Paraloid B-72", "5% w/v", "acetone", "B72-2024-17"), ("Japanese tissue", null, null, null));

        var complete = (await conservator.GetFormAsync($"/Conservation/Treatments/Progress/{reference}", "#complete-form"))
            .Set("conditionAfter", "Stable, no efflorescence").Set("outcome", "Salts reduced below 50 µS/cm; glaze secured.");
        using (var completed = await conservator.SubmitAsync(complete))
            await completed.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");
        Assert.That(await StatusShownAsync(conservator, reference), Is.EqualTo("Completed"));

        await curator.ActOnDetailsPageAsync(reference, "#signoff-form");

        var page = await curator.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        Assert.That(page.QuerySelector("#status")!.Collapsed(), Is.EqualTo("Signed off"));
        Assert.That(page.QuerySelector("dl.identification")!.Collapsed(), Does.Contain(artifact).And.Contain("Glazed dragon-head finial"));
        var record = page.QuerySelector("dl.record:not(.identification)")!.Collapsed();
        Assert.That(record, Does.Contain($"{today} · {conservatorUser.Email}"), "proposed: when and by whom");
        Assert.That(page.QuerySelector("#approved")!.Collapsed(), Is.EqualTo($"{today} · {curatorUser.Email}"));
        Assert.That(page.QuerySelector("#signed-off")!.Collapsed(), Is.EqualTo($"{today} · {curatorUser.Email}"));
        Assert.That(record, Does.Contain("Trần Thị Mai, Claire Dubois"));
        var steps = page.QuerySelectorAll("#steps > li").Select(s => s.Collapsed()).ToList();
        Assert.That(steps, Has.Count.EqualTo(2));
        Assert.That(steps[0], Does.Contain("Six baths of deionised water").And.Contain(today).And.Contain(conservatorUser.Email)
            .And.Contain("480 min").And.Contain("Deionised water").And.Contain("DW-2025-03"));
        Assert.That(steps[1], Does.Contain("Paraloid B-72").And.Contain("5% w/v").And.Contain("acetone").And.Contain("B72-2024-17").And.Contain("Japanese tissue"));
        var text = page.Text();
        Assert.That(text, Does.Contain("Soak in deionised water until the conductivity is stable.").And.Contain("Salt efflorescence on the glaze.")
            .And.Contain("Stable, no efflorescence").And.Contain("Salts reduced below 50 µS/cm; glaze secured."));
        Assert.That(page.QuerySelector("p.notice:not([role])")?.TextContent, Does.Contain("read-only"));
        Assert.That(page.QuerySelectorAll("main .actions a[href*='/Edit/'], main .actions a[href*='/Steps/'], #steps form"), Is.Empty,
            "a signed-off record offers no edits");
        Assert.That(page.QuerySelector("button[data-print]"), Is.Not.Null, "the record page is the printable copy");
    }

    [Test]
    public async Task After_sign_off_the_edit_and_steps_pages_refuse_changes_with_a_read_only_message_and_nothing_changes()
    {
        var artifact = await records.ArtifactAsync();
        var reference = await records.TreatmentAsync(artifact, TreatmentStatus.SignedOff);
        var before = await SnapshotAsync(reference);
        var token = await conservator.OwnAntiforgeryTokenAsync();

        using (var editPage = await conservator.GetAsync($"/Conservation/Treatments/Edit/{reference}"))
            Assert.That(editPage.RedirectTarget(conservator.BaseAddress!)?.AbsolutePath, Is.EqualTo($"/Conservation/Treatments/Amend/{reference}"),
                "the edit page sends the conservator to the amendment form");
        using (var stepsPage = await conservator.GetAsync($"/Conservation/Treatments/Steps/{reference}"))
            await stepsPage.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");
        Assert.That(await conservator.FlashOnDetailsAsync(reference), Does.Contain($"The steps of {reference} can no longer change."));

        await ExpectRefusedForItsStageAsync(reference, $"/Conservation/Treatments/Edit/{reference}", "Signed off",
            ("Input.Title", "Rewritten after sign-off"), ("Input.Version", before.Version.ToString(CultureInfo.InvariantCulture)), (HtmlForm.TokenField, token));
        await ExpectRefusedForItsStageAsync(reference, $"/Conservation/Treatments/Steps/{reference}", "Signed off",
            ("Input.StepTypeId", consolidation), ("version", before.Version.ToString(CultureInfo.InvariantCulture)), (HtmlForm.TokenField, token));

        Assert.That(await SnapshotAsync(reference), Is.EqualTo(before));
    }

    [Test]
    public async Task A_new_step_for_a_completed_treatment_is_refused_for_its_stage()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.Completed);
        var before = await SnapshotAsync(reference);

        await ExpectRefusedForItsStageAsync(reference, $"/Conservation/Treatments/Steps/{reference}", "Completed",
            ("Input.StepTypeId", consolidation), ("Input.Description", "Late step"), ("version", before.Version.ToString(CultureInfo.InvariantCulture)),
            (HtmlForm.TokenField, await conservator.OwnAntiforgeryTokenAsync()));

        Assert.That(await SnapshotAsync(reference), Is.EqualTo(before));
    }

    [Test]
    public async Task Completing_a_treatment_that_has_not_started_is_refused_for_its_stage()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.Approved);
        var before = await SnapshotAsync(reference);

        await ExpectRefusedForItsStageAsync(reference, $"/Conservation/Treatments/Progress/{reference}?handler=Complete", "Approved",
            ("version", before.Version.ToString(CultureInfo.InvariantCulture)), ("outcome", "Done"), (HtmlForm.TokenField, await conservator.OwnAntiforgeryTokenAsync()));

        Assert.That(await SnapshotAsync(reference), Is.EqualTo(before));
    }

    [Test]
    public async Task Starting_a_treatment_that_is_already_in_progress_is_refused_for_its_stage()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.InProgress);
        var before = await SnapshotAsync(reference);

        await ExpectRefusedForItsStageAsync(reference, $"/Conservation/Treatments/Progress/{reference}?handler=Start", "In progress",
            ("version", before.Version.ToString(CultureInfo.InvariantCulture)), (HtmlForm.TokenField, await conservator.OwnAntiforgeryTokenAsync()));

        Assert.That(await SnapshotAsync(reference), Is.EqualTo(before));
    }

    [Test]
    public async Task Completing_without_an_outcome_re_renders_the_form_naming_the_outcome()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.InProgress);
        var form = (await conservator.GetFormAsync($"/Conservation/Treatments/Progress/{reference}", "#complete-form")).Set("conditionAfter", "Stable");

        using var response = await conservator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector(".validation-summary-errors")?.Collapsed(), Does.Contain("State the outcome when completing the treatment."));
        Assert.That(page.QuerySelector("#conditionAfter")?.TextContent, Is.EqualTo("Stable"), "what was typed is kept");
        Assert.That((await SnapshotAsync(reference)).Status, Is.EqualTo(TreatmentStatus.InProgress));
    }

    [Test]
    public async Task A_step_that_breaks_a_rule_is_answered_on_the_field()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.InProgress);
        var form = (await conservator.GetFormAsync($"/Conservation/Treatments/Steps/{reference}", "#step-form"))
            .Set("Input.StepTypeId", consolidation).Set("Input.Materials[0].Concentration", "5% w/v");

        using var response = await conservator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).MessageFor("Input.Materials[0].Product"), Does.Contain("Each material names its product."));
        Assert.That(await WithDatabaseAsync(db => db.Treatments.Where(t => t.Reference == reference).SelectMany(t => t.Steps).CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Changing_an_approved_proposal_says_it_withdraws_the_approval_and_the_treatment_waits_for_a_new_one()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.Approved);
        var page = await conservator.GetPageAsync($"/Conservation/Treatments/Edit/{reference}");
        Assert.That(page.QuerySelector("#approval-notice")?.Collapsed(), Does.Contain($"Approved by {ConservationRecords.Approver}").And.Contain("withdraws this approval"));
        var form = HtmlForm.From(page, new Uri(conservator.BaseAddress!, $"/Conservation/Treatments/Edit/{reference}"), "#treatment-form");

        using (var response = await conservator.SubmitAsync(form.Set("Input.Proposal", "Dissolve the salts in an acid bath.")))
            await response.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");

        Assert.That(await conservator.FlashOnDetailsAsync(reference), Does.Contain("its approval was withdrawn"));
        Assert.That(await StatusShownAsync(conservator, reference), Does.Contain("Proposed"));
    }

    [Test]
    public async Task Once_the_work_has_started_the_edit_form_shows_the_approved_title_and_proposal_read_only()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.InProgress);

        var page = await conservator.GetPageAsync($"/Conservation/Treatments/Edit/{reference}");

        Assert.That(page.QuerySelector("#proposal-fixed"), Is.Not.Null);
        Assert.That(page.QuerySelector("input[name='Input.Title']")!.HasAttribute("readonly"), Is.True);
        Assert.That(page.QuerySelector("textarea[name='Input.Proposal']")!.HasAttribute("readonly"), Is.True);
        Assert.That(page.QuerySelector("input[name='Input.Conservators']")!.HasAttribute("readonly"), Is.False, "who did the work can still be named");
    }

    [Test]
    public async Task When_two_conservators_save_the_same_version_of_a_treatment_the_second_gets_a_conflict_and_the_first_edit_is_kept()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.Proposed);
        var second = await CreateUserAsync(Roles.Conservator);
        using var otherConservator = await SignInAsync(second);
        var mine = await conservator.GetFormAsync($"/Conservation/Treatments/Edit/{reference}", "#treatment-form");
        var theirs = await otherConservator.GetFormAsync($"/Conservation/Treatments/Edit/{reference}", "#treatment-form");

        using (var first = await otherConservator.SubmitAsync(theirs.Set("Input.Conservators", "Claire Dubois")))
            await first.ExpectRedirectAsync(otherConservator, $"/Conservation/Treatments/Details/{reference}");
        using var stale = await conservator.SubmitAsync(mine.Set("Input.Conservators", "Trần Thị Mai"));

        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await stale.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.Collapsed(),
            Does.Contain($"{reference} was changed by {second.Email}"));
        Assert.That(await WithDatabaseAsync(db => db.Treatments.Where(t => t.Reference == reference).Select(t => t.Conservators).SingleAsync()),
            Is.EqualTo("Claire Dubois"));
    }

    [Test]
    public async Task A_step_is_revised_and_removed_through_its_page_while_the_treatment_is_in_progress()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.InProgress);
        var details = await conservator.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        var editLink = details.QuerySelector("#steps a[href*='/Steps/']")!.GetAttribute("href")!;
        var form = (await conservator.GetFormAsync(editLink, "#step-form"));
        Assert.That(form.Value("Input.Materials[0].Product"), Is.EqualTo("Deionised water"), "the step's material is in the form");

        using (var revised = await conservator.SubmitAsync(form.Set("Input.Materials[0].Batch", "DW-2025-09").Set("Input.Materials[1].Product", "Ethanol")))
            await revised.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");
        var step = (await conservator.GetPageAsync($"/Conservation/Treatments/Details/{reference}")).QuerySelector("#steps > li")!.Collapsed();
        Assert.That(step, Does.Contain("DW-2025-09").And.Contain("Ethanol"));

        var remove = await conservator.GetFormAsync($"/Conservation/Treatments/Details/{reference}", "#steps form");
        using (var removed = await conservator.SubmitAsync(remove))
            await removed.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");
        Assert.That((await SnapshotAsync(reference)).Steps, Is.Zero);
    }

    [Test]
    public async Task A_proposal_without_a_title_is_answered_on_the_title()
    {
        var artifact = await records.ArtifactAsync();

        using var response = await conservator.PostFormAsync($"/Conservation/Treatments/Propose?artifact={artifact}", ("Input.Title", " "));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.Title"), Does.Contain("Title is required"));
        Assert.That(await WithDatabaseAsync(db => db.Treatments.AnyAsync(t => t.Artifact!.AccessionNumber == artifact)), Is.False);
    }

    [Test]
    public async Task The_proposer_cannot_approve_their_own_treatment()
    {
        using var admin = await SignInAsync(Roles.Admin);
        var reference = await admin.ProposeTreatmentAsync(await records.ArtifactAsync(), "Cleaning");

        await admin.ActOnDetailsPageAsync(reference, "#approve-form");

        Assert.That(await admin.FlashOnDetailsAsync(reference), Does.Contain("approved by someone other than the person who proposed it"));
        Assert.That((await SnapshotAsync(reference)).Status, Is.EqualTo(TreatmentStatus.Proposed));
    }

    [Test]
    public async Task An_amendment_needs_a_reason_and_then_appears_beside_the_original_text_with_its_author_and_date()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.SignedOff);
        var amend = $"/Conservation/Treatments/Amend/{reference}";

        using (var noReason = await conservator.PostFormAsync(amend, ("section", "Outcome"), ("text", "Salts reduced below 40 µS/cm")))
        {
            Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var page = await noReason.ReadHtmlAsync();
            Assert.That(page.QuerySelector(".validation-summary-errors")?.Collapsed(), Does.Contain("An amendment needs a reason."));
            Assert.That(page.QuerySelector("#text")?.TextContent, Is.EqualTo("Salts reduced below 40 µS/cm"), "the corrected text is kept");
        }

        Assert.That(await WithDatabaseAsync(db => db.Set<TreatmentAmendment>().CountAsync(a => a.Treatment!.Reference == reference)), Is.Zero);

        using (var amended = await conservator.PostFormAsync(amend, ("section", "Outcome"), ("text", "Salts reduced below 40 µS/cm"),
                   ("reason", "Conductivity misread from the meter")))
            await amended.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");
        using (var stepAmended = await conservator.PostFormAsync(amend, ("section", "Step 1"), ("text", "Batch DW-2025-04"), ("reason", "Wrong batch noted")))
            await stepAmended.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");

        var details = await curator.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        var outcome = details.QuerySelectorAll("h3").Single(h => h.TextContent.Trim() == "Outcome");
        Assert.That(outcome.NextElementSibling!.TextContent.Trim(), Is.EqualTo("Salts reduced"), "the original text stays as it was");
        var beside = outcome.NextElementSibling!.NextElementSibling!;
        Assert.That(beside.ClassList, Does.Contain("amendment"));
        Assert.That(beside.Collapsed(), Does.Contain("Salts reduced below 40 µS/cm").And.Contain("Conductivity misread from the meter")
            .And.Contain(conservatorUser.Email).And.Contain(ConservationForms.Day(ConservationForms.Today)));
        Assert.That(details.QuerySelector("#steps > li aside.amendment")?.Collapsed(), Does.Contain("Batch DW-2025-04").And.Contain("Wrong batch noted"));
        Assert.That(await StoredOutcomeAsync(reference), Is.EqualTo("Salts reduced"));
    }

    [Test]
    public async Task An_amendment_before_sign_off_is_refused_with_the_reason()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.Completed);

        using var response = await conservator.PostFormAsync($"/Conservation/Treatments/Amend/{reference}",
            ("section", "Outcome"), ("text", "Something else"), ("reason", "Changed my mind"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.Collapsed(),
            Does.Contain("Amendments are for signed-off treatments"));
    }

    private async Task AddStepAsync(string reference, string stepType, string description, string minutes, params (string Product, string? Concentration, string? Solvent, string? Batch)[] materials)
    {
        var form = (await conservator.GetFormAsync($"/Conservation/Treatments/Steps/{reference}", "#step-form"))
            .Set("Input.StepTypeId", stepType).Set("Input.Description", description).Set("Input.MinutesSpent", minutes);
        for (var i = 0; i < materials.Length; i++)
        {
            form.Set($"Input.Materials[{i}].Product", materials[i].Product);
            form.Set($"Input.Materials[{i}].Concentration", materials[i].Concentration ?? string.Empty);
            form.Set($"Input.Materials[{i}].Solvent", materials[i].Solvent ?? string.Empty);
            form.Set($"Input.Materials[{i}].Batch", materials[i].Batch ?? string.Empty);
        }

        using var response = await conservator.SubmitAsync(form);
        await response.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");
        Assert.That(await conservator.FlashOnDetailsAsync(reference), Does.Contain("The step was saved."));
    }

    [Test]
    public async Task A_curator_returns_a_proposal_saying_what_it_needs_and_the_record_shows_it_until_the_proposal_is_revised()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.Proposed);
        var review = $"/Conservation/Treatments/Approve/{reference}";
        var page = await curator.GetPageAsync(review);
        Assert.That(page.QuerySelector("#proposal")?.Collapsed(), Is.EqualTo("Soak in deionised water."), "the reviewer reads what they decide on");
        var form = HtmlForm.From(page, new Uri(curator.BaseAddress!, review), "#review-form");

        using (var silent = await curator.PostAsync($"{review}?handler=Return", form.ToContent()))
        {
            Assert.That(silent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await silent.ReadHtmlAsync()).MessageFor("Comment"), Does.Contain("Say what the proposal needs before it can be approved."));
        }

        Assert.That((await SnapshotAsync(reference)).Version, Is.EqualTo(1), "nothing stored");
        using (var returned = await curator.PostAsync($"{review}?handler=Return", form.Set("comment", "Give the number of baths and how the conductivity is measured.").ToContent()))
            await returned.ExpectRedirectAsync(curator, $"/Conservation/Treatments/Details/{reference}");

        var details = await conservator.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        Assert.That(details.QuerySelector("#status")!.Collapsed(), Is.EqualTo("Proposed"));
        Assert.That(details.QuerySelector("#awaiting-revision")?.Collapsed(), Does.Contain("Give the number of baths").And.Contain("Returned for revision on"));
        Assert.That(details.QuerySelector("#reviews")?.Collapsed(), Does.Contain("Returned for revision"));
        var worklist = await curator.GetPageAsync("/Conservation");
        var row = worklist.QuerySelectorAll("table.treatments tr").Single(r => r.QuerySelector($"a[href$='/{reference}']") is not null);
        Assert.That(row.QuerySelector(".awaiting-revision")?.Collapsed(), Is.EqualTo("Returned for revision"), "the worklist says whose turn it is");

        var edit = await conservator.GetFormAsync($"/Conservation/Treatments/Edit/{reference}", "#treatment-form");
        using (var revised = await conservator.SubmitAsync(edit.Set("Input.Proposal", "Three baths of deionised water; conductivity read daily.")))
            await revised.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");
        var after = await conservator.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        Assert.That(after.QuerySelector("#awaiting-revision"), Is.Null, "the revision answers the review");
        Assert.That(after.QuerySelector("#reviews")?.Collapsed(), Does.Contain("Give the number of baths"), "the review stays on the record");
    }

    [Test]
    public async Task An_approval_given_with_a_comment_is_listed_among_the_reviews()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.Proposed);
        var review = $"/Conservation/Treatments/Approve/{reference}";
        var form = (await curator.GetFormAsync(review, "#review-form")).Set("comment", "Photograph the glaze before each bath.");

        using (var approved = await curator.SubmitAsync(form))
            await approved.ExpectRedirectAsync(curator, $"/Conservation/Treatments/Details/{reference}");

        var details = await conservator.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        Assert.That(details.QuerySelector("#status")!.Collapsed(), Is.EqualTo("Approved"));
        Assert.That(details.QuerySelector("#reviews")?.Collapsed(), Does.Contain("Approved").And.Contain("Photograph the glaze before each bath."));
    }

    [Test]
    public async Task A_step_added_before_the_work_starts_is_planned_without_asking_who_did_it_or_when()
    {
        var reference = await records.TreatmentAsync(await records.ArtifactAsync(), TreatmentStatus.Approved);
        var page = await conservator.GetPageAsync($"/Conservation/Treatments/Steps/{reference}");
        Assert.That(page.QuerySelector("#planned-step"), Is.Not.Null);
        Assert.That(page.QuerySelector("[name='Input.PerformedOn'], [name='Input.PerformedBy'], [name='Input.MinutesSpent']"), Is.Null);
        var form = HtmlForm.From(page, new Uri(conservator.BaseAddress!, $"/Conservation/Treatments/Steps/{reference}"), "#step-form")
            .Set("Input.StepTypeId", desalination).Set("Input.Description", "Three baths of deionised water");

        using (var planned = await conservator.SubmitAsync(form))
            await planned.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");
        var stored = await WithDatabaseAsync(db => db.Treatments.Where(t => t.Reference == reference).SelectMany(t => t.Steps).SingleAsync());
        Assert.That((stored.Description, stored.PerformedOn, stored.PerformedBy), Is.EqualTo(("Three baths of deionised water", (DateOnly?)null, (string?)null)));

        // A date sent all the same (the form has no such field) is refused, and said.
        var sent = form.Values.Where(v => v.Key != "version")
            .Append(new("version", "3")).Append(new("Input.PerformedOn", ConservationForms.Day(ConservationForms.Today)));
        using var dated = await conservator.PostAsync(form.Action, new FormUrlEncodedContent(sent));
        Assert.That(dated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await dated.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.Collapsed(), Does.Contain("Until the work starts, steps are planned"));
    }

    /// <summary>Posts a request the treatment's stage does not allow and checks the record page says so, naming the stage.</summary>
    private async Task ExpectRefusedForItsStageAsync(string reference, string url, string stage, params (string Name, string Value)[] fields)
    {
        using var response = await conservator.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

        await response.ExpectRedirectAsync(conservator, $"/Conservation/Treatments/Details/{reference}");
        var alert = await conservator.FlashOnDetailsAsync(reference);
        Assert.That(alert, Does.Contain("refused for its stage").And.Contain($"{reference} is {stage}").IgnoreCase, $"POST {url}");
    }

    private static async Task<string> StatusShownAsync(HttpClient client, string reference) =>
        (await client.GetPageAsync($"/Conservation/Treatments/Details/{reference}")).QuerySelector("#status")!.Collapsed();

    private Task<string?> StoredOutcomeAsync(string reference) =>
        WithDatabaseAsync(db => db.Treatments.Where(t => t.Reference == reference).Select(t => t.Outcome).SingleAsync());

    private sealed record Snapshot(TreatmentStatus Status, int Version, string Title, int Steps);

    private Task<Snapshot> SnapshotAsync(string reference) => WithDatabaseAsync(db => db.Treatments.Where(t => t.Reference == reference)
        .Select(t => new Snapshot(t.Status, t.Version, t.Title, t.Steps.Count)).SingleAsync());

    private static string Id(VocabularyTerm term) => term.Id.ToString(CultureInfo.InvariantCulture);
}
