using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Media;

/// <summary>Photographs of finds (archaeologists) and condition reports (conservators): staff see them, the public never does.</summary>
public sealed class RecordPhotographsTests() : CatalogueApp()
{
    [Test]
    public async Task A_conservator_documents_a_condition_report_with_a_photograph_that_staff_see_and_the_public_does_not()
    {
        var reference = await WithDatabaseAsync(db => db.ConditionReports.OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync());
        var conservator = await SignInAsync(Roles.Conservator);

        var (status, body) = await conservator.UploadToAsync($"/Conservation/Reports/Images/{reference}", ("crack-detail.jpg", MediaUploads.Jpeg(800, 600, "crack")));

        Assert.That(status, Is.EqualTo(200));
        var outcome = body.GetProperty("outcomes")[0];
        Assert.That(outcome.GetProperty("attached").GetBoolean(), Is.True, outcome.GetProperty("message").GetString());
        var imageId = outcome.GetProperty("imageId").GetString()!;
        var viewer = await SignInAsync(Roles.Viewer);
        var page = await viewer.GetPageAsync($"/Conservation/Reports/Details/{reference}");
        Assert.Multiple(async () =>
        {
            Assert.That(page.QuerySelectorAll("[data-image-id]").Select(e => e.GetAttribute("data-image-id")), Does.Contain(imageId));
            Assert.That(page.QuerySelector("form#image-upload"), Is.Null, "a viewer is not offered the upload");
            Assert.That((int)(await viewer.GetAsync($"/iiif/3/{imageId}/info.json")).StatusCode, Is.EqualTo(200));
            Assert.That((int)(await CreateClient().GetAsync($"/iiif/3/{imageId}/info.json")).StatusCode, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task An_archaeologist_attaches_a_field_photograph_to_a_find_and_it_is_in_the_finds_history()
    {
        var number = await WithDatabaseAsync(db => db.Finds.OrderBy(f => f.Id).Select(f => f.FindNumber).FirstAsync());
        var archaeologist = await SignInAsync(Roles.Archaeologist);

        var (status, body) = await archaeologist.UploadToAsync($"/Excavation/Finds/Images/{number}", ("in-situ.jpg", MediaUploads.Jpeg(640, 480, "in-situ")));

        var imageId = body.GetProperty("outcomes")[0].GetProperty("imageId").GetString()!;
        var page = await archaeologist.GetPageAsync($"/Excavation/Finds/Details/{number}");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(page.QuerySelectorAll("[data-image-id]").Select(e => e.GetAttribute("data-image-id")), Does.Contain(imageId));
            Assert.That(page.QuerySelector("#history")!.TextContent, Does.Contain($"image {imageId[..12]}"));
        });
    }

    [Test]
    public async Task A_conservator_adds_a_before_photograph_to_a_treatment_step_and_the_treatment_shows_it()
    {
        var (reference, stepId) = await WithDatabaseAsync(async db =>
        {
            var treatment = await db.Treatments.Include(t => t.Steps)
                .Where(t => t.Status != Catalogue.Core.Conservation.TreatmentStatus.SignedOff && t.Steps.Any()).OrderBy(t => t.Id).FirstAsync();
            return (treatment.Reference, treatment.Steps.OrderBy(s => s.Order).First().Id);
        });
        var conservator = await SignInAsync(Roles.Conservator);
        var form = await conservator.GetFormAsync($"/Conservation/Treatments/StepImages/{reference}/{stepId}", "form#image-upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.AntiforgeryToken!), HtmlForm.TokenField },
            { new StringContent("Before"), "role" },
            { new ByteArrayContent(MediaUploads.Jpeg(640, 480, "before-cleaning")), "files", "before-cleaning.jpg" },
        };

        using var response = await conservator.PostAsync($"/Conservation/Treatments/StepImages/{reference}/{stepId}", content);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var link = await WithDatabaseAsync(db => db.MediaLinks.Include(l => l.Image).SingleAsync(l => l.TreatmentStepId == stepId));
        var page = await conservator.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        Assert.Multiple(() =>
        {
            Assert.That(link.Role, Is.EqualTo(Catalogue.Core.Media.MediaRole.Before));
            Assert.That(link.Image!.OriginalFileName, Is.EqualTo("before-cleaning.jpg"));
            Assert.That(page.QuerySelectorAll("#steps [data-image-id]").Select(e => e.GetAttribute("data-image-id")), Does.Contain(link.Image.Sha256));
        });
    }

    [Test]
    public async Task A_conservator_takes_a_photograph_off_an_open_treatments_step_but_never_off_a_signed_off_one()
    {
        var (reference, stepId, status) = await WithDatabaseAsync(async db =>
        {
            var treatment = await db.Treatments.Include(t => t.Steps)
                .Where(t => t.Status != Catalogue.Core.Conservation.TreatmentStatus.SignedOff && t.Steps.Any()).OrderByDescending(t => t.Id).FirstAsync();
            return (treatment.Reference, treatment.Steps.OrderBy(s => s.Order).Last().Id, treatment.Status.ToString());
        });
        var page = $"/Conservation/Treatments/StepImages/{reference}/{stepId}";
        var conservator = await SignInAsync(Roles.Conservator);
        var wrong = await UploadAsync(conservator, stepId, page, "wrong-step.jpg", "wrong step");
        var kept = await UploadAsync(conservator, stepId, page, "after-consolidation.jpg", "after consolidation");

        var remove = await conservator.GetFormAsync(page, $"form:has(input[name=imageId][value='{wrong}'])");
        using var removed = await conservator.SubmitAsync(remove);

        Assert.That((int)removed.StatusCode, Is.EqualTo(302));
        Assert.That(await LinksAsync(stepId, wrong), Is.Zero);
        var details = await conservator.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        var shown = details.QuerySelectorAll("#steps [data-image-id]").Select(e => e.GetAttribute("data-image-id")).ToList();
        Assert.That(shown, Does.Contain(kept).And.Not.Contain(wrong));

        // Once signed off, the step's photographs are part of the permanent record.
        var token = remove.AntiforgeryToken!;
        await WithDatabaseAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Treatments SET Status = 'SignedOff' WHERE Reference = {reference}"));
        try
        {
            var signedPage = await conservator.GetPageAsync(page);
            using var crafted = await conservator.PostAsync($"{page}?handler=Detach", new FormUrlEncodedContent([new(HtmlForm.TokenField, token), new("imageId", kept)]));

            Assert.That(signedPage.QuerySelectorAll($"[data-image-id='{kept}']"), Is.Not.Empty, "the signed-off step shows its photograph");
            Assert.That(signedPage.QuerySelector("input[name=imageId]"), Is.Null, "with nothing to take it off");
            Assert.That((int)crafted.StatusCode, Is.EqualTo(200));
            Assert.That((await crafted.ReadHtmlAsync()).Text(), Does.Contain("signed off"));
            Assert.That(await LinksAsync(stepId, kept), Is.EqualTo(1));
        }
        finally
        {
            await WithDatabaseAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Treatments SET Status = {status} WHERE Reference = {reference}"));
        }
    }

    /// <summary>Uploads one photograph through the step's form, as the page without script does; returns its image id.</summary>
    private async Task<string> UploadAsync(HttpClient client, int stepId, string page, string name, string label)
    {
        var form = await client.GetFormAsync(page, "form#image-upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.AntiforgeryToken!), HtmlForm.TokenField },
            { new StringContent("After"), "role" },
            { new ByteArrayContent(MediaUploads.Jpeg(640, 480, label)), "files", name },
        };
        using var response = await client.PostAsync(page, content);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return await WithDatabaseAsync(db => db.MediaLinks.Where(l => l.TreatmentStepId == stepId && l.Image!.OriginalFileName == name)
            .Select(l => l.Image!.Sha256).SingleAsync());
    }

    private Task<int> LinksAsync(int stepId, string sha256) =>
        WithDatabaseAsync(db => db.MediaLinks.CountAsync(l => l.TreatmentStepId == stepId && l.Image!.Sha256 == sha256));
}
