using System.Net;
using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Excavation;
using Catalogue.Web.Tests.Pages.Media;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Conservation;

/// <summary>
/// A day after it is recorded, a condition report is a permanent record: no edit, no photograph taken off; a correction
/// is a dated amendment shown beside it.
/// </summary>
public sealed class ReportPermanenceTests() : CatalogueApp()
{
    private readonly MovableClock clock = new();

    protected override void Configure(CatalogueFactory app) => app.Clock = clock;

    [TearDown]
    public void PutTheClockBack() => clock.Shift = TimeSpan.Zero;

    [Test]
    public async Task A_report_a_day_old_offers_a_new_report_instead_of_an_edit_and_refuses_edits_and_detaching_photographs()
    {
        var records = new ConservationRecords(App.Services);
        var reference = await records.ReportAsync(await records.ArtifactAsync(), ConservationForms.Today);
        using (var today = await SignInAsync(Roles.Conservator))
        {
            var (status, body) = await today.UploadToAsync($"/Conservation/Reports/Images/{reference}", ("crack.jpg", MediaUploads.Jpeg(400, 300, "crack")));
            Assert.That(status, Is.EqualTo(200), body.ToString());
            var fresh = await today.GetPageAsync($"/Conservation/Reports/Details/{reference}");
            Assert.That(fresh.QuerySelector($"a[href='/Conservation/Reports/Edit/{reference}']"), Is.Not.Null, "the day it is recorded, it can be corrected");
        }

        var image = await WithDatabaseAsync(db => db.MediaLinks.Where(l => l.OwnerKey == reference).Select(l => l.Image!.Sha256).SingleAsync());
        clock.Shift = ConditionReport.CorrectionWindow + TimeSpan.FromMinutes(1);
        using var conservator = await SignInAsync(Roles.Conservator);

        var page = await conservator.GetPageAsync($"/Conservation/Reports/Details/{reference}");
        Assert.That(page.QuerySelector($"a[href='/Conservation/Reports/Edit/{reference}']"), Is.Null);
        Assert.That(page.QuerySelector("#permanent-record")?.TextContent, Does.Contain("permanent record"));
        Assert.That(page.QuerySelector("a[href^='/Conservation/Reports/Create?artifact=']"), Is.Not.Null, "a new report is offered");

        using (var edit = await conservator.GetAsync($"/Conservation/Reports/Edit/{reference}"))
            Assert.That(edit.Headers.Location?.ToString(), Is.EqualTo($"/Conservation/Reports/Details/{reference}"));
        var detach = await conservator.GetFormAsync($"/Conservation/Reports/Images/{reference}", $"form:has(input[name=imageId][value='{image}'])");
        using (var response = await conservator.SubmitAsync(detach))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var after = await conservator.GetPageAsync($"/Conservation/Reports/Images/{reference}");
        Assert.That(after.QuerySelector("[role=alert]")?.TextContent, Does.Contain("permanent record"));
        Assert.That(await WithDatabaseAsync(db => db.MediaLinks.CountAsync(l => l.OwnerKey == reference)), Is.EqualTo(1), "the photograph stays");
    }

    [Test]
    public async Task A_report_that_stands_as_written_is_corrected_by_an_amendment_shown_beside_it()
    {
        var records = new ConservationRecords(App.Services);
        var reference = await records.ReportAsync(await records.ArtifactAsync(), ConservationForms.Today);
        using (var today = await SignInAsync(Roles.Conservator))
        using (var early = await today.GetAsync($"/Conservation/Reports/Amend/{reference}"))
            Assert.That(early.Headers.Location?.ToString(), Is.EqualTo($"/Conservation/Reports/Edit/{reference}"), "on its first day a report is edited");

        clock.Shift = ConditionReport.CorrectionWindow + TimeSpan.FromMinutes(1);
        using var conservator = await SignInAsync(Roles.Conservator);
        var details = await conservator.GetPageAsync($"/Conservation/Reports/Details/{reference}");
        Assert.That(details.QuerySelector("#amend-link"), Is.Not.Null);
        var form = await conservator.GetFormAsync($"/Conservation/Reports/Amend/{reference}", "#amend-form");
        Assert.That(form.Choices("section"), Does.Contain("Damage observed").And.Contain("Recommendation"));

        using (var refused = await conservator.SubmitAsync(form.Set("section", "Recommendation").Set("text", "Re-house in a padded box.")))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await refused.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.TextContent, Does.Contain("An amendment needs a reason."));
        }

        using (var added = await conservator.SubmitAsync(form.Set("reason", "The box size was left out.")))
            await added.ExpectRedirectAsync(conservator, $"/Conservation/Reports/Details/{reference}");

        var after = await conservator.GetPageAsync($"/Conservation/Reports/Details/{reference}");
        Assert.That(after.QuerySelector("[role=status]")?.TextContent, Does.Contain($"The amendment was added to {reference}."));
        var amendment = after.QuerySelector("#amendments + .amendment")?.TextContent;
        Assert.That(amendment, Does.Contain("Re-house in a padded box.").And.Contain("The box size was left out.").And.Contain("Recommendation"));
    }
}
