using System.Net;
using AngleSharp.Dom;
using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Excavation;

namespace Catalogue.Web.Tests.Pages.Conservation;

/// <summary>/Conservation: checks due or overdue (by priority and horizon) and treatments waiting for approval, work or sign-off.</summary>
public sealed class WorklistTests() : CatalogueApp()
{
    private HttpClient viewer = null!;
    private ConservationRecords records = null!;
    private string overdueHigh = null!;
    private string dueSoonLow = null!;
    private string dueLater = null!;
    private string recheckedSince = null!;
    private readonly Dictionary<TreatmentStatus, (string Artifact, string Reference)> treatments = [];

    [OneTimeSetUp]
    public async Task RecordChecksAndTreatments()
    {
        records = new ConservationRecords(App.Services);
        viewer = await SignInAsync(Roles.Viewer);
        var today = ConservationForms.Today;
        overdueHigh = await records.ArtifactAsync("Overdue bronze");
        await records.ReportAsync(overdueHigh, today.AddDays(-400), ConservationPriority.High, today.AddDays(-10), OverallCondition.Poor);
        dueSoonLow = await records.ArtifactAsync("Due soon");
        await records.ReportAsync(dueSoonLow, today.AddDays(-100), ConservationPriority.Low, today.AddDays(20));
        dueLater = await records.ArtifactAsync("Due later");
        await records.ReportAsync(dueLater, today.AddDays(-100), ConservationPriority.Medium, today.AddDays(200));
        recheckedSince = await records.ArtifactAsync("Rechecked since");
        await records.ReportAsync(recheckedSince, today.AddDays(-400), ConservationPriority.Urgent, today.AddDays(-30));
        await records.ReportAsync(recheckedSince, today.AddDays(-1), ConservationPriority.Low, today.AddDays(300));
        foreach (var stage in Enum.GetValues<TreatmentStatus>())
        {
            var artifact = await records.ArtifactAsync($"Treated {stage}");
            treatments[stage] = (artifact, await records.TreatmentAsync(artifact, stage));
        }
    }

    [OneTimeTearDown]
    public void DisposeClient() => viewer.Dispose();

    [Test]
    public async Task By_default_it_lists_checks_overdue_or_due_within_30_days_the_overdue_first_and_marked()
    {
        var page = await viewer.GetPageAsync("/Conservation");

        var due = DueRows(page);
        Assert.That(due.Keys, Does.Contain(overdueHigh).And.Contain(dueSoonLow));
        Assert.That(due.Keys, Does.Not.Contain(dueLater), "due in 200 days is beyond the horizon");
        Assert.That(due.Keys, Does.Not.Contain(recheckedSince), "the latest report decides when the next check is due");
        Assert.That(due[overdueHigh].ClassList, Does.Contain("overdue"));
        Assert.That(due[overdueHigh].Collapsed(), Does.Contain("10 days overdue").And.Contain("High"));
        Assert.That(due[dueSoonLow].ClassList, Does.Not.Contain("overdue"));
        Assert.That(due.Keys.ToList().IndexOf(overdueHigh), Is.LessThan(due.Keys.ToList().IndexOf(dueSoonLow)));
    }

    [Test]
    public async Task A_longer_horizon_brings_in_later_checks_and_a_shorter_one_leaves_out_the_near_ones_but_never_the_overdue()
    {
        var year = DueRows(await viewer.GetPageAsync("/Conservation?days=365")).Keys;
        var week = DueRows(await viewer.GetPageAsync("/Conservation?days=7")).Keys;

        Assert.That(year, Does.Contain(dueLater).And.Contain(dueSoonLow).And.Contain(overdueHigh));
        Assert.That(week, Does.Contain(overdueHigh).And.Not.Contain(dueSoonLow).And.Not.Contain(dueLater));
    }

    [Test]
    public async Task The_priority_filter_keeps_only_checks_of_that_priority_and_is_shown_selected()
    {
        var page = await viewer.GetPageAsync("/Conservation?priority=High&days=365");

        var due = DueRows(page);
        Assert.That(due.Keys, Does.Contain(overdueHigh).And.Not.Contain(dueSoonLow).And.Not.Contain(dueLater));
        Assert.That(due.Values.Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()), Is.All.EqualTo("High"));
        Assert.That(page.QuerySelector("#priority option[selected]")?.GetAttribute("value"), Is.EqualTo("High"));
    }

    [Test]
    public async Task Treatments_are_listed_under_what_they_wait_for_and_signed_off_ones_are_gone()
    {
        var page = await viewer.GetPageAsync("/Conservation");

        Assert.That(TreatmentsUnder(page, "Treatments awaiting approval"), Does.Contain(treatments[TreatmentStatus.Proposed].Reference)
            .And.Not.Contain(treatments[TreatmentStatus.Approved].Reference).And.Not.Contain(treatments[TreatmentStatus.InProgress].Reference));
        Assert.That(TreatmentsUnder(page, "Treatments approved or in progress"), Does.Contain(treatments[TreatmentStatus.Approved].Reference)
            .And.Contain(treatments[TreatmentStatus.InProgress].Reference).And.Not.Contain(treatments[TreatmentStatus.Proposed].Reference));
        Assert.That(TreatmentsUnder(page, "Treatments awaiting sign-off"), Does.Contain(treatments[TreatmentStatus.Completed].Reference)
            .And.Not.Contain(treatments[TreatmentStatus.InProgress].Reference));
        Assert.That(page.QuerySelectorAll("table.treatments a").Select(a => a.TextContent.Trim()), Does.Not.Contain(treatments[TreatmentStatus.SignedOff].Reference));
    }

    [TestCase("priority=Sometime")]
    [TestCase("days=soon")]
    [TestCase("days=-5")]
    [TestCase("days=99999999999")]
    public async Task A_filter_value_that_makes_no_sense_shows_the_worklist_rather_than_an_error(string query)
    {
        using var response = await viewer.GetAsync($"/Conservation?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(DueRows(await response.ReadHtmlAsync()).Keys, Does.Contain(overdueHigh));
    }

    /// <summary>The rows of the checks-due table, by accession number, in the order shown.</summary>
    private static Dictionary<string, IElement> DueRows(IDocument page) =>
        page.QuerySelectorAll("#due-checks tbody tr").ToDictionary(r => r.QuerySelector("td a")!.TextContent.Trim());

    /// <summary>The treatment references in the table under the heading that starts with <paramref name="heading"/>.</summary>
    private static List<string> TreatmentsUnder(IDocument page, string heading)
    {
        var h2 = page.QuerySelectorAll("h2").Single(h => h.TextContent.Trim().StartsWith(heading, StringComparison.Ordinal));
        return h2.NextElementSibling!.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
    }
}
