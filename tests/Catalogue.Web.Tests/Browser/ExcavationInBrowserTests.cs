using System.Globalization;
using Catalogue.Core.Excavation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// From the trench to the catalogue in a real browser (Debian's chromium, driven by Playwright) against the app on a
/// real port: an archaeologist records a site, its contexts and their relations, reads the matrix, is stopped by a
/// contradiction and registers finds at speed; a curator then accessions one of them and reads its provenance.
/// </summary>
public sealed class ExcavationInBrowserTests() : BrowserApp()
{
    // Assertions wait for pages that follow a POST and a redirect; give them the slack a loaded machine needs.
    [OneTimeSetUp]
    public void AllowSlowerPages() => SetDefaultExpectTimeout(15_000);

    [OneTimeTearDown]
    public void RestoreWaits() => SetDefaultExpectTimeout(5_000);

    [Test]
    public async Task An_archaeologist_records_a_site_with_its_matrix_and_finds_and_a_curator_accessions_a_find_and_reads_its_provenance()
    {
        var site = ExcavationRecords.NewSiteCode();
        var page = await SignedInPageAsync(await UserAsync(Roles.Archaeologist));

        // A new site.
        await page.GotoAsync("/Excavation/Sites");
        await page.GetByRole(AriaRole.Link, new() { Name = "New site" }).ClickAsync();
        await page.Locator("#Input_Code").FillAsync(site);
        await page.Locator("#Input_NameEn").FillAsync("Browser test site");
        await page.Locator("#Input_NameVi").FillAsync("Hoàng thành Thăng Long");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save site" }).ClickAsync();
        await ArrivedAsync(page, $"**/Excavation/Sites/Details/{site}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Browser test site");

        // Three contexts, each number proposed by the form.
        for (var number = 1; number <= 3; number++)
        {
            await page.GotoAsync($"/Excavation/Sites/Details/{site}");
            await page.GetByRole(AriaRole.Link, new() { Name = "New context" }).ClickAsync();
            await Expect(page.Locator("#Input_Number")).ToHaveValueAsync(Number(number));
            await page.Locator("#Input_Description").FillAsync($"Lớp đất số {number}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save context" }).ClickAsync();
            await ArrivedAsync(page, $"**/Excavation/Contexts/Details/{site}/{number}");
        }

        // (2) lies on (1), and (3) on (2): entered from either side.
        await AddRelationAsync(page, site, 1, "Below", 2);
        await Expect(page.Locator("#relations")).ToContainTextAsync("(1) below (2)");
        await AddRelationAsync(page, site, 3, "Above", 2);
        await Expect(page.Locator("#relations")).ToContainTextAsync("(3) above (2)");

