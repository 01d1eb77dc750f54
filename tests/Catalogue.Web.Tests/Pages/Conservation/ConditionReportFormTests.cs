using System.Globalization;
using System.Net;
using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Excavation;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Conservation;

/// <summary>/Conservation/Reports/Create, Edit and Details through the real form: what is refused, what is stored, and two editors.</summary>
public sealed class ConditionReportFormTests() : CatalogueApp()
{
    private HttpClient conservator = null!;
    private TestUser secondConservator = null!;
    private HttpClient otherConservator = null!;
    private ConservationRecords records = null!;
    private string crack = null!;

    [OneTimeSetUp]
    public async Task SignInTwoConservators()
    {
        records = new ConservationRecords(App.Services);
        conservator = await SignInAsync(Roles.Conservator);
        secondConservator = await CreateUserAsync(Roles.Conservator, "second.conservator@catalogue.test");
        otherConservator = await SignInAsync(secondConservator);
        crack = (await records.TermAsync(Vocabulary.Damage, "crack")).Id.ToString(CultureInfo.InvariantCulture);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        conservator.Dispose();
        otherConservator.Dispose();
    }

    [Test]
    public async Task The_form_proposes_no_condition_and_a_report_without_one_is_refused_naming_the_field()
    {
        var artifact = await records.ArtifactAsync();
        var form = await conservator.GetFormAsync($"/Conservation/Reports/Create?artifact={artifact}", "#report-form");
        Assert.That(form.Value("Input.Overall"), Is.Empty, "nothing is chosen for the examiner");
        var reports = await WithDatabaseAsync(db => db.ConditionReports.CountAsync());

        using var response = await conservator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.Overall"), Does.Contain("Overall condition is required"));
        Assert.That(await WithDatabaseAsync(db => db.ConditionReports.CountAsync()), Is.EqualTo(reports));
    }

    [Test]
    public async Task The_form_proposes_today_and_the_signed_in_conservator_as_examiner()
    {
        var artifact = await records.ArtifactAsync();

        var form = await conservator.ReportFormAsync(artifact);

        Assert.That(form.Value("Input.ExaminedOn"), Is.EqualTo(ConservationForms.Day(ConservationForms.Today)));
        Assert.That(form.Value("Input.Examiner"), Is.EqualTo((await UserAsync(Roles.Conservator)).Email));
        Assert.That(form.Value("Input.AccessionNumber"), Is.EqualTo(artifact));
        Assert.That(form.AntiforgeryToken, Is.Not.Empty);
    }

    [Test]
    public async Task A_report_with_damage_is_stored_and_its_record_copy_shows_the_object_and_every_observation()
    {
        var artifact = await records.ArtifactAsync("Celadon dish with incised lotus");
        var form = (await conservator.ReportFormAsync(artifact))
            .Set("Input.ExaminedOn", "2025-03-10")
            .Set("Input.Examiner", "Trần Thị Mai")
            .Set("Input.Purpose", nameof(ConditionCheckPurpose.LoanDeparture))
            .Set("Input.Overall", nameof(OverallCondition.Poor))
            .Set("Input.Observations[0].DamageTypeId", crack)
            .Set("Input.Observations[0].Location", "foot ring")
            .Set("Input.Observations[0].Severity", nameof(DamageSeverity.Severe))
            .Set("Input.Observations[0].Notes", "hairline, 4 cm")
            .Set("Input.Priority", nameof(ConservationPriority.High))
            .Set("Input.NextCheckDue", "2025-09-10")
            .Set("Input.Hazards", "Sharp edge at the break")
            .Set("Input.Recommendation", "Consolidate before travel");

        var reference = await conservator.SubmitExpectingRecordAsync(form, "/Conservation/Reports/Details/");

        var stored = await WithDatabaseAsync(db => db.ConditionReports.Include(r => r.Observations)
            .SingleAsync(r => r.Reference == reference && r.Artifact!.AccessionNumber == artifact));
        Assert.That((stored.Overall, stored.Priority, stored.Purpose, stored.NextCheckDue), Is.EqualTo(
            (OverallCondition.Poor, ConservationPriority.High, ConditionCheckPurpose.LoanDeparture, (DateOnly?)new DateOnly(2025, 9, 10))));
        Assert.That(stored.Observations.Select(o => (o.Location, o.Severity)), Is.EqualTo(new[] { ("foot ring", DamageSeverity.Severe) }),
            "blank observation rows are skipped");
        var page = await conservator.GetPageAsync($"/Conservation/Reports/Details/{reference}");
        var text = page.Text();
        Assert.That(page.QuerySelector("[role=status]")?.TextContent, Does.Contain($"Condition report {reference} was saved."));
        Assert.That(page.QuerySelector("dl.identification")!.Collapsed(), Does.Contain(artifact).And.Contain("Celadon dish with incised lotus"));
        Assert.That(page.QuerySelector("#overall")!.Collapsed(), Is.EqualTo("Poor"));
        Assert.That(page.QuerySelector("#observations tbody tr")!.Collapsed(), Does.Contain("foot ring").And.Contain("Severe").And.Contain("hairline, 4 cm"));
        Assert.That(text, Does.Contain("2025-03-10").And.Contain("Trần Thị Mai").And.Contain("Loan departure").And.Contain("Sharp edge at the break")
            .And.Contain("Consolidate before travel").And.Contain("2025-09-10"));
    }

