using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// A curator at a real browser: catalogues a brick, then finds it a moment later by typing Vietnamese without accents,
/// French without its diaeresis and characters of its inscription, sees the words highlighted and narrows by a facet;
/// and a visitor reads the collection in Vietnamese, then French.
/// </summary>
public sealed class SearchInBrowserTests() : BrowserApp()
{
    private IPage page = null!;
    private TestUser curator = null!;

    [OneTimeSetUp]
    public async Task PrepareUsers()
    {
        curator = await UserAsync(Roles.Curator);
        await WaitForSearchIndexAsync();
    }

    [SetUp]
    public async Task OpenPage()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        page = await NewPageAsync();
    }

    [Test]
    public async Task A_curator_finds_a_record_saved_a_moment_ago_without_typing_accents_and_narrows_by_a_facet()
    {
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        await SignInThroughTheFormAsync(page, curator);
        await page.GotoAsync("/Artifacts/Create");
        await page.Locator("#Input_AccessionNumber").FillAsync(accessionNumber);
        await page.Locator("#Input_ObjectTypeId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_TitleVi").FillAsync("Gạch xây thành Thăng Long");
        await page.Locator("#Input_TitleFr").FillAsync("Brique du rempart de Hanoï");
        await page.Locator("#Input_InscriptionText").FillAsync("大越國軍城磚");
        await page.Locator("input[name='Input.MaterialIds']").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create artifact" }).ClickAsync();
        await ArrivedAsync(page, $"**/Artifacts/Details/{accessionNumber}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        var hit = await SearchUntilListedAsync("gach thang long", accessionNumber);
        await Expect(hit.Locator("mark").First).ToHaveTextAsync("Gạch");
        await Expect(hit.Locator("mark", new() { HasText = "Thăng" })).ToHaveCountAsync(1);

        await Expect(await SearchUntilListedAsync("hanoi", accessionNumber)).ToBeVisibleAsync();
        await Expect((await SearchUntilListedAsync("大越", accessionNumber)).Locator("mark").First).ToHaveTextAsync("大越");

        // Narrowing by the brick's own material keeps it and leaves only records of that material.
        var material = await WithDatabaseAsync(db => db.Artifacts.Where(a => a.AccessionNumber == accessionNumber)
            .SelectMany(a => a.Terms).Select(t => t.Term!.Code).FirstAsync());
        var facet = page.Locator($"#facets section[data-facet='material'] li a[data-value='{material}']");
        var count = await facet.Locator("xpath=../span[@class='count']").TextContentAsync();
        await facet.ClickAsync();
        await Expect(page.Locator($"#facets section[data-facet='material'] a.selected[data-value='{material}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#hits li[data-number='{accessionNumber}']")).ToBeVisibleAsync();
        await Expect(page.Locator("#search-total")).ToContainTextAsync(count == "1" ? "1 result" : $"{count} results");
    }

    [Test]
    public async Task A_visitor_reads_the_collection_in_vietnamese_then_in_french_from_the_foot_of_the_page()
    {
        await page.GotoAsync("/Collection");
        await Expect(page.Locator("header nav a[href='/Collection']")).ToHaveTextAsync("Collection");

        await page.Locator("form.languages button", new PageLocatorOptions { HasText = "Tiếng Việt" }).ClickAsync();
        await ArrivedAsync(page, "**/Collection");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("header nav a[href='/Collection']")).ToHaveTextAsync("Sưu tập");
        await Expect(page.Locator("header .account a")).ToHaveTextAsync("Đăng nhập");

        await page.Locator("form.languages button", new PageLocatorOptions { HasText = "Français" }).ClickAsync();
        await ArrivedAsync(page, "**/Collection");
        await Expect(page.Locator("header .account a")).ToHaveTextAsync("Se connecter");
        await Expect(page.Locator("form.languages button[aria-pressed=true]")).ToHaveTextAsync("Français");
    }

    /// <summary>Types the query as a person would and searches again (for up to ten seconds) until the record is listed.</summary>
    private async Task<ILocator> SearchUntilListedAsync(string query, string accessionNumber)
    {
        var hit = page.Locator($"#hits li[data-number='{accessionNumber}']");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await page.Locator("#q").FillAsync(query);
            await page.Locator("#q").PressAsync("Enter");
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            await Expect(page.Locator("#search-total")).ToBeVisibleAsync();
            if (await hit.CountAsync() > 0)
                return hit;
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Fail($"Searching \"{query}\" never listed {accessionNumber}.");
        return hit;
    }
}
