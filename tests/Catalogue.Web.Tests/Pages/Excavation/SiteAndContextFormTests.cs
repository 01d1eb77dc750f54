using System.Net;
using Catalogue.Core.Excavation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Excavation;

/// <summary>An archaeologist records a site, a trench and contexts through the real forms, and is told what to fix.</summary>
public sealed class SiteAndContextFormTests() : CatalogueApp()
{
    private HttpClient archaeologist = null!;

    [OneTimeSetUp]
    public async Task SignInArchaeologist() => archaeologist = await SignInAsync(Roles.Archaeologist);

    [OneTimeTearDown]
    public void DisposeClient() => archaeologist.Dispose();

    [Test]
    public async Task A_site_created_through_the_form_is_shown_on_its_page_and_in_the_site_list()
    {
        var code = ExcavationRecords.NewSiteCode();

        using var response = await archaeologist.PostFormAsync("/Excavation/Sites/Edit",
            ("Input.Code", code.ToLowerInvariant()), ("Input.NameEn", "Hoang Dieu 18"), ("Input.NameVi", "Hoàng Diệu 18"), ("Input.Location", "Ba Đình, Hà Nội"));

        await response.ExpectRedirectAsync(archaeologist, $"/Excavation/Sites/Details/{code}");
        var page = await archaeologist.GetPageAsync($"/Excavation/Sites/Details/{code}");
        Assert.That(page.QuerySelector("h1")!.TextContent.Trim(), Is.EqualTo("Hoang Dieu 18"));
        Assert.That(page.QuerySelector("dd[lang=vi]")?.TextContent, Is.EqualTo("Hoàng Diệu 18"));
        Assert.That(page.QuerySelector(".subtitle")!.Collapsed(), Does.Contain("Ba Đình, Hà Nội"));
        var list = await archaeologist.GetPageAsync("/Excavation/Sites");
        Assert.That(list.QuerySelectorAll("#sites tbody td:first-child").Select(td => td.TextContent.Trim()), Does.Contain(code));
    }

    [Test]
    public async Task A_trench_added_on_the_site_page_is_listed_there_and_stored_with_the_site()
    {
        var code = ExcavationRecords.NewSiteCode();
        await archaeologist.CreateSiteAsync(code, "Site with a trench");
        var form = (await archaeologist.GetFormAsync($"/Excavation/Sites/Details/{code}", "#area-form"))
            .Set("Input.Code", "a20").Set("Input.Kind", nameof(AreaKind.Trench)).Set("Input.Description", "Hố đào phía bắc");

        using var response = await archaeologist.SubmitAsync(form);

        await response.ExpectRedirectAsync(archaeologist, $"/Excavation/Sites/Details/{code}");
        var page = await archaeologist.GetPageAsync($"/Excavation/Sites/Details/{code}");
        Assert.That(page.QuerySelectorAll("main .badge").Select(b => b.Collapsed()), Is.EqualTo(new[] { "Trench A20" }));
        var stored = await WithDatabaseAsync(db => db.Areas.Where(a => a.SiteCode == code).Select(a => new { a.Code, a.Kind, a.Description }).ToListAsync());
        Assert.That(stored, Is.EqualTo(new[] { new { Code = "A20", Kind = AreaKind.Trench, Description = (string?)"Hố đào phía bắc" } }));
    }

