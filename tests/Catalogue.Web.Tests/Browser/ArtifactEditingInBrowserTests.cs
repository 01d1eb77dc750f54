using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// A curator at a real browser (Debian's chromium, driven by Playwright) against the app listening on a real port:
/// signing in, cataloguing a bowl with a Vietnamese title, revising it, and being told what to fix.
/// </summary>
public sealed class ArtifactEditingInBrowserTests() : BrowserApp()
{
    private IPage page = null!;
    private TestUser curator = null!;

    [OneTimeSetUp]
    public async Task PrepareUsers()
    {
        curator = await UserAsync(Roles.Curator);
    }

    [SetUp]
    public async Task OpenPage()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        page = await NewPageAsync();
    }

    [Test]
    public async Task A_curator_catalogues_a_bowl_with_a_Vietnamese_title_then_revises_its_title_and_sees_the_change_in_its_history()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await SignInThroughTheFormAsync(page, curator);

        await page.GotoAsync("/Artifacts/Create");
        await FillNewArtifactAsync(accessionNumber, earliestYear: "1100", latestYear: "1200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create artifact" }).ClickAsync();

        await ArrivedAsync(page, $"**/Artifacts/Details/{accessionNumber}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Celadon bowl");
        await Expect(page.Locator("dl.record div[lang=vi]").First).ToContainTextAsync("Bát men ngọc");
        await Expect(page.Locator("dl.record").First).ToContainTextAsync("Length 12.5 cm");
        Assert.That(await StoredVietnameseTitleAsync(accessionNumber), Is.EqualTo("Bát men ngọc"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await ArrivedAsync(page, $"**/Artifacts/Edit/{accessionNumber}");
        await Expect(page.Locator("#Input_TitleVi")).ToHaveValueAsync("Bát men ngọc");
        await page.Locator("#Input_TitleEn").FillAsync("Celadon bowl with incised lotus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await ArrivedAsync(page, $"**/Artifacts/Details/{accessionNumber}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Celadon bowl with incised lotus");
        var titleChange = page.Locator("ol.history tr", new() { HasText = "Title · en" }).First;
        await Expect(titleChange).ToContainTextAsync("Celadon bowl");
        await Expect(titleChange.Locator("td").Nth(2)).ToHaveTextAsync("Celadon bowl with incised lotus");
        await Expect(page.Locator("ol.history > li").First).ToContainTextAsync(curator.Email);
    }

    [Test]
    public async Task The_form_shows_the_inverted_year_range_on_the_latest_year_and_keeps_everything_typed()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await SignInThroughTheFormAsync(page, curator);

        await page.GotoAsync("/Artifacts/Create");
        await FillNewArtifactAsync(accessionNumber, earliestYear: "1300", latestYear: "1200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create artifact" }).ClickAsync();

        await Expect(page.Locator("span[data-valmsg-for='Input.LatestYear']")).ToContainTextAsync("Latest year (1200) cannot be before the earliest year (1300)");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/Artifacts/Create"));
        await Expect(page.Locator("#Input_AccessionNumber")).ToHaveValueAsync(accessionNumber);
        await Expect(page.Locator("#Input_TitleVi")).ToHaveValueAsync("Bát men ngọc");
        await Expect(page.Locator("#Input_EarliestYear")).ToHaveValueAsync("1300");
        await Expect(page.Locator("#Input_LatestYear")).ToHaveValueAsync("1200");
        await Expect(page.Locator("#Input_Length")).ToHaveValueAsync("12.5");
        await Expect(page.Locator("input[name='Input.MaterialIds']").First).ToBeCheckedAsync();
        Assert.That(await WithDatabaseAsync(db => db.Artifacts.AnyAsync(a => a.AccessionNumber == accessionNumber)), Is.False);
    }

    private async Task FillNewArtifactAsync(string accessionNumber, string earliestYear, string latestYear)
    {
        await page.Locator("#Input_AccessionNumber").FillAsync(accessionNumber);
        await page.Locator("#Input_ObjectTypeId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_TitleVi").FillAsync("Bát men ngọc");
        await page.Locator("#Input_TitleEn").FillAsync("Celadon bowl");
        await page.Locator("input[name='Input.MaterialIds']").First.CheckAsync();
        await page.Locator("#Input_PeriodId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_EarliestYear").FillAsync(earliestYear);
        await page.Locator("#Input_LatestYear").FillAsync(latestYear);
        await page.Locator("#Input_Length").FillAsync("12.5");
    }

    private Task<string?> StoredVietnameseTitleAsync(string accessionNumber) =>
        WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber).Select(a => a.Title.Vi).SingleAsync());
}
