using System.Net;
using System.Text;
using Catalogue.Core.Excavation;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Excavation;

/// <summary>The finds register as an archaeologist uses it in the field: fast entry, the list with its filters, the CSV export.</summary>
public sealed class FindsRegisterTests() : CatalogueApp()
{
    private const string Recorder = "Nguyễn Thị Hoa";
    private const string Notes = "Mảnh bát men lam, vẽ hoa sen";

    private HttpClient archaeologist = null!;
    private ExcavationRecords records = null!;

    [OneTimeSetUp]
    public async Task SignInArchaeologist()
    {
        archaeologist = await SignInAsync(Roles.Archaeologist);
        records = new ExcavationRecords(App.Services);
    }

    [OneTimeTearDown]
    public void DisposeClient() => archaeologist.Dispose();

    [Test]
    public async Task The_register_proposes_the_first_find_number_of_the_site_and_keeps_the_chosen_context()
    {
        var site = await records.SiteWithContextsAsync(7);

        var form = await archaeologist.RegisterFormAsync(site, 7);

        Assert.That(form.Value("Input.FindNumber"), Is.EqualTo($"{site}-0001"));
        Assert.That(form.Value("Input.ContextNumber"), Is.EqualTo("7"));
    }

    [Test]
    public async Task Registering_a_find_returns_to_the_register_keeping_site_context_date_and_recorder_and_proposes_the_next_number()
    {
        var site = await records.SiteWithContextsAsync(7);
        var form = await archaeologist.RegisterFormAsync(site, 7);
        form.Set("Input.MaterialId", form.Choices("Input.MaterialId")[0])
            .Set("Input.Count", "3")
            .Set("Input.WeightGrams", "45.5")
            .Set("Input.FoundOn", "2024-03-15")
            .Set("Input.RecordedBy", Recorder)
            .Set("Input.Notes", Notes);

        using var response = await archaeologist.SubmitAsync(form);

        await response.ExpectRedirectAsync(archaeologist, "/Excavation/Finds/Register");
        var next = response.RedirectTarget(archaeologist.BaseAddress!)!;
        var query = QueryHelpers.ParseQuery(next.Query);
        Assert.That(query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["site"] = site, ["context"] = "7", ["foundOn"] = "2024-03-15", ["recordedBy"] = Recorder,
        }));
        var stored = await WithDatabaseAsync(db => db.Finds.Where(f => f.Context!.SiteCode == site)
            .Select(f => new { f.FindNumber, Context = f.Context!.Number, f.Count, f.WeightGrams, f.RecordedBy, f.Notes, f.Status }).ToListAsync());
        Assert.That(stored, Is.EqualTo(new[] { new { FindNumber = $"{site}-0001", Context = 7, Count = 3, WeightGrams = (decimal?)45.5m, RecordedBy = (string?)Recorder, Notes = (string?)Notes, Status = FindStatus.Registered } }));

        var nextPage = await archaeologist.GetPageAsync(next.PathAndQuery);
        var nextForm = HtmlForm.From(nextPage, next, "#find-form");
        Assert.That(nextForm.Value("Input.FindNumber"), Is.EqualTo($"{site}-0002"));
        Assert.That(nextForm.Value("Input.ContextNumber"), Is.EqualTo("7"));
        Assert.That(nextForm.Value("Input.FoundOn"), Is.EqualTo("2024-03-15"));
        Assert.That(nextForm.Value("Input.RecordedBy"), Is.EqualTo(Recorder));
        Assert.That(nextPage.QuerySelector("main .notice")!.Collapsed(), Is.EqualTo($"Find {site}-0001 registered in context 7."));
        Assert.That(FindNumbersIn(nextPage), Is.EqualTo(new[] { $"{site}-0001" }), "the context's finds so far");
    }

    [Test]
    public async Task A_find_in_a_context_the_site_does_not_have_is_refused_naming_the_context_and_nothing_is_stored()
    {
        var site = await records.SiteWithContextsAsync(7);
        var form = (await archaeologist.RegisterFormAsync(site, 7)).Set("Input.ContextNumber", "99");

        using var response = await archaeologist.SubmitAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.FieldMessage("Input.ContextNumber"), Does.Contain($"Site {site} has no context 99"));
        Assert.That(page.QuerySelector("#Input_ContextNumber")!.GetAttribute("value"), Is.EqualTo("99"), "the typed context is kept to be corrected");
        Assert.That(await WithDatabaseAsync(db => db.Finds.CountAsync(f => f.FindNumber.StartsWith(site + "-"))), Is.Zero);
    }

    [Test]
    public async Task The_finds_list_shows_only_the_finds_of_the_chosen_context_and_status()
    {
        var site = await records.SiteWithContextsAsync(1, 2);
        var first = await records.FindAsync(new SaveFindCommand { SiteCode = site, ContextNumber = 1 });
        var discarded = await records.FindAsync(new SaveFindCommand { SiteCode = site, ContextNumber = 1 });
        var other = await records.FindAsync(new SaveFindCommand { SiteCode = site, ContextNumber = 2 });
        await records.DiscardAsync(discarded);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await FilteredAsync(site), Is.EqualTo(new[] { first, discarded, other }));
            Assert.That(await FilteredAsync(site, ("context", "1")), Is.EqualTo(new[] { first, discarded }));
            Assert.That(await FilteredAsync(site, ("context", "2")), Is.EqualTo(new[] { other }));
            Assert.That(await FilteredAsync(site, ("status", nameof(FindStatus.Discarded))), Is.EqualTo(new[] { discarded }));
            Assert.That(await FilteredAsync(site, ("context", "1"), ("status", nameof(FindStatus.Registered))), Is.EqualTo(new[] { first }));
        });
    }

    [Test]
    public async Task The_csv_export_has_a_header_and_one_row_per_find_with_Vietnamese_diacritics_intact()
    {
        var site = await records.SiteWithContextsAsync(3);
        var stoneware = await records.TermAsync(Vocabulary.Material, "stoneware");
        foreach (var weight in new[] { 12.5m, 30m })
        {
            await records.FindAsync(new SaveFindCommand
            {
                SiteCode = site, ContextNumber = 3, MaterialId = stoneware.Id, WeightGrams = weight, FoundOn = new DateOnly(2024, 3, 15), RecordedBy = Recorder, Notes = Notes,
            });
        }

        var list = await archaeologist.GetPageAsync($"/Excavation/Finds?site={site}");
        var export = list.QuerySelector("#export-csv")?.GetAttribute("href");
        Assert.That(export, Is.EqualTo($"/Excavation/Finds/Export/{site}"), "unfiltered, the export has every find");
        Assert.That(export, Is.Not.Null, "the finds list links to its export");
        using var response = await archaeologist.GetAsync(export);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo($"finds-{site}.csv"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()), "a byte order mark, so spreadsheets read UTF-8");
        var lines = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.That(lines, Has.Count.EqualTo(3), "a header and one row per find");
        Assert.That(lines[0], Does.StartWith("find_number,site,context,"));
        Assert.That(lines[1], Is.EqualTo($"{site}-0001,{site},3,deposit,stoneware,,1,12.5,,,,2024-03-15,{Recorder},registered,,\"{Notes}\""));
        Assert.That(lines[2], Does.StartWith($"{site}-0002,{site},3,").And.EndWith($",{Recorder},registered,,\"{Notes}\""));
    }

    [Test]
    public async Task The_csv_export_of_a_filtered_list_holds_the_finds_the_list_shows()
    {
        var site = await records.SiteWithContextsAsync(1, 2);
        var stoneware = await records.TermAsync(Vocabulary.Material, "stoneware");
        await records.FindAsync(new SaveFindCommand { SiteCode = site, ContextNumber = 1, MaterialId = stoneware.Id, RecordedBy = Recorder });
        await records.FindAsync(new SaveFindCommand { SiteCode = site, ContextNumber = 2, MaterialId = stoneware.Id, RecordedBy = Recorder });

        var list = await archaeologist.GetPageAsync($"/Excavation/Finds?site={site}&context=2&material={stoneware.Id}");
        var export = list.QuerySelector("#export-csv")!.GetAttribute("href")!;
        var csv = await archaeologist.GetStringAsync(export);

        Assert.That(export, Does.Contain("context=2").And.Contain($"material={stoneware.Id}"));
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.That(rows, Is.EqualTo(new[] { $"{site}-0002" }), "only the find of context 2");
    }

    private async Task<List<string>> FilteredAsync(string site, params (string Name, string Value)[] filters)
    {
        // The filter form itself, submitted as a browser submits a GET form.
        var form = await archaeologist.GetFormAsync($"/Excavation/Finds?site={site}", "main form[method=get]");
        foreach (var (name, value) in filters)
            form.Set(name, value);
        var query = await form.ToContent().ReadAsStringAsync();
        return FindNumbersIn(await archaeologist.GetPageAsync($"{form.Action.AbsolutePath}?{query}"));
    }

    private static List<string> FindNumbersIn(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.finds tbody tr td:first-child").Select(td => td.Collapsed()).ToList();
}
