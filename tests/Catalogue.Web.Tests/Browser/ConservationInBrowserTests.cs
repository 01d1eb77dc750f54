using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Conservation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// A conservator and a curator at a real browser (Debian's chromium, driven by Playwright) against the app on a real port:
/// the conservator logs a condition report from the artifact's page and proposes a treatment, the curator approves it.
/// </summary>
public sealed class ConservationInBrowserTests() : BrowserApp()
{
    [Test]
    public async Task A_conservator_logs_a_condition_report_and_takes_a_treatment_from_proposal_to_sign_off_then_prints_its_record_copy()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        var artifact = await new ConservationRecords(App.Services).ArtifactAsync("Bronze incense burner");
        var conservator = await UserAsync(Roles.Conservator);
        var curator = await UserAsync(Roles.Curator);

        var page = await SignedInPageAsync(conservator);
        await page.GotoAsync($"/Artifacts/Details/{artifact}");
        await page.GetByRole(AriaRole.Link, new() { Name = "New condition report" }).ClickAsync();
        await ArrivedAsync(page, "**/Conservation/Reports/Create?artifact=*");
        await page.Locator("#Input_Overall").SelectOptionAsync(nameof(OverallCondition.Poor));
        await page.Locator("#Input_Observations_0__DamageTypeId").SelectOptionAsync(new SelectOptionValue { Label = "Corrosion (active)" });
        await page.Locator("#Input_Observations_0__Location").FillAsync("lid, inner face");
        await page.Locator("#Input_Priority").SelectOptionAsync(nameof(ConservationPriority.High));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save condition report" }).ClickAsync();

        await ArrivedAsync(page, "**/Conservation/Reports/Details/CR-*");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("was saved");
        await Expect(page.Locator("#overall")).ToHaveTextAsync("Poor");
        await Expect(page.Locator("#observations")).ToContainTextAsync("lid, inner face");
        var reference = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        Assert.That(await WithDatabaseAsync(db => db.ConditionReports.Where(r => r.Reference == reference).Select(r => r.Examiner).SingleAsync()),
            Is.EqualTo(conservator.Email), "the examiner is the conservator the form proposed");

        await page.GotoAsync($"/Artifacts/Details/{artifact}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Propose a treatment" }).ClickAsync();
        await page.Locator("#Input_Title").FillAsync("Stabilisation of active corrosion");
        await page.Locator("#Input_Proposal").FillAsync("Benzotriazole 3% in ethanol, then microcrystalline wax.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose treatment" }).ClickAsync();
        await ArrivedAsync(page, "**/Conservation/Treatments/Details/TR-*");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Proposed");
        var treatment = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        var curatorPage = await SignedInPageAsync(curator);
        await curatorPage.GotoAsync("/Conservation");
        await curatorPage.GetByRole(AriaRole.Link, new() { Name = treatment }).ClickAsync();
        await ArrivedAsync(curatorPage, $"**/Conservation/Treatments/Details/{treatment}");
        await curatorPage.Locator("#approve-form button").ClickAsync();

        await Expect(curatorPage.Locator("[role=status]")).ToContainTextAsync($"Treatment {treatment} was approved.");
        await Expect(curatorPage.Locator("#status")).ToHaveTextAsync("Approved");
        await Expect(curatorPage.Locator("#approved")).ToContainTextAsync(curator.Email);
        Assert.That(await WithDatabaseAsync(db => db.Treatments.Where(t => t.Reference == treatment).Select(t => t.ApprovedBy).SingleAsync()),
            Is.EqualTo(curator.Email));

        // The conservator does the work: starts, records a step with its material, completes.
        await page.GotoAsync($"/Conservation/Treatments/Details/{treatment}");
        await page.Locator("#start-form button").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("In progress");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add step" }).ClickAsync();
        await page.Locator("#Input_StepTypeId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_Description").FillAsync("Corrosion inhibitor applied by brush");
        await page.Locator("#Input_MinutesSpent").FillAsync("90");
        await page.Locator("#Input_Materials_0__Product").FillAsync("Benzotriazole");
        await page.Locator("#Input_Materials_0__Concentration").FillAsync("3% w/v");
        await page.Locator("#Input_Materials_0__Solvent").FillAsync("ethanol");
        await page.Locator("#Input_Materials_0__Batch").FillAsync("BTA-2291");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save step" }).ClickAsync();
        await ArrivedAsync(page, $"**/Conservation/Treatments/Details/{treatment}*");
        await Expect(page.Locator("#steps")).ToContainTextAsync("BTA-2291");
        await page.Locator("#complete-link").ClickAsync();
        await page.Locator("#outcome").FillAsync("Corrosion stable after 30 days at 75% RH.");
        await page.Locator("#complete-form button").ClickAsync();
        await ArrivedAsync(page, $"**/Conservation/Treatments/Details/{treatment}*");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Completed");

        // The curator signs off; the record is then read-only.
        await curatorPage.GotoAsync($"/Conservation/Treatments/Details/{treatment}");
        await curatorPage.Locator("#signoff-form button").ClickAsync();
        await Expect(curatorPage.Locator("#status")).ToHaveTextAsync("Signed off");
        await page.GotoAsync($"/Conservation/Treatments/Details/{treatment}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add step" })).ToHaveCountAsync(0);

        // The record copy: the print button prints, and the printed page is the record without the site's chrome.
        await page.EvaluateAsync("() => { window.__printed = false; window.print = () => { window.__printed = true; }; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Print record copy" }).ClickAsync();
        Assert.That(await page.EvaluateAsync<bool>("() => window.__printed"), Is.True, "the button opens the print dialog");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await Expect(page.Locator("#steps")).ToContainTextAsync("Benzotriazole");
        await Expect(page.Locator("#steps")).ToContainTextAsync("3% w/v");
        await Expect(page.Locator("#approved")).ToContainTextAsync(curator.Email);
        await Expect(page.Locator("#signed-off")).ToContainTextAsync(curator.Email);
    }

    [TestCase("fr")]
    [TestCase("vi")]
    [TestCase("en")]
    public async Task On_a_phone_the_condition_report_form_fits_the_screen_in_every_language(string language)
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        var artifact = await new ConservationRecords(App.Services).ArtifactAsync("Bronze mirror");
        var page = await SignedInPageAsync(await UserAsync(Roles.Conservator));
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/Conservation/Reports/Create?artifact={artifact}");
        await page.Locator($"form.languages button[value='{language}']").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the page scrolls sideways: a table wider than the screen pushes the form out");
    }
}
