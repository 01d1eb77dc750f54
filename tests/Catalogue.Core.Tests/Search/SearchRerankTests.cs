using Catalogue.Core.Artifacts;
using Catalogue.Core.Search;
using Catalogue.Core.Tests.Support;

namespace Catalogue.Core.Tests.Search;

/// <summary>
/// The best hits are re-ordered by how the words stand in each record: words side by side, and words in the title,
/// rank above words scattered through a description; paging cuts every page from that one order.
/// </summary>
public sealed class SearchRerankTests
{
    private TestCatalogue catalogue = null!;

    [OneTimeSetUp]
    public async Task IndexRecords()
    {
        catalogue = await TestCatalogue.StartAsync();
        // "Hoàng thành" (the imperial citadel) as a name, in a long description; "hoàng" and "thành" apart, in a short one.
        await catalogue.CreateArtifactAsync(catalogue.Artifact("RR.2021.0001").WithTitleVi("Gạch in chữ")
            .WithDescriptionVi("Gạch thời Lý, tìm thấy ở khu trung tâm Hoàng thành cùng nhiều mảnh ngói, mảnh gốm và gạch vỡ khác trong cùng một lớp đất đắp nền."));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("RR.2021.0002").WithTitleVi("Bát men trắng")
            .WithDescriptionVi("Men vàng hoàng kim, chảy thành dòng."));
        // The words in the title of one, apart in the short description of another.
        await catalogue.CreateArtifactAsync(catalogue.Artifact("RR.2021.0003").WithTitleEn("Lotus bowl")
            .WithDescriptionEn("Stoneware with a celadon glaze, its foot ring unglazed and its walls thrown thin; a stacking scar on the inside shows it was fired in a pile with others of its kind."));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("RR.2021.0004").WithTitleEn("Dish")
            .WithDescriptionEn("A bowl shape, with a lotus."));
        for (var i = 1; i <= 30; i++)
        {
            await catalogue.CreateArtifactAsync(catalogue.Artifact($"PG.2021.{i:D4}").WithTitleEn(i % 3 == 0 ? "Glazed jar" : "Jar")
                .WithDescriptionEn(string.Join(' ', Enumerable.Repeat("glazed stoneware jar", 1 + (i % 5))) + (i % 2 == 0 ? " with a glazed lid" : string.Empty)));
        }

        await catalogue.IndexPendingChangesAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await catalogue.DisposeAsync();

    [Test]
    public void Words_side_by_side_rank_above_the_same_words_apart_in_a_shorter_record()
    {
        var oneWord = catalogue.SearchArtifacts("hoang").Numbers();
        Assert.That(oneWord, Is.EqualTo(new[] { "RR.2021.0002", "RR.2021.0001" }), "word by word, the shorter record scores higher");

        var results = catalogue.SearchArtifacts("hoang thanh");

        Assert.That(results.Numbers(), Is.EqualTo(new[] { "RR.2021.0001", "RR.2021.0002" }));
        Assert.That(results.Hits[0].Score, Is.GreaterThan(results.Hits[1].Score));
    }

    [Test]
    public void A_record_whose_title_holds_the_words_ranks_above_one_that_mentions_them_in_passing()
    {
        var results = catalogue.SearchArtifacts("lotus bowl");

        Assert.That(results.Numbers(), Is.EqualTo(new[] { "RR.2021.0003", "RR.2021.0004" }));
    }

    [Test]
    public void Pages_are_cut_from_one_order()
    {
        var whole = catalogue.SearchArtifacts("glazed jar", pageSize: 30).Numbers();
        var paged = Enumerable.Range(1, 6).SelectMany(page => catalogue.Search(new SearchRequest
        {
            Text = "glazed jar", PublicOnly = false, Types = [SearchDocumentType.Artifact], PageSize = 5, Page = page,
        }).Numbers()).ToList();

        Assert.That(whole, Has.Count.EqualTo(30));
        Assert.That(paged, Is.EqualTo(whole));
        Assert.That(whole.Take(10), Has.Some.Matches<string>(n => int.Parse(n[^4..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0),
            "the jars titled 'Glazed jar' are among the first");
    }

    [Test]
    public void Sorting_by_number_is_not_re_ordered()
    {
        var results = catalogue.Search(new SearchRequest { Text = "hoang thanh", PublicOnly = false, Sort = SearchSort.Number });

        Assert.That(results.Numbers(), Is.EqualTo(new[] { "RR.2021.0001", "RR.2021.0002" }));
    }
}
