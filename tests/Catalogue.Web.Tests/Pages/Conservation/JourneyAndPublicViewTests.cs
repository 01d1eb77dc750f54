using System.Net;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Excavation;

namespace Catalogue.Web.Tests.Pages.Conservation;

/// <summary>
/// A published artifact with a condition report and a signed-off treatment: staff see both on its journey; the public
/// catalogue and the public API show nothing of the conservation record.
/// </summary>
public sealed class JourneyAndPublicViewTests() : CatalogueApp()
{
    private const string Examiner = "Nguyễn Văn Khải";
    private const string TreatmentTitle = "Desalination of the glazed tile";

    private string artifact = null!;
    private string report = null!;
    private string treatment = null!;

    [OneTimeSetUp]
    public async Task RecordAPublishedArtifactWithItsConservation()
    {
        var records = new ConservationRecords(App.Services);
        artifact = await records.ArtifactAsync("Published phoenix tile", PublicationStatus.Published);
        report = await records.ReportAsync(artifact, new DateOnly(2025, 2, 3), ConservationPriority.Urgent, new DateOnly(2025, 8, 3), OverallCondition.Poor, Examiner);
        treatment = await records.TreatmentAsync(artifact, TreatmentStatus.SignedOff, TreatmentTitle);
    }

    [Test]
    public async Task The_artifact_page_journey_shows_the_condition_check_and_each_stage_of_the_treatment_with_links_to_the_records()
    {
        using var viewer = await SignInAsync(Roles.Viewer);
        var page = await viewer.GetPageAsync($"/Artifacts/Details/{artifact}");

        var journey = page.QuerySelectorAll("#journey > li").ToList();
        var check = journey.Single(li => li.QuerySelector("a")?.GetAttribute("href") == $"/Conservation/Reports/Details/{report}");
        Assert.That(check.Collapsed(), Does.Contain("2025-02-03").And.Contain("Condition check").And.Contain(Examiner));
        var stages = journey.Where(li => li.QuerySelector("a")?.GetAttribute("href") == $"/Conservation/Treatments/Details/{treatment}")
            .Select(li => li.QuerySelector("strong")!.TextContent.Trim()).ToList();
        Assert.That(stages, Is.EqualTo(new[] { "Treatment proposed", "Treatment completed", "Treatment signed off" }));
        Assert.That(journey.Select(li => li.QuerySelector(".when")!.TextContent), Is.Ordered, "oldest first");
        Assert.That(page.QuerySelector("#condition-reports")!.Collapsed(), Does.Contain(report).And.Contain("Poor").And.Contain("Urgent"));
        Assert.That(page.QuerySelector("table.treatments")!.Collapsed(), Does.Contain(treatment).And.Contain(TreatmentTitle).And.Contain("Signed off"));
    }

    [TestCase("en-GB,en;q=0.9", "Poor condition (Routine), " + Examiner)]
    [TestCase("fr-FR,fr;q=0.9", "État : Mauvais (Contrôle périodique), " + Examiner)]
    [TestCase("vi-VN,vi;q=0.9", "Tình trạng: Kém (Định kỳ), " + Examiner)]
    public async Task The_journey_reads_in_the_readers_language(string languages, string line)
    {
        using var viewer = await SignInAsync(Roles.Viewer);
        viewer.DefaultRequestHeaders.AcceptLanguage.ParseAdd(languages);

        var page = await viewer.GetPageAsync($"/Artifacts/Details/{artifact}");

        var check = page.QuerySelectorAll("#journey > li").Single(li => li.QuerySelector("a")?.GetAttribute("href") == $"/Conservation/Reports/Details/{report}");
        Assert.That(check.Collapsed(), Does.Contain($"· {line} {report}"));
    }

    [Test]
    public async Task The_public_page_of_the_published_artifact_shows_no_conservation_record_or_field()
    {
        using var visitor = CreateClient();

        var page = await visitor.GetPageAsync($"/Collection/Details/{artifact}");

        Assert.That(page.QuerySelector("h1")!.TextContent, Does.Contain("Published phoenix tile"), "the visitor does see the artifact");
        var html = page.DocumentElement.OuterHtml;
        Assert.That(html, Does.Not.Contain(report).And.Not.Contain(treatment).And.Not.Contain(TreatmentTitle).And.Not.Contain(Examiner)
            .And.Not.Contain("/Conservation").And.Not.Contain("Condition report").And.Not.Contain("Treatment").And.Not.Contain("Urgent")
            .And.Not.Contain("Salts reduced").And.Not.Contain(ConservationRecords.Proposer));
        Assert.That(page.QuerySelector("#journey, #conservation, #condition-reports, table.treatments"), Is.Null);
    }

    [Test]
    public async Task The_public_collection_list_and_the_public_api_show_no_conservation_record()
    {
        using var visitor = CreateClient();

        var list = (await visitor.GetPageAsync($"/Collection?q={artifact}")).DocumentElement.OuterHtml;
        using var api = await visitor.GetAsync($"/api/artifacts/{artifact}");
        var json = await api.Content.ReadAsStringAsync();

        Assert.That(list, Does.Not.Contain(report).And.Not.Contain(treatment).And.Not.Contain(TreatmentTitle));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the published artifact is in the public API");
        Assert.That(json, Does.Contain(artifact).And.Not.Contain(report).And.Not.Contain(treatment).And.Not.Contain(TreatmentTitle)
            .And.Not.Contain(Examiner).And.Not.Contain("conservation").IgnoreCase.And.Not.Contain("treatment"));
    }

    [TestCase("/Conservation")]
    [TestCase("/Conservation/Reports/Details/{report}")]
    [TestCase("/Conservation/Treatments/Details/{treatment}")]
    public async Task An_anonymous_visitor_asking_for_a_conservation_page_is_sent_to_sign_in(string url)
    {
        using var visitor = CreateClient();

        using var response = await visitor.GetAsync(url.Replace("{report}", report, StringComparison.Ordinal).Replace("{treatment}", treatment, StringComparison.Ordinal));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(visitor.BaseAddress!)!.AbsolutePath, Is.EqualTo("/Account/Login"));
    }
}
