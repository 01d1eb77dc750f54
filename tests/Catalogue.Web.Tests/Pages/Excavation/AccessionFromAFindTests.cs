using System.Net;
using Catalogue.Core.Excavation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Artifacts;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Web.Tests.Pages.Excavation;

/// <summary>A curator accessions a registered find: the form comes prefilled, the find and the artifact are linked, and a find is accessioned once.</summary>
public sealed class AccessionFromAFindTests() : CatalogueApp()
{
    private HttpClient curator = null!;
    private ExcavationRecords records = null!;

    [OneTimeSetUp]
    public async Task SignInCurator()
    {
        curator = await SignInAsync(Roles.Curator);
        records = new ExcavationRecords(App.Services);
    }

    [OneTimeTearDown]
    public void DisposeClient() => curator.Dispose();

    [Test]
    public async Task The_find_page_offers_the_accession_link_to_a_curator_but_not_to_a_viewer_or_an_archaeologist()
    {
        var find = await records.StratifiedFindAsync();
        using var viewer = await SignInAsync(Roles.Viewer);
        using var archaeologist = await SignInAsync(Roles.Archaeologist);

        var link = (await curator.GetPageAsync($"/Excavation/Finds/Details/{find.FindNumber}")).QuerySelector("#accession");

        Assert.That(link?.GetAttribute("href"), Is.EqualTo($"/Artifacts/Create?find={find.FindNumber}"));
        Assert.That(link!.Collapsed(), Does.StartWith("Accession"));
        Assert.That((await viewer.GetPageAsync($"/Excavation/Finds/Details/{find.FindNumber}")).QuerySelector("#accession"), Is.Null, "a viewer");
        Assert.That((await archaeologist.GetPageAsync($"/Excavation/Finds/Details/{find.FindNumber}")).QuerySelector("#accession"), Is.Null, "an archaeologist");
    }

    [Test]
    public async Task The_new_artifact_form_opened_from_a_find_is_prefilled_from_it_and_carries_the_find_number()
    {
        var find = await records.StratifiedFindAsync();

        var page = await curator.GetPageAsync($"/Artifacts/Create?find={find.FindNumber}");

        var form = HtmlForm.From(page, new Uri(curator.BaseAddress!, $"/Artifacts/Create?find={find.FindNumber}"), "#artifact-form");
        Assert.That(form.Value("Input.ObjectTypeId"), Is.EqualTo(Id(find.ObjectType)));
        Assert.That(form.Values.Where(v => v.Key == "Input.MaterialIds").Select(v => v.Value), Is.EqualTo(new[] { Id(find.Material) }));
        Assert.That(form.Value("Input.PeriodId"), Is.EqualTo(Id(find.Period)));
        Assert.That((form.Value("Input.EarliestYear"), form.Value("Input.LatestYear")), Is.EqualTo(("1009", "1225")), "the years of the context's period");
        Assert.That(form.Value("Input.TitleEn"), Is.EqualTo("Bowl"));
        Assert.That(form.Value("Input.AccessionNumber"), Is.Not.Empty, "an accession number is proposed");
        Assert.That(form.Value("Input.Provenance"), Does.Contain(find.FindNumber).And.Contain($"context ({find.Context})").And.Contain(find.Site));
        var hidden = page.QuerySelector("#artifact-form input[name='Input.FindNumber']");
        Assert.That((hidden?.GetAttribute("type"), hidden?.GetAttribute("value")), Is.EqualTo(("hidden", find.FindNumber)));
        Assert.That(page.QuerySelector("#from-find")!.Collapsed(), Does.Contain(find.FindNumber));
    }

    [Test]
    public async Task Saving_the_accession_form_links_the_find_to_the_new_artifact_whose_page_shows_the_provenance_chain()
    {
        var find = await records.StratifiedFindAsync();
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        var form = (await curator.GetFormAsync($"/Artifacts/Create?find={find.FindNumber}", "#artifact-form")).Set("Input.AccessionNumber", accessionNumber);

        using var response = await curator.SubmitAsync(form);

        await response.ExpectRedirectAsync(curator, $"/Artifacts/Details/{accessionNumber}");
        var stored = await WithDatabaseAsync(db => db.Finds.Where(f => f.FindNumber == find.FindNumber)
            .Select(f => new { f.Status, AccessionNumber = f.Artifact!.AccessionNumber }).SingleAsync());
        Assert.That((stored.Status, stored.AccessionNumber), Is.EqualTo((FindStatus.Accessioned, accessionNumber)));

        var findPage = await curator.GetPageAsync($"/Excavation/Finds/Details/{find.FindNumber}");
        Assert.That(findPage.QuerySelector("#accession"), Is.Null, "an accessioned find is not offered again");
        Assert.That(findPage.QuerySelector($"main .actions a[href='/Artifacts/Details/{accessionNumber}']"), Is.Not.Null, "the find links to its artifact");
        Assert.That(findPage.QuerySelector("main .subtitle .badge")!.Collapsed(), Is.EqualTo("Accessioned"));

        var artifactPage = await curator.GetPageAsync($"/Artifacts/Details/{accessionNumber}");
        var chain = artifactPage.QuerySelectorAll("#provenance > li").Select(li => li.Collapsed()).ToList();
        Assert.That(chain, Has.Count.EqualTo(4), string.Join(" | ", chain));
        Assert.That(chain[0], Is.EqualTo($"Site: {find.SiteName} ({find.Site})"));
        Assert.That(chain[1], Does.StartWith($"Context: ({find.Context}) Deposit · Phase 3 Lý dynasty")
            .And.Contain($"directly above: ({find.ContextAbove})").And.Contain($"directly below: ({find.ContextBelow})"));
        Assert.That(chain[2], Is.EqualTo($"Find: {find.FindNumber} 2024-03-15"));
        Assert.That(chain[3], Is.EqualTo($"Artifact: {accessionNumber}"));
        Assert.That(artifactPage.QuerySelectorAll("#provenance a").Select(a => a.GetAttribute("href")), Is.EqualTo(new[]
        {
            $"/Excavation/Sites/Details/{find.Site}",
            $"/Excavation/Contexts/Details/{find.Site}/{find.Context}",
            $"/Excavation/Finds/Details/{find.FindNumber}",
        }));
    }