    [Test]
    public async Task The_new_context_form_proposes_the_next_number_and_saving_it_opens_the_context_page()
    {
        var code = ExcavationRecords.NewSiteCode();
        await archaeologist.CreateSiteAsync(code, "Site with contexts");

        var first = await archaeologist.GetFormAsync($"/Excavation/Contexts/Edit/{code}", "#context-form");
        Assert.That(first.Value("Input.Number"), Is.EqualTo("1"), "the first context of a new site");
        first.Set("Input.Type", nameof(ContextType.Fill))
            .Set("Input.Description", "Lớp đất sét pha cát, nhiều mảnh sành")
            .Set("Input.MunsellColour", "10yr 4/3")
            .Set("Input.TopLevel", "12.40")
            .Set("Input.BottomLevel", "12.10");
        using var response = await archaeologist.SubmitAsync(first);

        await response.ExpectRedirectAsync(archaeologist, $"/Excavation/Contexts/Details/{code}/1");
        var page = await archaeologist.GetPageAsync($"/Excavation/Contexts/Details/{code}/1");
        Assert.That(page.QuerySelector("h1")!.Collapsed(), Is.EqualTo("Context (1)"));
        var record = page.QuerySelector("dl.record")!.Collapsed();
        Assert.That(record, Does.Contain("Fill").And.Contain("Lớp đất sét pha cát, nhiều mảnh sành").And.Contain("10YR 4/3").And.Contain("12.400 – 12.100"));
        var second = await archaeologist.GetFormAsync($"/Excavation/Contexts/Edit/{code}", "#context-form");
        Assert.That(second.Value("Input.Number"), Is.EqualTo("2"), "the number after the highest one recorded");
    }

    [Test]
    public async Task The_new_context_form_saved_as_it_comes_is_refused_on_the_description_and_nothing_is_stored()
    {
        var code = ExcavationRecords.NewSiteCode();
        await archaeologist.CreateSiteAsync(code, "Site with an empty context sheet");

        var form = await archaeologist.GetFormAsync($"/Excavation/Contexts/Edit/{code}", "#context-form");
        using var response = await archaeologist.SubmitAsync(form.Set("Input.Description", "   "));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.FieldMessage("Input.Description"), Does.Contain("Description is required"));
        Assert.That(page.QuerySelector("#Input_Number")!.GetAttribute("value"), Is.EqualTo("1"), "the proposed number is kept");
        Assert.That(await ContextCountAsync(code), Is.Zero);
    }

    [Test]
    public async Task A_context_whose_bottom_is_higher_than_its_top_is_refused_on_the_bottom_level_and_nothing_is_stored()
    {
        var code = ExcavationRecords.NewSiteCode();
        await archaeologist.CreateSiteAsync(code, "Site with levels");

        using var response = await archaeologist.PostFormAsync($"/Excavation/Contexts/Edit/{code}", ("Input.TopLevel", "11.50"), ("Input.BottomLevel", "11.80"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.FieldMessage("Input.BottomLevel"), Does.Contain("cannot be higher than the top level"));
        Assert.That(page.QuerySelector("#Input_BottomLevel")!.GetAttribute("value"), Is.EqualTo("11.80"), "the typed value is kept");
        Assert.That(await ContextCountAsync(code), Is.Zero);
    }

    [TestCase("brownish")]
    [TestCase("10YR 4")]
    [TestCase("44XX 4/3")]
    public async Task A_soil_colour_that_is_not_Munsell_notation_is_refused_on_its_field_and_nothing_is_stored(string colour)
    {
        var code = ExcavationRecords.NewSiteCode();
        await archaeologist.CreateSiteAsync(code, "Site with soil colours");

        using var response = await archaeologist.PostFormAsync($"/Excavation/Contexts/Edit/{code}", ("Input.MunsellColour", colour));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.MunsellColour"), Does.Contain("Munsell colour must look like 10YR 4/3"));
        Assert.That(await ContextCountAsync(code), Is.Zero);
    }

    [Test]
    public async Task A_context_number_already_used_in_the_site_is_refused_on_its_field_and_the_first_context_is_kept()
    {
        var code = ExcavationRecords.NewSiteCode();
        await archaeologist.CreateSiteAsync(code, "Site with a duplicate");
        await archaeologist.CreateContextAsync(code, 7, ("Input.Description", "The first context 7"));

        using var response = await archaeologist.PostFormAsync($"/Excavation/Contexts/Edit/{code}", ("Input.Number", "7"), ("Input.Description", "A second context 7"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.Number"), Does.Contain($"Context 7 already exists in site {code}"));
        var stored = await WithDatabaseAsync(db => db.Contexts.Where(c => c.SiteCode == code).Select(c => c.Description).ToListAsync());
        Assert.That(stored, Is.EqualTo(new[] { "The first context 7" }));
    }

    private Task<int> ContextCountAsync(string code) => WithDatabaseAsync(db => db.Contexts.CountAsync(c => c.SiteCode == code));
}
