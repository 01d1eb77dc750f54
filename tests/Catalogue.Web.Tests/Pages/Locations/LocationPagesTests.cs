using System.Net;
using Catalogue.Core.Locations;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Locations;

/// <summary>
/// A curator builds a storage hierarchy, moves objects (one by one, by list, a whole box), checks an
/// inventory and prints labels; refusals name what is wrong and store nothing.
/// </summary>
public sealed class LocationPagesTests() : CatalogueApp()
{
    private HttpClient curator = null!;
    private HttpClient viewer = null!;
    private string room = null!;
    private string shelf = null!;
    private string box = null!;
    private string otherBox = null!;

    [OneTimeSetUp]
    public async Task BuildAStore()
    {
        curator = await SignInAsync(Roles.Curator);
        viewer = await SignInAsync(Roles.Viewer);
        room = LocationForms.NewCode("ROOM");
        shelf = LocationForms.NewCode("SHELF");
        box = LocationForms.NewCode("BOX");
        otherBox = LocationForms.NewCode("BOX");
        await curator.CreateLocationAsync(room, "Ceramics store", "Room");
        await curator.CreateLocationAsync(shelf, "Shelf 2", "Shelf", parent: room);
        await curator.CreateLocationAsync(box, "Box of celadon sherds", "Box", parent: shelf);
        await curator.CreateLocationAsync(otherBox, "Box of tiles", "Box", parent: room);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        curator.Dispose();
        viewer.Dispose();
    }

    private async Task<string[]> NewArtifactsAsync(int count)
    {
        var numbers = Enumerable.Range(0, count).Select(_ => ArtifactForms.NewAccessionNumber()).ToArray();
        foreach (var number in numbers)
            await curator.CreateArtifactAsync(number, $"Sherd {number}");
        return numbers;
    }

    [Test]
    public async Task Objects_moved_into_a_box_are_listed_by_the_box_and_by_every_location_above_it()
    {
        var objects = await NewArtifactsAsync(2);

        await curator.MoveOrFailAsync(box, objects);

        var boxPage = await curator.GetPageAsync($"/Locations/Details/{box}");
        var roomPage = await curator.GetPageAsync($"/Locations/Details/{room}");
        Assert.Multiple(() =>
        {
            Assert.That(boxPage.QuerySelector("#contents")?.TextContent, Does.Contain(objects[0]).And.Contain(objects[1]));
            Assert.That(boxPage.QuerySelector("#path")?.TextContent, Does.Contain(room).And.Contain(shelf));
            Assert.That(roomPage.QuerySelector("#contents")?.TextContent, Does.Contain(objects[0]).And.Contain(box), "the room lists what its boxes hold");
            Assert.That(roomPage.QuerySelector("#sub-locations")?.TextContent, Does.Contain(shelf).And.Contain(otherBox));
        });
    }

