using Catalogue.Core.Artifacts;
using Catalogue.Core.Search;
using Catalogue.Core.Tests.Support;

namespace Catalogue.Core.Tests.Search;

/// <summary>Exact diacritics rank first; the public sees published artifacts only; snippets are encoded.</summary>
public sealed class SearchRankingAndVisibilityTests
{
    private TestCatalogue catalogue = null!;

    [OneTimeSetUp]
    public async Task IndexTonesAndStatuses()
    {
        catalogue = await TestCatalogue.StartAsync();
        // The four tones of "ma" (ghost, mother, tomb, rice seedling), each on its own record.
        await catalogue.CreateArtifactAsync(catalogue.Artifact("VN.2020.0001").WithTitleVi("Tượng ma").WithStatus(PublicationStatus.Published));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("VN.2020.0002").WithTitleVi("Tượng má").WithStatus(PublicationStatus.Published));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("VN.2020.0003").WithTitleVi("Tượng mã").WithStatus(PublicationStatus.Published));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("VN.2020.0004").WithTitleVi("Tượng mạ").WithStatus(PublicationStatus.Published));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("PU.2020.0001").WithTitleEn("Celadon phoenix bowl").WithStatus(PublicationStatus.Published)
            .WithDescriptionVi("<script>alert(1)</script> bát men ngọc & hoa sen").WithProvenance("Found beside the secret storeroom"));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("DR.2020.0001").WithTitleEn("Celadon phoenix dish (draft)").WithStatus(PublicationStatus.Draft));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("IN.2020.0001").WithTitleEn("Celadon phoenix jar (internal)").WithStatus(PublicationStatus.Internal));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TR.2020.0001").WithTitleEn("Trilingual brick").WithStatus(PublicationStatus.Published)
            .WithDescriptionVi("Gạch in chữ Hán, tìm thấy ở Hoàng thành Thăng Long.")
            .WithDescriptionFr("Brique portant des caractères chinois, trouvée à la citadelle de Thăng Long.")
            .WithDescriptionEn("Brick stamped with Chinese characters, found in the Thăng Long citadel. A kiln mark on one side."));
        await catalogue.IndexPendingChangesAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await catalogue.DisposeAsync();

    [TestCase("ma", "VN.2020.0001")]
    [TestCase("má", "VN.2020.0002")]
    [TestCase("mã", "VN.2020.0003")]
    [TestCase("mạ", "VN.2020.0004")]
    public void The_record_with_the_querys_own_tone_ranks_above_those_that_only_match_folded(string query, string expected)
    {
        var results = catalogue.SearchArtifacts(query);

        Assert.That(results.Numbers(), Has.Count.EqualTo(4), "every tone matches once folded");
        Assert.That(results.Numbers()[0], Is.EqualTo(expected));
        Assert.That(results.Hits[0].Score, Is.GreaterThan(results.Hits[1].Score), "the exact match scores strictly higher");
    }

    [Test]
    public void The_public_search_returns_published_artifacts_only()
    {
        var results = catalogue.Search(new SearchRequest { Text = "celadon phoenix", PublicOnly = true });
        var staff = catalogue.Search(new SearchRequest { Text = "celadon phoenix", PublicOnly = false });

        Assert.That(results.Numbers(), Is.EqualTo(new[] { "PU.2020.0001" }));
        Assert.That(results.Total, Is.EqualTo(1));
        Assert.That(staff.Numbers(), Is.EquivalentTo(new[] { "PU.2020.0001", "DR.2020.0001", "IN.2020.0001" }));
    }

    [Test]
    public void The_public_search_neither_finds_nor_shows_staff_only_text()
    {
        var byProvenance = catalogue.Search(new SearchRequest { Text = "storeroom", PublicOnly = true });
        var staff = catalogue.Search(new SearchRequest { Text = "storeroom", PublicOnly = false });
        var all = catalogue.Search(new SearchRequest { Text = "celadon", PublicOnly = true });

        Assert.That(byProvenance.Total, Is.Zero);
        Assert.That(staff.Numbers(), Does.Contain("PU.2020.0001"), "staff do search the provenance");
        Assert.That(all.Hits.Select(h => h.Snippet), Has.None.Contains("storeroom"));
        Assert.That(all.Facets.Keys, Does.Not.Contain(SearchFields.Condition).And.Not.Contain(SearchFields.Status).And.Not.Contain(SearchFields.Site));
    }

    [Test]
    public void A_public_filter_on_a_staff_only_facet_is_ignored_rather_than_revealing_anything()
    {
        var results = catalogue.Search(new SearchRequest
        {
            Text = "celadon",
            PublicOnly = true,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Status] = ["draft"] },
        });

        Assert.That(results.Numbers(), Is.EqualTo(new[] { "PU.2020.0001" }));
    }

    [Test]
    public void A_snippet_is_encoded_html_with_only_our_marks()
    {
        var hit = catalogue.SearchArtifacts("men ngọc").Hits.Single(h => h.Number == "PU.2020.0001");

        Assert.That(hit.Snippet, Does.Contain("<mark>men</mark> <mark>ngọc</mark>"));
        Assert.That(hit.Snippet, Does.Contain("&lt;script&gt;").And.Contain("&amp;").And.Not.Contain("<script>"));
        var withoutMarks = hit.Snippet.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal);
        Assert.That(withoutMarks, Does.Not.Contain("<"));
    }

    [TestCase("vi", "ở Hoàng thành <mark>Thăng</mark> <mark>Long</mark>")]
    [TestCase("fr", "à la citadelle de <mark>Thăng</mark> <mark>Long</mark>")]
    [TestCase("en", "found in the <mark>Thăng</mark> <mark>Long</mark> citadel")]
    public void A_snippet_is_cut_from_the_description_in_the_readers_language(string language, string expected)
    {
        var hit = catalogue.Search(new SearchRequest { Text = "thang long", Language = language }).Hits.Single(h => h.Number == "TR.2020.0001");

        Assert.That(hit.Snippet, Does.Contain(expected));
    }

    [Test]
    public void A_snippet_comes_from_another_language_when_the_readers_holds_none_of_the_words()
    {
        var hit = catalogue.Search(new SearchRequest { Text = "kiln", Language = "fr" }).Hits.Single(h => h.Number == "TR.2020.0001");

        Assert.That(hit.Snippet, Does.Contain("A <mark>kiln</mark> mark"));
    }

    [TestCase("fr", "Brique portant")]
    [TestCase("vi", "Gạch in chữ Hán")]
    public void A_hit_found_without_words_is_introduced_by_the_description_in_the_readers_language(string language, string expected)
    {
        var hit = catalogue.Search(new SearchRequest { Text = "", Language = language, PageSize = 50 }).Hits.Single(h => h.Number == "TR.2020.0001");

        Assert.That(hit.Snippet, Does.StartWith(expected));
    }

    [Test]
    public void A_folded_query_marks_the_accented_words_in_the_snippet()
    {
        var hit = catalogue.SearchArtifacts("hoa sen ngoc").Hits.Single(h => h.Number == "PU.2020.0001");

        Assert.That(hit.Snippet, Does.Contain("<mark>ngọc</mark>").And.Contain("<mark>hoa</mark> <mark>sen</mark>"));
    }
}
