using Catalogue.Core.Search;

namespace Catalogue.Core.Tests.Search;

/// <summary>
/// A rebuild written by several threads into parts beside the index, then swapped in whole: it finds what an index
/// written by one thread finds, and until it completes (or when it is abandoned) the index stays as it was.
/// </summary>
public sealed class SearchRebuildTests
{
    private const int Records = 900;

    private string folder = null!;

    [SetUp]
    public void MakeFolder() => folder = Path.Combine(Path.GetTempPath(), $"catalogue-rebuild-{Guid.NewGuid():N}");

    [TearDown]
    public void RemoveFolder()
    {
        foreach (var path in new[] { folder, folder + ".rebuild", folder + "-sequential" })
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
    }

    private static IEnumerable<SearchRequest> Requests()
    {
        foreach (var text in new[] { "", "dragon", "ma", "má", "thang long", "hanoi", "\"stacking scar\"", "bowl -lotus", "大越", "TL.2024.01*" })
        {
            yield return new SearchRequest { Text = text, PublicOnly = false, PageSize = 20 };
            yield return new SearchRequest { Text = text, PublicOnly = true, PageSize = 20 };
            yield return new SearchRequest
            {
                Text = text, PublicOnly = false, YearFrom = 1100, YearTo = 1200,
                Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Material] = ["stoneware"] },
            };
        }
    }

    [Test]
    public void A_rebuild_from_several_threads_finds_every_record_with_the_scores_and_counts_of_one_written_in_turn()
    {
        using var sequential = new SearchIndex(folder + "-sequential");
        sequential.Add(Enumerable.Range(0, Records).Select(SearchTestRecords.Record));
        sequential.Commit();

        using var index = new SearchIndex(folder);
        using (var rebuild = index.BeginRebuild())
        {
            Parallel.For(0, Records / 50, new ParallelOptions { MaxDegreeOfParallelism = 4 },
                batch => rebuild.Add(Enumerable.Range(batch * 50, 50).Select(SearchTestRecords.Record)));
            Assert.That(rebuild.Count, Is.EqualTo(Records));
            rebuild.Complete();
        }

        Assert.That(index.DocumentCount, Is.EqualTo(Records));
        var expected = new CatalogueSearch(sequential);
        var actual = new CatalogueSearch(index);
        foreach (var request in Requests())
        {
            var what = $"'{request.Text}' (public {request.PublicOnly}, filtered {request.Filters.Count > 0})";
            var want = expected.Search(request);
            var got = actual.Search(request);
            Assert.That(want.Total, Is.GreaterThan(0), what);
            Assert.That(got.Total, Is.EqualTo(want.Total), what);
            // The parts hold the records in another order, so equal scores may come in another order: compare every
            // page's hits by record.
            Assert.That(Scores(actual, request, got.Total), Is.EquivalentTo(Scores(expected, request, want.Total)), what);
            Assert.That(got.Facets.Keys, Is.EquivalentTo(want.Facets.Keys), what);
            foreach (var (facet, values) in want.Facets)
                Assert.That(got.Facets[facet], Is.EqualTo(values), $"{what}: {facet}");
        }
    }

    private static Dictionary<(SearchDocumentType, int), float> Scores(CatalogueSearch search, SearchRequest request, int total)
    {
        var scores = new Dictionary<(SearchDocumentType, int), float>();
        for (var page = 1; scores.Count < total; page++)
        {
            var hits = search.Search(request with { Page = page, PageSize = SearchRequest.MaxPageSize }).Hits;
            Assert.That(hits, Is.Not.Empty);
            foreach (var hit in hits)
                scores.Add((hit.Type, hit.Id), hit.Score);
        }

        return scores;
    }

    [Test]
    public void A_completed_rebuild_replaces_every_document_and_outlives_the_process()
    {
        using (var index = new SearchIndex(folder))
        {
            index.Add(Enumerable.Range(5000, 30).Select(SearchTestRecords.Record));
            index.Commit();

            using var rebuild = index.BeginRebuild();
            rebuild.Add(Enumerable.Range(0, 40).Select(SearchTestRecords.Record));
            rebuild.Add(Enumerable.Range(40, 10).Select(SearchTestRecords.Record));
            rebuild.Complete();

            Assert.That(index.DocumentCount, Is.EqualTo(50));
            Assert.That(Directory.Exists(folder + ".rebuild"), Is.False, "the parts' files were taken in, and their folder removed");
        }

        using var reopened = new SearchIndex(folder);
        var numbers = new CatalogueSearch(reopened).Search(new SearchRequest { Text = "", PublicOnly = false, Sort = SearchSort.Number, PageSize = 100 })
            .Hits.Select(h => h.Number).ToList();
        Assert.That(numbers, Is.EqualTo(Enumerable.Range(0, 50).Select(i => $"TL.2024.{i:D4}")), "the commit is on disk: the old records are gone, the new ones all there");
        Assert.That(reopened.SchemaVersion, Is.EqualTo(SearchFields.SchemaVersion));
    }

    [Test]
    public void Until_it_completes_searches_see_the_index_as_it_was_and_an_abandoned_rebuild_leaves_it_so()
    {
        using var index = new SearchIndex(folder);
        index.Add(Enumerable.Range(5000, 30).Select(SearchTestRecords.Record));
        index.Commit();
        var search = new CatalogueSearch(index);
        var all = new SearchRequest { Text = "", PublicOnly = false, PageSize = 100 };

        using (var rebuild = index.BeginRebuild())
        {
            rebuild.Add(Enumerable.Range(0, 40).Select(SearchTestRecords.Record));
            index.Commit(); // an outbox change committed meanwhile commits nothing of the rebuild's
            Assert.That(search.Search(all).Total, Is.EqualTo(30));
            Assert.That(Directory.Exists(folder + ".rebuild"), Is.True);
        }

        Assert.That(search.Search(all).Total, Is.EqualTo(30));
        Assert.That(search.Search(all).Hits.All(h => h.Id >= 5000), Is.True);
        Assert.That(Directory.Exists(folder + ".rebuild"), Is.False, "an abandoned rebuild's parts are deleted");
        Assert.That(() => index.BeginRebuild().Dispose(), Throws.Nothing, "a new rebuild can start");
    }

    [Test]
    public void Parts_left_behind_by_a_rebuild_that_crashed_are_discarded_by_the_next()
    {
        var leftover = Path.Combine(folder + ".rebuild", "part-0-crashed");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "_0.fdt"), "half-written");

        using var index = new SearchIndex(folder);
        using (var rebuild = index.BeginRebuild())
        {
            Assert.That(Directory.Exists(leftover), Is.False);
            rebuild.Add(Enumerable.Range(0, 20).Select(SearchTestRecords.Record));
            rebuild.Complete();
        }

        Assert.That(index.DocumentCount, Is.EqualTo(20));
    }

    [Test]
    public void A_rebuild_of_nothing_empties_the_index()
    {
        using var index = new SearchIndex(folder);
        index.Add(Enumerable.Range(0, 20).Select(SearchTestRecords.Record));
        index.Commit();

        using (var rebuild = index.BeginRebuild())
            rebuild.Complete();

        Assert.That(index.DocumentCount, Is.Zero);
        Assert.That(index.SchemaVersion, Is.EqualTo(SearchFields.SchemaVersion));
    }
}