    [Test]
    public async Task The_artifact_page_shows_the_current_location_and_every_move_with_who_and_why()
    {
        var number = (await NewArtifactsAsync(1))[0];

        await curator.MoveOrFailAsync(box, number);
        using (var second = await curator.MoveAsync(otherBox, "Sorted by type", null, number))
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var page = await curator.GetPageAsync($"/Artifacts/Details/{number}");
        var curatorEmail = (await UserAsync(Roles.Curator)).Email;
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("#current-location")?.TextContent, Does.Contain(otherBox).And.Not.Contain(box));
            var history = page.QuerySelector("#movements")?.TextContent ?? string.Empty;
            Assert.That(history, Does.Contain("Sorted by type").And.Contain("Rehoused for the test").And.Contain(box).And.Contain(otherBox));
            Assert.That(history, Does.Contain(curatorEmail));
        });
    }

    [Test]
    public async Task A_list_with_one_unknown_accession_number_moves_nothing_and_names_the_number()
    {
        var objects = await NewArtifactsAsync(2);
        var unknown = "ZZ.1999.9999";

        using var response = await curator.MoveAsync(box, "Rehoused", null, objects[0], unknown, objects[1]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form is shown again");
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector(".validation-summary-errors")?.TextContent, Does.Contain(unknown));
        Assert.That(await MovesOfAsync(objects), Is.Zero, "a refused bulk move stores none of its moves");
    }

    [Test]
    public async Task A_move_dated_before_the_objects_last_move_is_refused_with_the_date_of_that_move()
    {
        var objects = await NewArtifactsAsync(1);
        await curator.MoveOrFailAsync(box, objects);

        using var response = await curator.MoveAsync(otherBox, "Back-dated", new DateTime(2020, 1, 1, 9, 0, 0, DateTimeKind.Utc), objects);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var message = (await response.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")?.TextContent;
        Assert.That(message, Does.Contain(objects[0]).And.Contain("cannot be dated before"));
        Assert.That(await MovesOfAsync(objects), Is.EqualTo(1));
    }

    [Test]
    public async Task A_move_dated_on_the_form_is_the_institutions_time_and_the_history_shows_it_so()
    {
        var objects = await NewArtifactsAsync(1);
        var page = await curator.GetPageAsync("/Locations/Move");
        Assert.That(page.QuerySelector("label[for='Input_MovedAt']")?.TextContent, Is.EqualTo($"When (time in {CatalogueFactory.TimeZone})"));

        // Nine in the morning in Hanoi is two in the morning UTC.
        using var response = await curator.MoveAsync(box, "Unpacked from the excavation", new DateTime(2025, 6, 1, 9, 0, 0), objects);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var stored = await WithDatabaseAsync(db => db.Movements.AsNoTracking().Where(m => m.Artifact!.AccessionNumber == objects[0]).Select(m => m.MovedAt).SingleAsync());
        Assert.That(stored, Is.EqualTo(new DateTime(2025, 6, 1, 2, 0, 0)));
        var details = await curator.GetPageAsync($"/Artifacts/Details/{objects[0]}");
        Assert.That(details.Text(), Does.Contain("2025-06-01 09:00 UTC+07:00"));
    }

    [Test]
    public async Task A_move_to_a_location_that_does_not_exist_is_refused_beside_the_field()
    {
        var objects = await NewArtifactsAsync(1);
        var form = (await curator.GetFormAsync("/Locations/Move", "#move-form"))
            .Set("Input.AccessionNumbers", objects[0]).Set("Input.ToLocationCode", "NO-SUCH-PLACE").Set("Input.Reason", "Test");

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).Text(), Does.Contain("There is no location NO-SUCH-PLACE"));
        Assert.That(await MovesOfAsync(objects), Is.Zero);
    }

    [Test]
    public async Task Moving_the_contents_of_a_box_moves_every_object_in_it_in_one_step()
    {
        var from = LocationForms.NewCode("BOX");
        var to = LocationForms.NewCode("BOX");
        await curator.CreateLocationAsync(from, "Box to empty", "Box", parent: shelf);
        await curator.CreateLocationAsync(to, "New box", "Box", parent: shelf);
        var objects = await NewArtifactsAsync(3);
        await curator.MoveOrFailAsync(from, objects);

        var form = (await curator.GetFormAsync($"/Locations/Move?from={from}", "#move-form")).Set("Input.ToLocationCode", to).Set("Input.Reason", "Box replaced");
        using var response = await curator.SubmitAsync(form);

        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/Locations/Details/{to}"));
        var emptied = await curator.GetPageAsync($"/Locations/Details/{from}");
        var filled = await curator.GetPageAsync($"/Locations/Details/{to}");
        Assert.Multiple(() =>
        {
            Assert.That(emptied.QuerySelector("#contents"), Is.Null, "the old box is empty");
            foreach (var number in objects)
                Assert.That(filled.QuerySelector("#contents")?.TextContent, Does.Contain(number));
        });
    }

    [Test]
    public async Task An_inventory_check_stores_what_was_present_missing_and_found_there_and_moves_the_found_object_in()
    {
        var shelfBox = LocationForms.NewCode("BOX");
        await curator.CreateLocationAsync(shelfBox, "Inventory box", "Box", parent: shelf);
        var expected = await NewArtifactsAsync(3);
        var stray = (await NewArtifactsAsync(1))[0];
        await curator.MoveOrFailAsync(shelfBox, expected);
        await curator.MoveOrFailAsync(otherBox, stray);

        var form = (await curator.GetFormAsync($"/Locations/Inventory/{shelfBox}", "#inventory-form"))
            .Set("Present", expected[0], expected[2]).Set("FoundHere", stray).Set("Notes", "Lid cracked");
        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var curatorEmail = (await UserAsync(Roles.Curator)).Email;
        var check = await WithDatabaseAsync(db => db.InventoryChecks.Include(c => c.Items).SingleAsync(c => c.LocationCode == shelfBox));
        Assert.Multiple(() =>
        {
            Assert.That(check.Items.Single(i => i.AccessionNumber == expected[1]).Result, Is.EqualTo(InventoryResult.Missing));
            Assert.That(check.Items.Count(i => i.Result == InventoryResult.Present), Is.EqualTo(2));
            Assert.That(check.Items.Single(i => i.AccessionNumber == stray).Result, Is.EqualTo(InventoryResult.FoundHere));
            Assert.That(check.Notes, Is.EqualTo("Lid cracked"));
            Assert.That(check.CheckedBy, Is.EqualTo(curatorEmail));
        });
        var page = await curator.GetPageAsync($"/Locations/Details/{shelfBox}");
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("#inventories")?.TextContent, Does.Contain(expected[1]).And.Contain("Lid cracked"));
            Assert.That(page.QuerySelector("#contents")?.TextContent, Does.Contain(stray), "the object found here was moved here");
        });
        var missingObject = await curator.GetPageAsync($"/Artifacts/Details/{expected[1]}");
        Assert.That(missingObject.QuerySelector("#missing-at-inventory")?.TextContent, Does.Contain($"Not found at the inventory of {shelfBox}"),
            "the object's page says its last inventory did not find it");
        var locations = await curator.GetPageAsync("/Locations");
        Assert.That(locations.QuerySelector("#missing-objects")?.TextContent, Does.Contain(expected[1]).And.Not.Contain(expected[0]));
        Assert.That((await curator.GetPageAsync($"/Artifacts/Details/{expected[0]}")).QuerySelector("#missing-at-inventory"), Is.Null);
    }

    [Test]
    public async Task Labels_for_a_box_carry_a_QR_code_for_the_box_and_for_each_object_in_it()
    {
        var labelBox = LocationForms.NewCode("BOX");
        await curator.CreateLocationAsync(labelBox, "Label box", "Box", parent: shelf);
        var objects = await NewArtifactsAsync(2);
        await curator.MoveOrFailAsync(labelBox, objects);

        var page = await curator.GetPageAsync($"/Locations/Labels?location={labelBox}");

        var labels = page.QuerySelectorAll("#labels figure.label");
        Assert.That(labels, Has.Length.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(labels.All(l => l.QuerySelector(".qr svg") is not null), Is.True, "every label has its QR code");
            Assert.That(labels[1].QuerySelector(".qr")?.GetAttribute("title"), Does.EndWith($"/Artifacts/Details/{objects[0]}"));
            Assert.That(labels[0].TextContent, Does.Contain(labelBox));
        });
    }

    [Test]
    public async Task Objects_ticked_in_a_search_result_go_to_the_move_form()
    {
        var number = (await NewArtifactsAsync(1))[0];
        AngleSharp.Dom.IDocument? page = null;
        // A save is searchable within a second; allow a loaded machine a little more.
        for (var tries = 0; tries < 50 && page?.QuerySelector($"input[form=move-selected][value='{number}']") is null; tries++)
        {
            if (tries > 0)
                await Task.Delay(200);
            page = await curator.GetPageAsync($"/Search?q=%22{number}%22");
        }

        Assert.That(page!.QuerySelector($"input[form=move-selected][value='{number}']"), Is.Not.Null, "the hit can be ticked");
        Assert.That(page.QuerySelector("form#move-selected")?.GetAttribute("action"), Is.EqualTo("/Locations/Move"));
        var viewerPage = await viewer.GetPageAsync($"/Search?q=%22{number}%22");
        Assert.That(viewerPage.QuerySelector("form#move-selected"), Is.Null, "a viewer cannot move objects");
        var form = await curator.GetPageAsync($"/Locations/Move?accessionNumbers={number}");
        Assert.That(form.QuerySelector("#Input_AccessionNumbers")?.TextContent.Trim(), Is.EqualTo(number));
    }

    [Test]
    public async Task A_viewer_reads_the_store_but_cannot_move_anything()
    {
        var objects = await NewArtifactsAsync(1);
        await curator.MoveOrFailAsync(box, objects);
        var page = await viewer.GetPageAsync($"/Locations/Details/{box}");
        Assert.That(page.QuerySelector("#move-contents"), Is.Null);

        // A viewer's own antiforgery token (from the sign-out form) with a hand-made move request.
        var token = HtmlForm.From(page, new Uri(viewer.BaseAddress!, "/Locations"), "header form").AntiforgeryToken!;
        using var response = await viewer.PostAsync("/Locations/Move", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.AccessionNumbers"] = objects[0], ["Input.ToLocationCode"] = otherBox, ["Input.Reason"] = "Not allowed",
        }));

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath ?? "/Account/AccessDenied", Does.StartWith("/Account/AccessDenied"));
        Assert.That(await MovesOfAsync(objects), Is.EqualTo(1));
    }

    [Test]
    public async Task Bad_input_on_the_location_form_names_the_field_and_never_answers_500()
    {
        var form = (await curator.GetFormAsync("/Locations/Edit", "#location-form"))
            .Set("Input.Code", room).Set("Input.Name", "Duplicate").Set("Input.Kind", "Room").Set("Input.ParentCode", "NOWHERE");

        using var response = await curator.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.ParentCode"), Does.Contain("There is no location NOWHERE"));
    }

    private Task<int> MovesOfAsync(string[] accessionNumbers) =>
        WithDatabaseAsync(db => db.Movements.CountAsync(m => accessionNumbers.Contains(m.Artifact!.AccessionNumber)));
}
