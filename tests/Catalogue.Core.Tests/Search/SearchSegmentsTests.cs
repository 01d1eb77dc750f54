using Catalogue.Core.Search;
using Lucene.Net.Search;

namespace Catalogue.Core.Tests.Search;

/// <summary>
/// The shortcuts a large index takes give the answers a plain Lucene search gives: segments searched in parallel
/// (merged in the same order, with the same totals and facet counts) and as-typed clauses dropped where they cannot
/// change the order. The index is written in several commits, so it has several segments.
/// </summary>
[NonParallelizable]
public sealed class SearchSegmentsTests
{
    private string folder = null!;
    private SearchIndex index = null!;
    private CatalogueSearch search = null!;

    [OneTimeSetUp]
    public void WriteAnIndexInSeveralSegments()
    {
        folder = Path.Combine(Path.GetTempPath(), $"catalogue-segments-{Guid.NewGuid():N}");
        index = new SearchIndex(folder);
        for (var batch = 0; batch < 6; batch++)
        {
            index.Add(Enumerable.Range(batch * 150, 150).Select(Record));
            index.Commit();
        }

        index.Delete([SearchRecord.KeyOf(SearchDocumentType.Artifact, 7), SearchRecord.KeyOf(SearchDocumentType.Artifact, 400)]);
        index.Commit();
        search = new CatalogueSearch(index);
    }

    [OneTimeTearDown]
    public void Remove()
    {
        SegmentSearch.ParallelFrom = 50_000;
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static SearchRecord Record(int i) => SearchTestRecords.Record(i);

    private static IEnumerable<SearchRequest> Requests()
    {
        foreach (var text in new[] { "", "dragon", "ma", "má", "thang long", "hanoi", "celadon", "\"stacking scar\"", "bowl -lotus", "大越", "TL.2024.01*" })
        {
            yield return new SearchRequest { Text = text, PublicOnly = false, PageSize = 20 };
            yield return new SearchRequest { Text = text, PublicOnly = true, PageSize = 7, Page = 2 };
            yield return new SearchRequest { Text = text, PublicOnly = false, Sort = SearchSort.Number, PageSize = 15, Page = 3 };
            yield return new SearchRequest { Text = text, PublicOnly = false, Sort = SearchSort.Date, PageSize = 25 };
            yield return new SearchRequest
            {
                Text = text, PublicOnly = false, YearFrom = 1100, YearTo = 1200,
                Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Material] = ["stoneware"] },
            };
        }
    }

    [Test]
    public void The_index_has_several_segments()
    {
        var searcher = index.Acquire();
        try
        {
            Assert.That(searcher.IndexReader.Leaves, Has.Count.GreaterThan(2));
        }
        finally
        {
            index.Release(searcher);
        }
    }

    [Test]
    public void Segments_are_written_with_the_catalogue_codec_and_read_back_by_a_new_index_instance()
    {
        var infos = new Lucene.Net.Index.SegmentInfos();
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
            infos.Read(directory);
        Assert.That(infos.Select(s => s.Info.Codec.Name), Is.All.EqualTo(CatalogueCodec.CodecName));

        // Another instance over the same files (as after a restart) finds the codec by its name and reads the records.
        var copy = Path.Combine(Path.GetTempPath(), $"catalogue-segments-copy-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            using var reopened = new SearchIndex(copy);
            var results = new CatalogueSearch(reopened).Search(new SearchRequest { Text = "stacking scar", PublicOnly = false });
            Assert.That(results.Total, Is.EqualTo(index.DocumentCount));
            Assert.That(results.Hits[0].Snippet, Does.Contain("stacking"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Test]
    public void Searching_segments_in_parallel_gives_what_one_thread_gives()
    {
        foreach (var request in Requests())
        {
            SegmentSearch.ParallelFrom = int.MaxValue;
            var alone = search.Search(request);
            SegmentSearch.ParallelFrom = 0;
            var parallel = search.Search(request);

            parallel.AssertSameAs(alone, $"{request.Text} / {request.Sort} / page {request.Page}");
        }
    }

    [TestCase("dragon")]
    [TestCase("lotus")]
    [TestCase("ma")]
    [TestCase("má")]
    [TestCase("thang long")]
    [TestCase("Thăng Long")]
    [TestCase("hanoi")]
    [TestCase("celadon lotus")]
    [TestCase("\"stacking scar\"")]
    [TestCase("\"trang trí\" rồng")]
    [TestCase("dragon ma")]
    [TestCase("dragon glaze")]
    [TestCase("bowl lotus hanoi")]
    public void The_shortcuts_keep_the_order_and_total_of_the_full_query(string text)
    {
        var request = new SearchRequest { Text = text, PublicOnly = false, PageSize = 100 };
        var results = search.Search(request);

        // The same query run by Lucene itself, as the parser built it (every as-typed clause kept).
        var full = new SearchQueryParser(staff: true).Parse(text);
        var searcher = index.Acquire();
        List<string> expected;
        try
        {
            var top = searcher.Search(full, 100);
            expected = top.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(SearchFields.Number)).ToList();
            Assert.That(results.Total, Is.EqualTo(top.TotalHits));
        }
        finally
        {
            index.Release(searcher);
        }

        Assert.That(results.Total, Is.GreaterThan(0));
        Assert.That(results.Hits.Select(h => h.Number), Is.EqualTo(expected));
    }

    [Test]
    public void Common_words_that_rarely_meet_are_intersected_first_and_a_single_word_is_not()
    {
        var searcher = index.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var both = ExactClauses.Prune(new SearchQueryParser(staff: false).Parse("dragon glaze"), new TermCounts(reader));
            using (var lease = DenseTerms.Apply(both, new TermCounts(reader)))
                Assert.That(lease.Query, Is.TypeOf<FilteredQuery>(), "dragon and glaze are each in many records, together in few");

            var one = ExactClauses.Prune(new SearchQueryParser(staff: false).Parse("dragon"), new TermCounts(reader));
            using (var lease = DenseTerms.Apply(one, new TermCounts(reader)))
                Assert.That(lease.Query, Is.SameAs(one));

            var usual = ExactClauses.Prune(new SearchQueryParser(staff: false).Parse("bát trang"), new TermCounts(reader));
            using (var lease = DenseTerms.Apply(usual, new TermCounts(reader)))
                Assert.That(lease.Query, Is.SameAs(usual), "words that nearly always meet are walked as usual");
        }
        finally
        {
            index.Release(searcher);
        }
    }

    [Test]
    public void A_word_written_only_one_way_is_searched_once_and_a_word_with_other_spellings_keeps_its_as_typed_clause()
    {
        var searcher = index.Acquire();
        try
        {
            var dragon = ExactClauses.Prune(new SearchQueryParser(staff: false).Parse("dragon"), new TermCounts(searcher.IndexReader)).Rewrite(searcher.IndexReader);
            Assert.That(dragon, Is.TypeOf<TermQuery>(), dragon.ToString());

            var ma = ExactClauses.Prune(new SearchQueryParser(staff: false).Parse("ma"), new TermCounts(searcher.IndexReader)).Rewrite(searcher.IndexReader);
            Assert.That(ma.ToString(), Does.Contain($"{SearchAnalysis.ExactMarker}ma"), "ma, má, mã and mạ are different words");
        }
        finally
        {
            index.Release(searcher);
        }
    }
}
