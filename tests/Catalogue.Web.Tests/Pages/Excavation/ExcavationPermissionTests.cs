using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Excavation;

/// <summary>
/// Only archaeologists (and admins) change the field record. Each refused POST carries the archaeologist's form
/// fields with a token the refused person really holds, so it is the role that is refused, not a missing token.
/// </summary>
public sealed class ExcavationPermissionTests() : CatalogueApp()
{
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

    [TestCase(Roles.Viewer)]
    [TestCase(Roles.Curator)]
    [TestCase(Roles.Conservator)]
    public async Task Someone_who_is_not_an_archaeologist_posting_a_new_context_is_refused_and_nothing_is_stored(string role)
    {
        var site = await records.SiteWithContextsAsync(1);
        var form = (await archaeologist.GetFormAsync($"/Excavation/Contexts/Edit/{site}", "#context-form")).Set("Input.Number", "50").Set("Input.Description", "A layer");

        await PostAsAsync(role, form);

        Assert.That(await WithDatabaseAsync(db => db.Contexts.Where(c => c.SiteCode == site).Select(c => c.Number).ToListAsync()), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public async Task A_viewer_posting_changes_to_a_context_is_refused_and_the_context_is_unchanged()
    {
        var site = await records.SiteWithContextsAsync(1);
        var form = (await archaeologist.GetFormAsync($"/Excavation/Contexts/Edit/{site}/1", "#context-form")).Set("Input.Description", "Changed by a viewer");

        await PostAsAsync(Roles.Viewer, form);

        Assert.That(await WithDatabaseAsync(db => db.Contexts.Where(c => c.SiteCode == site && c.Number == 1).Select(c => new { c.Description, c.Version }).SingleAsync()),
            Is.EqualTo(new { Description = (string?)"Context 1", Version = 1 }));
    }

    [Test]
    public async Task A_viewer_posting_a_relation_is_refused_and_nothing_is_stored()
    {
        var site = await records.SiteWithContextsAsync(1, 2);

        await PostAsAsync(Roles.Viewer, await archaeologist.RelationFormAsync(site, 1, "Above", 2));
        await PostAsAsync(Roles.Viewer, await archaeologist.BatchFormAsync(site, 1, "1 above 2"));

        Assert.That(await WithDatabaseAsync(db => db.ContextRelations.CountAsync(r => r.SiteCode == site)), Is.Zero);
    }

    [Test]
    public async Task A_viewer_posting_a_find_is_refused_and_nothing_is_stored()
    {
        var site = await records.SiteWithContextsAsync(1);

        await PostAsAsync(Roles.Viewer, await archaeologist.RegisterFormAsync(site, 1));

        Assert.That(await WithDatabaseAsync(db => db.Finds.CountAsync(f => f.Context!.SiteCode == site)), Is.Zero);
    }

    /// <summary>Posts the form as someone in the role, with their own token, and checks they are refused.</summary>
    private async Task PostAsAsync(string role, HtmlForm form)
    {
        using var other = await SignInAsync(role);
        form.Set(HtmlForm.TokenField, await other.OwnAntiforgeryTokenAsync());
        using var response = await other.SubmitAsync(form);
        response.ExpectRefused(other);
    }
}