        // The matrix, latest at the top.
        await page.GotoAsync($"/Excavation/Sites/Details/{site}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Harris matrix" }).ClickAsync();
        await ArrivedAsync(page, $"**/Excavation/Matrix/{site}");
        var top = new Dictionary<int, double>();
        foreach (var number in new[] { 1, 2, 3 })
        {
            var box = page.Locator($"#matrix svg a[href='/Excavation/Contexts/Details/{site}/{number}'] rect");
            await Expect(box).ToHaveCountAsync(1);
            top[number] = double.Parse((await box.GetAttributeAsync("y"))!, CultureInfo.InvariantCulture);
        }

        Assert.That(top[3], Is.LessThan(top[2]), "(3), the latest, is drawn above (2)");
        Assert.That(top[2], Is.LessThan(top[1]), "(2) is drawn above (1), the earliest");
        // A context under the pointer is outlined more heavily, by the site's style sheet: the drawing on the page has no
        // <style> of its own, which the Content Security Policy would refuse (and the browser report as an error).
        await Expect(page.Locator("#matrix svg style")).ToHaveCountAsync(0);
        var hovered = page.Locator($"#matrix svg a[href='/Excavation/Contexts/Details/{site}/2'] rect");
        await hovered.HoverAsync();
        await Expect(hovered).ToHaveCSSAsync("stroke-width", "2.5px");

        // A relation that contradicts the record is refused with the chain named.
        await AddRelationAsync(page, site, 1, "Above", 3);
        await Expect(page.Locator("#relation-errors")).ToContainTextAsync("\"1 above 3\" cannot be recorded");
        await Expect(page.Locator("#relation-errors")).ToContainTextAsync("3 above 2");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo($"/Excavation/Contexts/Relations/{site}/1"));
        Assert.That(await WithDatabaseAsync(db => db.ContextRelations.CountAsync(r => r.SiteCode == site)), Is.EqualTo(2));

        // Two finds from (2), each saved with the Enter key.
        await page.GotoAsync($"/Excavation/Contexts/Details/{site}/2");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register finds" }).ClickAsync();
        await ArrivedAsync(page, $"**/Excavation/Finds/Register?site={site}&context=2");
        foreach (var (number, weight) in new[] { (1, "45.5"), (2, "12") })
        {
            var findNumber = $"{site}-{number:0000}";
            await Expect(page.Locator("#Input_FindNumber")).ToHaveValueAsync(findNumber);
            await Expect(page.Locator("#Input_ContextNumber")).ToHaveValueAsync("2");
            await page.Locator("#Input_MaterialId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator("#Input_ObjectTypeId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator("#Input_WeightGrams").FillAsync(weight);
            await page.Locator("#Input_WeightGrams").PressAsync("Enter");
            await Expect(page.Locator("main .notice")).ToHaveTextAsync($"Find {findNumber} registered in context 2.");
        }

        await Expect(page.Locator("#Input_FindNumber")).ToHaveValueAsync($"{site}-0003");
        await Expect(page.Locator("table.finds tbody tr td:first-child")).ToHaveTextAsync([$"{site}-0002", $"{site}-0001"]);

        // A curator accessions the first find.
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        page = await SignedInPageAsync(await UserAsync(Roles.Curator));
        await page.GotoAsync($"/Excavation/Finds/Details/{site}-0001");
        await page.Locator("#accession").ClickAsync();
        await ArrivedAsync(page, $"**/Artifacts/Create?find={site}-0001");
        await Expect(page.Locator("#from-find")).ToContainTextAsync($"{site}-0001");
        await Expect(page.Locator("#Input_Provenance")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"context \\(2\\).*find {site}-0001"));
        await page.Locator("#Input_AccessionNumber").FillAsync(accessionNumber);
        await page.Locator("#Input_TitleEn").FillAsync("Stoneware bowl from the citadel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create artifact" }).ClickAsync();

        await ArrivedAsync(page, $"**/Artifacts/Details/{accessionNumber}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Stoneware bowl from the citadel");
        var provenance = page.Locator("#provenance > li");
        await Expect(provenance).ToHaveCountAsync(4);
        await Expect(provenance.Nth(0)).ToContainTextAsync($"Browser test site ({site})");
        await Expect(provenance.Nth(1)).ToContainTextAsync("(2)");
        await Expect(provenance.Nth(1)).ToContainTextAsync("directly above: (3)");
        await Expect(provenance.Nth(1)).ToContainTextAsync("directly below: (1)");
        await Expect(provenance.Nth(2)).ToContainTextAsync($"{site}-0001");
        var stored = await WithDatabaseAsync(db => db.Finds.Where(f => f.FindNumber == $"{site}-0001").Select(f => new { f.Status, f.Artifact!.AccessionNumber }).SingleAsync());
        Assert.That((stored.Status, stored.AccessionNumber), Is.EqualTo((FindStatus.Accessioned, accessionNumber)));
    }

    private static async Task AddRelationAsync(IPage page, string site, int number, string choice, int other)
    {
        await page.GotoAsync($"/Excavation/Contexts/Relations/{site}/{number}");
        await page.Locator("#Choice").SelectOptionAsync(new SelectOptionValue { Value = choice });
        await page.Locator("#Other").FillAsync(Number(other));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add relation" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