    [Test]
    public async Task Accessioning_the_same_find_a_second_time_is_refused_with_a_message_and_creates_no_artifact()
    {
        var find = await records.StratifiedFindAsync();
        var first = ArtifactForms.NewAccessionNumber();
        var second = ArtifactForms.NewAccessionNumber();
        // Two curators open the form while the find is still waiting; the second saves after the first.
        var firstForm = (await curator.GetFormAsync($"/Artifacts/Create?find={find.FindNumber}", "#artifact-form")).Set("Input.AccessionNumber", first);
        var secondForm = (await curator.GetFormAsync($"/Artifacts/Create?find={find.FindNumber}", "#artifact-form")).Set("Input.AccessionNumber", second);
        using (var accepted = await curator.SubmitAsync(firstForm))
            await accepted.ExpectRedirectAsync(curator, $"/Artifacts/Details/{first}");
        var artifactsBefore = await WithDatabaseAsync(db => db.Artifacts.CountAsync());

        using var response = await curator.SubmitAsync(secondForm);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadHtmlAsync()).FieldMessage("Input.FindNumber"), Does.Contain($"Find {find.FindNumber} is not a registered find waiting to be accessioned"));
        Assert.That(await WithDatabaseAsync(db => db.Artifacts.AnyAsync(a => a.AccessionNumber == second)), Is.False);
        Assert.That(await WithDatabaseAsync(db => db.Artifacts.CountAsync()), Is.EqualTo(artifactsBefore));
        Assert.That(await WithDatabaseAsync(db => db.Finds.Where(f => f.FindNumber == find.FindNumber).Select(f => f.Artifact!.AccessionNumber).SingleAsync()),
            Is.EqualTo(first), "the find stays linked to the first artifact");
        using var again = await curator.GetAsync($"/Artifacts/Create?find={find.FindNumber}");
        await again.ExpectRedirectAsync(curator, $"/Artifacts/Details/{first}");
        var artifactPage = await curator.GetPageAsync($"/Artifacts/Details/{first}");
        Assert.That(artifactPage.QuerySelector("[role=alert]")?.TextContent, Does.Contain($"Find {find.FindNumber} is already accessioned as {first}."),
            "an accessioned find cannot prefill a new record, and the curator is told where it went");
        using var unknown = await curator.GetAsync("/Artifacts/Create?find=NO-SUCH-FIND");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase(Roles.Archaeologist)]
    [TestCase(Roles.Viewer)]
    public async Task Someone_who_may_not_edit_the_catalogue_posting_the_accession_is_refused_and_nothing_is_stored(string role)
    {
        var find = await records.StratifiedFindAsync();
        var accessionNumber = ArtifactForms.NewAccessionNumber();
        using var other = await SignInAsync(role);
        // The curator's form, sent with a token the other person really holds.
        var form = (await curator.GetFormAsync($"/Artifacts/Create?find={find.FindNumber}", "#artifact-form"))
            .Set("Input.AccessionNumber", accessionNumber)
            .Set(HtmlForm.TokenField, await other.OwnAntiforgeryTokenAsync());

        using var response = await other.SubmitAsync(form);

        response.ExpectRefused(other);
        Assert.That(await WithDatabaseAsync(db => db.Artifacts.AnyAsync(a => a.AccessionNumber == accessionNumber)), Is.False);
        var stored = await WithDatabaseAsync(db => db.Finds.Where(f => f.FindNumber == find.FindNumber).Select(f => new { f.Status, f.ArtifactId }).SingleAsync());
        Assert.That((stored.Status, stored.ArtifactId), Is.EqualTo((FindStatus.Registered, (int?)null)));
    }

    private static string Id(Core.Vocabularies.VocabularyTerm term) => ExcavationForms.Number(term.Id);
}
