using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Catalogue.Web.Tests.Pages.Locations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalogue.Web.Tests.Browser;

/// <summary>
/// A curator at a real browser: fills a box, moves the whole box in one step, and records an inventory check of it.
/// </summary>
public sealed class StorageInBrowserTests() : BrowserApp()
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
    public async Task A_curator_fills_a_box_moves_the_whole_box_to_another_shelf_and_checks_its_inventory()
    {
        var objects = new[] { ArtifactForms.NewAccessionNumber(), ArtifactForms.NewAccessionNumber(), ArtifactForms.NewAccessionNumber() };
        await SignInThroughTheFormAsync(page, curator);
        foreach (var number in objects)
            await CreateArtifactAsync(number);
        var box = LocationForms.NewCode("BOX");
        var shelf = LocationForms.NewCode("SHELF");
        await CreateLocationAsync(shelf, "Shelf B3", "Shelf");
        await CreateLocationAsync(box, "Box of glazed tiles", "Box");

        // The objects go into the box: ticked on the artifact list, then the move form.
        await page.GotoAsync("/Artifacts?q=Glazed+tile");
        foreach (var number in objects)
            await page.GetByRole(AriaRole.Checkbox, new() { Name = number }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the ticked objects" }).ClickAsync();
        await ArrivedAsync(page, "**/Locations/Move?*");
        await Expect(page.Locator("#Input_AccessionNumbers")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(string.Join("\\s+", objects.Select(System.Text.RegularExpressions.Regex.Escape))));
        await page.Locator("#Input_ToLocationCode").SelectOptionAsync(box);
        await page.Locator("#Input_Reason").FillAsync("Packed after washing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await ArrivedAsync(page, $"**/Locations/Details/{box}");
        await Expect(page.Locator("p.notice")).ToContainTextAsync($"3 objects were moved to {box}");
        await Expect(page.Locator("#contents tbody tr")).ToHaveCountAsync(3);

        // The whole box moves to the shelf in one step.
        await page.GetByRole(AriaRole.Link, new() { Name = "Move the contents" }).ClickAsync();
        await Expect(page.Locator("#moving li")).ToHaveCountAsync(3);
        await page.Locator("#Input_ToLocationCode").SelectOptionAsync(shelf);
        await page.Locator("#Input_Reason").FillAsync("Box moved to shelf B3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await ArrivedAsync(page, $"**/Locations/Details/{shelf}");
        await Expect(page.Locator("#contents tbody tr")).ToHaveCountAsync(3);

        // The artifact page agrees.
        await page.GotoAsync($"/Artifacts/Details/{objects[0]}");
        await Expect(page.Locator("#current-location")).ToContainTextAsync(shelf);

        // Inventory: two of the three are on the shelf.
        await page.GotoAsync($"/Locations/Details/{shelf}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inventory check" }).ClickAsync();
        await page.Locator($"#present-{Css(objects[0])}").CheckAsync();
        await page.Locator($"#present-{Css(objects[2])}").CheckAsync();
        await page.Locator("#Notes").FillAsync("One sherd not found");
        await page.GetByRole(AriaRole.Button, new() { Name = "Store the inventory check" }).ClickAsync();
        await ArrivedAsync(page, $"**/Locations/Details/{shelf}*");
        await Expect(page.Locator("p.notice")).ToContainTextAsync("2 present, 1 missing, 0 found here");
        await Expect(page.Locator("#inventories")).ToContainTextAsync(objects[1]);
        await Expect(page.Locator("#inventories")).ToContainTextAsync("One sherd not found");
    }

    private static string Css(string accessionNumber) => accessionNumber.Replace(".", "\\.", StringComparison.Ordinal);

    private async Task CreateArtifactAsync(string accessionNumber)
    {
        await page.GotoAsync("/Artifacts/Create");
        await page.Locator("#Input_AccessionNumber").FillAsync(accessionNumber);
        await page.Locator("#Input_ObjectTypeId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_TitleEn").FillAsync($"Glazed tile {accessionNumber}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create artifact" }).ClickAsync();
        await ArrivedAsync(page, $"**/Artifacts/Details/{accessionNumber}");
    }

    private async Task CreateLocationAsync(string code, string name, string kind)
    {
        await page.GotoAsync("/Locations/Edit");
        await page.Locator("#Input_Code").FillAsync(code);
        await page.Locator("#Input_Name").FillAsync(name);
        await page.Locator("#Input_Kind").SelectOptionAsync(kind);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save location" }).ClickAsync();
        await ArrivedAsync(page, $"**/Locations/Details/{code}");
    }
}