    public static IEnumerable<TestCaseData> BadInput()
    {
        yield return Case("no examiner", "Input.Examiner", "Examiner is required", ("Input.Examiner", ""));
        yield return Case("no date", "Input.ExaminedOn", "Examined on is required", ("Input.ExaminedOn", ""));
        yield return Case("not a date", "Input.ExaminedOn", "2025-02-31", ("Input.ExaminedOn", "2025-02-31"));
        yield return Case("poor without damage", "Input.Observations", "Record at least one observed damage when the condition is not good",
            ("Input.Overall", "Poor"));
        yield return Case("next check before the examination", "Input.NextCheckDue", "Next check due must be after the examination date",
            ("Input.ExaminedOn", "2025-03-10"), ("Input.NextCheckDue", "2025-03-01"));
        yield return Case("observation without a damage", "Input.Observations[0].DamageTypeId", "Each observation names the kind of damage",
            ("Input.Observations[0].Location", "rim"));
        yield return Case("hazards too long", "Input.Hazards", "Hazards must be at most 1000 characters", ("Input.Hazards", new string('x', 1001)));
        yield return Case("an unknown condition", "Input.Overall", "Shattered", ("Input.Overall", "Shattered"));
        yield return Case("a damage that is not in the damage list", "Input.Observations", "Every damage must be a term of the damage list",
            ("Input.Overall", "Fair"), ("Input.Observations[0].DamageTypeId", "999999"));

        static TestCaseData Case(string name, string field, string message, params (string, string)[] fields) =>
            new TestCaseData(field, message, fields).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(BadInput))]
    public async Task Bad_input_re_renders_the_form_with_a_message_on_the_field_and_stores_nothing(string field, string message, (string Name, string Value)[] fields)
    {
        var artifact = await records.ArtifactAsync();
        var form = await conservator.ReportFormAsync(artifact);
        foreach (var (name, value) in fields)
            form.Set(name, value);

        using var response = await conservator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.MessageFor(field), Does.Contain(message));
        Assert.That(page.QuerySelector("#report-form"), Is.Not.Null, "the form is shown again");
        Assert.That(page.QuerySelectorAll("select[name^='Input.Observations'][name$='DamageTypeId']"), Has.Length.GreaterThanOrEqualTo(1), "with rows for damage");
        Assert.That(await WithDatabaseAsync(db => db.ConditionReports.AnyAsync(r => r.Artifact!.AccessionNumber == artifact)), Is.False);
    }

    [Test]
    public async Task A_report_for_an_unknown_artifact_is_not_found()
    {
        using var response = await conservator.GetAsync("/Conservation/Reports/Create?artifact=ZZ.1999.0001");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_edit_through_the_form_changes_the_report_and_its_history_says_who_changed_what()
    {
        var artifact = await records.ArtifactAsync();
        var reference = await records.ReportAsync(artifact, new DateOnly(2025, 1, 15));
        var form = (await conservator.GetFormAsync($"/Conservation/Reports/Edit/{reference}", "#report-form"))
            .Set("Input.Recommendation", "Re-house in a padded box");

        using var response = await conservator.SubmitAsync(form);

        await response.ExpectRedirectAsync(conservator, $"/Conservation/Reports/Details/{reference}");
        var page = await conservator.GetPageAsync($"/Conservation/Reports/Details/{reference}");
        Assert.That(page.Text(), Does.Contain("Re-house in a padded box"));
        Assert.That(page.QuerySelector("ol.history")!.Collapsed(), Does.Contain("Recommendation").And.Contain((await UserAsync(Roles.Conservator)).Email));
    }

    [Test]
    public async Task When_two_conservators_save_the_same_version_the_second_gets_a_conflict_naming_the_first_and_the_first_edit_is_kept()
    {
        var artifact = await records.ArtifactAsync();
        var reference = await records.ReportAsync(artifact, new DateOnly(2025, 2, 1));
        var first = await conservator.GetFormAsync($"/Conservation/Reports/Edit/{reference}", "#report-form");
        var second = await otherConservator.GetFormAsync($"/Conservation/Reports/Edit/{reference}", "#report-form");
        Assert.That(second.Value("Input.Version"), Is.EqualTo(first.Value("Input.Version")));

        using var firstSave = await otherConservator.SubmitAsync(second.Set("Input.Notes", "Checked under UV"));
        using var secondSave = await conservator.SubmitAsync(first.Set("Input.Notes", "Checked in raking light"));

        Assert.That(firstSave.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(secondSave.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var page = await secondSave.ReadHtmlAsync();
        Assert.That(page.QuerySelector(".validation-summary-errors")?.Collapsed(),
            Does.Contain($"{reference} was changed by {secondConservator.Email}").And.Contain("Nothing was saved"));
        Assert.That(page.QuerySelector("#Input_Notes")?.TextContent, Is.EqualTo("Checked in raking light"), "what the second editor typed is still there");
        Assert.That(await WithDatabaseAsync(db => db.ConditionReports.Where(r => r.Reference == reference).Select(r => r.Notes).SingleAsync()),
            Is.EqualTo("Checked under UV"));
    }

    [Test]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_stores_nothing()
    {
        var artifact = await records.ArtifactAsync();
        var form = (await conservator.ReportFormAsync(artifact)).Remove(HtmlForm.TokenField);

        using var response = await conservator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await WithDatabaseAsync(db => db.ConditionReports.AnyAsync(r => r.Artifact!.AccessionNumber == artifact)), Is.False);
    }
}
