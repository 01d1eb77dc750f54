using System.Net;
using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Excavation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Pages.Conservation;

/// <summary>
/// Conservators (and admins) write condition reports and treatments; curators, senior conservators (and admins) approve
/// and sign off; everyone else reads. Every refused POST carries a valid request with a token the refused person really
/// holds, aimed at a record in the stage where the request would succeed, so it is the role that is refused.
/// </summary>
public sealed class ConservationPermissionTests() : CatalogueApp()
{
    private const string Anonymous = "anonymous";
    private const string SeniorConservator = "senior conservator";

    private ConservationRecords records = null!;
    private TestUser senior = null!;
    private string artifact = null!;
    private readonly Dictionary<TreatmentStatus, string> treatments = [];
    private string report = null!;
    private int stepId;
    private int stepType;

    /// <summary>A POST handler and the fields of a request that would succeed for someone allowed.</summary>
    public sealed record Handler(string Name, bool ApproversOnly, Func<ConservationPermissionTests, string> Url, Func<ConservationPermissionTests, (string, string)[]> Fields)
    {
        public override string ToString() => Name;
    }

    private static readonly Handler[] Handlers =
    [
        new("new condition report", false, _ => "/Conservation/Reports/Create",
            t => [("Input.AccessionNumber", t.artifact), ("Input.ExaminedOn", "2025-05-01"), ("Input.Examiner", "Someone"), ("Input.Overall", "Good")]),
        new("condition report edit", false, t => $"/Conservation/Reports/Edit/{t.report}",
            t => [("Input.AccessionNumber", t.artifact), ("Input.Version", "1"), ("Input.ExaminedOn", "2025-05-01"), ("Input.Examiner", "Changed"), ("Input.Overall", "Good")]),
        new("treatment proposal", false, _ => "/Conservation/Treatments/Propose", t => [("Input.AccessionNumber", t.artifact), ("Input.Title", "Unwanted treatment")]),
        new("treatment edit", false, t => $"/Conservation/Treatments/Edit/{t.treatments[TreatmentStatus.Proposed]}",
            t => [("Input.Title", "Changed title"), ("Input.Version", t.Version(TreatmentStatus.Proposed))]),
        new("new step", false, t => $"/Conservation/Treatments/Steps/{t.treatments[TreatmentStatus.InProgress]}",
            t => [("version", t.Version(TreatmentStatus.InProgress)), ("Input.StepTypeId", t.stepType.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        new("step removal", false, t => $"/Conservation/Treatments/Steps/{t.treatments[TreatmentStatus.InProgress]}/{t.stepId}?handler=Remove",
            t => [("version", t.Version(TreatmentStatus.InProgress))]),
        new("start of work", false, t => $"/Conservation/Treatments/Progress/{t.treatments[TreatmentStatus.Approved]}?handler=Start",
            t => [("version", t.Version(TreatmentStatus.Approved))]),
        new("completion", false, t => $"/Conservation/Treatments/Progress/{t.treatments[TreatmentStatus.InProgress]}?handler=Complete",
            t => [("version", t.Version(TreatmentStatus.InProgress)), ("outcome", "Done")]),
        new("amendment", false, t => $"/Conservation/Treatments/Amend/{t.treatments[TreatmentStatus.SignedOff]}",
            t => [("section", "Outcome"), ("text", "Corrected"), ("reason", "Typo")]),
        new("approval", true, t => $"/Conservation/Treatments/Approve/{t.treatments[TreatmentStatus.Proposed]}",
            t => [("version", t.Version(TreatmentStatus.Proposed))]),
        new("sign-off", true, t => $"/Conservation/Treatments/SignOff/{t.treatments[TreatmentStatus.Completed]}",
            t => [("version", t.Version(TreatmentStatus.Completed))]),
    ];

    private static IEnumerable<TestCaseData> RefusedPosts() =>
        from handler in Handlers
        from identity in handler.ApproversOnly
            ? new[] { Anonymous, Roles.Conservator, Roles.Archaeologist, Roles.Viewer }
            : new[] { Anonymous, Roles.Curator, Roles.Archaeologist, Roles.Viewer }
        select new TestCaseData(handler, identity).SetArgDisplayNames(handler.Name, identity);

    private readonly Dictionary<TreatmentStatus, int> versions = [];

    private string Version(TreatmentStatus stage) => versions[stage].ToString(System.Globalization.CultureInfo.InvariantCulture);

    [OneTimeSetUp]
    public async Task RecordTreatmentsAtEveryStage()
    {
        records = new ConservationRecords(App.Services);
        senior = await CreateUserAsync(Roles.Conservator, "senior.conservator@catalogue.test");
        await WithServicesAsync(async s => (await s.GetRequiredService<UserAdministration>().SetSeniorConservatorAsync(senior.Id, true)).Succeeded);
        artifact = await records.ArtifactAsync("Bronze bell");
        report = await records.ReportAsync(artifact, new DateOnly(2025, 4, 1));
        stepType = (await records.TermAsync(Core.Vocabularies.Vocabulary.TreatmentStep, "surface-cleaning")).Id;
        foreach (var stage in Enum.GetValues<TreatmentStatus>())
            treatments[stage] = await records.TreatmentAsync(artifact, stage);
        await WithDatabaseAsync(async db =>
        {
            foreach (var (stage, reference) in treatments)
                versions[stage] = await db.Treatments.Where(t => t.Reference == reference).Select(t => t.Version).SingleAsync();
            stepId = await db.Treatments.Where(t => t.Reference == treatments[TreatmentStatus.InProgress]).SelectMany(t => t.Steps).Select(s => s.Id).SingleAsync();
            return true;
        });
    }

    [TestCaseSource(nameof(RefusedPosts))]
    public async Task A_post_by_someone_whose_role_does_not_allow_it_is_refused_and_changes_nothing(Handler handler, string identity)
    {
        var before = await ConservationStateAsync();
        using var client = identity == Anonymous ? CreateClient() : await SignInAsync(identity);
        var fields = handler.Fields(this).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToList();
        if (identity != Anonymous)
            fields.Add(new(HtmlForm.TokenField, await client.OwnAntiforgeryTokenAsync()));

        using var response = await client.PostAsync(handler.Url(this), new FormUrlEncodedContent(fields));

        if (identity == Anonymous)
            Assert.That((response.StatusCode, response.RedirectTarget(client.BaseAddress!)?.AbsolutePath),
                Is.EqualTo((HttpStatusCode.Redirect, "/Account/Login")), "an anonymous visitor is sent to sign in");
        else
            response.ExpectRefused(client);
        Assert.That(await ConservationStateAsync(), Is.EqualTo(before), "nothing was stored or changed");
    }

    [Test]
    public async Task A_plain_conservator_cannot_approve_but_a_senior_conservator_can()
    {
        var reference = await records.TreatmentAsync(artifact, TreatmentStatus.Proposed, "Consolidation of the handle");
        using var conservator = await SignInAsync(Roles.Conservator);
        using var seniorClient = await SignInAsync(senior);

        var page = await conservator.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        Assert.That(page.QuerySelector("#approve-form"), Is.Null, "a plain conservator is not offered approval");
        using (var refused = await conservator.PostAsync($"/Conservation/Treatments/Approve/{reference}", new FormUrlEncodedContent(
                   [new(HtmlForm.TokenField, await conservator.OwnAntiforgeryTokenAsync()), new("version", "1")])))
            refused.ExpectRefused(conservator);
        Assert.That(await StatusAsync(reference), Is.EqualTo(TreatmentStatus.Proposed));

        await seniorClient.ActOnDetailsPageAsync(reference, "#approve-form");

        Assert.That(await StatusAsync(reference), Is.EqualTo(TreatmentStatus.Approved));
        var approved = await seniorClient.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        Assert.That(approved.QuerySelector("#approved")!.Collapsed(), Does.Contain(senior.Email));
    }

    [Test]
    public async Task The_record_page_offers_each_role_only_the_actions_it_may_take()
    {
        var proposed = $"/Conservation/Treatments/Details/{treatments[TreatmentStatus.Proposed]}";
        using var viewer = await SignInAsync(Roles.Viewer);
        using var archaeologist = await SignInAsync(Roles.Archaeologist);
        using var curator = await SignInAsync(Roles.Curator);
        using var conservator = await SignInAsync(Roles.Conservator);

        foreach (var reader in new[] { viewer, archaeologist })
        {
            var page = await reader.GetPageAsync(proposed);
            Assert.That(page.QuerySelectorAll("main .actions form, main .actions a[href*='/Edit/'], main .actions a[href*='/Steps/']"), Is.Empty,
                "a reader is offered nothing that changes the record");
            Assert.That(page.QuerySelector("h1")!.TextContent, Does.Contain("Desalination and consolidation"), "but reads it");
        }

        var curatorPage = await curator.GetPageAsync(proposed);
        Assert.That(curatorPage.QuerySelector("#approve-form"), Is.Not.Null);
        Assert.That(curatorPage.QuerySelectorAll("main .actions a[href*='/Edit/'], main .actions a[href*='/Steps/']"), Is.Empty);
        var conservatorPage = await conservator.GetPageAsync(proposed);
        Assert.That(conservatorPage.QuerySelector("#approve-form"), Is.Null);
        Assert.That(conservatorPage.QuerySelectorAll("main .actions a[href*='/Edit/'], main .actions a[href*='/Steps/']"), Has.Length.EqualTo(2));
        var artifactPage = await curator.GetPageAsync($"/Artifacts/Details/{artifact}");
        Assert.That(artifactPage.QuerySelector("a[href^='/Conservation/Reports/Create']"), Is.Null, "a curator does not write condition reports");
    }

    [Test]
    public async Task An_admin_may_record_a_condition_report()
    {
        using var admin = await SignInAsync(Roles.Admin);
        var form = (await admin.ReportFormAsync(artifact)).Set("Input.ExaminedOn", "2025-06-02");

        var reference = await admin.SubmitExpectingRecordAsync(form, "/Conservation/Reports/Details/");

        Assert.That(await WithDatabaseAsync(db => db.ConditionReports.AnyAsync(r => r.Reference == reference && r.Artifact!.AccessionNumber == artifact)), Is.True);
    }

    private Task<TreatmentStatus> StatusAsync(string reference) =>
        WithDatabaseAsync(db => db.Treatments.Where(t => t.Reference == reference).Select(t => t.Status).SingleAsync());

    /// <summary>Every count and version of the conservation record, to see that a refused request changed nothing.</summary>
    private Task<string> ConservationStateAsync() => WithDatabaseAsync(async db => string.Join(" ",
        await db.ConditionReports.CountAsync(), await db.ConditionReports.SumAsync(r => r.Version), await db.Treatments.CountAsync(),
        await db.Treatments.SumAsync(t => t.Version), await db.Set<TreatmentStep>().CountAsync(), await db.Set<TreatmentAmendment>().CountAsync()));
}
