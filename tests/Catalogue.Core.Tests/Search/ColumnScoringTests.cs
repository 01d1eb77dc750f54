using Catalogue.Core.Common;
using Catalogue.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalogue.Core.Tests.Search;

/// <summary>
/// Scoring common words from frequency columns (<see cref="ColumnScoring"/>) gives what Lucene's scorers give, score
/// for score to the bit, with the same totals, pages and facet counts; a segment it cannot serve is left to Lucene.
/// Also: facet ordinals in their compact layouts count what the doc values hold, and among equal scores a parallel
/// search keeps the first records of the index whatever order its workers take the segments in.
/// </summary>
[NonParallelizable]
public sealed class ColumnScoringTests
{
    private readonly List<string> folders = [];

    [TearDown]
    public void Restore()
    {
        ColumnScoring.UsedFrom = 50_000;
        SegmentSearch.ParallelFrom = 50_000;
    }

    [OneTimeTearDown]
    public void Remove()
    {
        foreach (var folder in folders)
            Directory.Delete(folder, recursive: true);
    }

    private SearchIndex NewIndex(params IEnumerable<SearchRecord>[] commits)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"catalogue-columns-{Guid.NewGuid():N}");
        folders.Add(folder);
        var index = new SearchIndex(folder);
        foreach (var records in commits)
        {
            index.Add(records);
            index.Commit();
        }

        return index;
    }

    // Words repeated a different number of times in descriptions of different lengths: frequencies and length norms
    // vary from record to record.
    private static SearchRecord Record(int i, string? description = null, IReadOnlyList<string>? materials = null)
    {
        var record = SearchTestRecords.Record(i);
        return record with
        {
            Inscription = null,
            Description = LocalizedText.Of(
                description ?? record.Description.Vi,
                null,
                $"A {SearchTestRecords.Decoration(i)} bowl with a stacking scar, {SearchTestRecords.Word(i)}{string.Concat(Enumerable.Repeat(" and glaze", i % 6))}."),
            Materials = materials ?? record.Materials,
        };
    }

    private static IEnumerable<SearchRecord> Records(int from, int count) => Enumerable.Range(from, count).Select(i => Record(i));

    private static IEnumerable<SearchRequest> Requests()
    {
        foreach (var text in new[] { "dragon", "ma", "má", "thang long", "Thăng Long", "hanoi", "celadon lotus", "dragon glaze", "bowl lotus hanoi", "trang trí", "glaze" })
        {
            yield return new SearchRequest { Text = text, PublicOnly = false, PageSize = 100 };
            yield return new SearchRequest { Text = text, PublicOnly = true, PageSize = 30, Page = 2 };
            yield return new SearchRequest { Text = text, PublicOnly = false, Sort = SearchSort.Number, PageSize = 15, Page = 3 };
            yield return new SearchRequest
            {
                Text = text, PublicOnly = false, YearFrom = 1100, YearTo = 1200, PageSize = 50,
                Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Material] = ["stoneware"] },
            };
        }
    }

    [Test]
    public void Scores_from_columns_are_the_scores_Lucene_gives_and_pages_totals_and_facets_are_the_same()
    {
        using var index = NewIndex(Records(0, 150), Records(150, 260), Records(410, 90), Records(500, 300));
        index.Delete([SearchRecord.KeyOf(SearchDocumentType.Artifact, 7), SearchRecord.KeyOf(SearchDocumentType.Artifact, 401)]);
        index.Commit();
        var search = new CatalogueSearch(index);

        foreach (var parallel in new[] { false, true })
        {
            SegmentSearch.ParallelFrom = parallel ? 0 : int.MaxValue;
            foreach (var request in Requests())
            {
                ColumnScoring.UsedFrom = int.MaxValue;
                var lucene = search.Search(request);
                ColumnScoring.UsedFrom = 0;
                var columns = search.Search(request);

                columns.AssertSameAs(lucene, $"{request.Text} / {request.Sort} / page {request.Page} / public {request.PublicOnly} / parallel {parallel}");
            }
        }
    }

    [TestCase("dragon")]
    [TestCase("thang long")]
    [TestCase("ma")]
    [TestCase("celadon lotus")]
    public void Queries_of_common_words_are_scored_from_columns(string text)
    {
        var (planned, query) = Planned(text);
        Assert.That(planned, Is.Not.Null, query);
    }

    [TestCase("\"stacking scar\"", TestName = "A phrase is left to Lucene")]
    [TestCase("dragon -lotus", TestName = "An excluded word is left to Lucene")]
    [TestCase("dragon OR lotus", TestName = "Alternatives are left to Lucene")]
    [TestCase("HT18-0042", TestName = "A rare word is left to Lucene")]
    [TestCase("drag*", TestName = "A wildcard is left to Lucene")]
    public void Queries_columns_do_not_serve_are_left_to_Lucene(string text)
    {
        var (planned, query) = Planned(text);
        Assert.That(planned, Is.Null, query);
    }

    /// <summary>The column plan for a query on 400 records (null when columns do not serve it), and the query run.</summary>
    private (ColumnScoring? Plan, string Query) Planned(string text)
    {
        using var index = NewIndex(Records(0, 400));
        var searcher = index.Acquire();
        try
        {
            var counts = new TermCounts(searcher.IndexReader);
            var query = ExactClauses.Prune(new SearchQueryParser(staff: true).Parse(text), counts);
            return (ColumnScoring.Plan(searcher, query, counts), query.ToString());
        }
        finally
        {
            index.Release(searcher);
        }
    }

    [Test]
    public void A_segment_where_a_word_occurs_more_than_255_times_in_a_record_is_scored_by_Lucene_and_ranks_the_same()
    {
        var crowded = Record(1000, description: string.Join(' ', Enumerable.Repeat("rồng trang trí", 300)));
        using var index = NewIndex(Records(0, 200), [crowded, .. Records(200, 100)]);
        var searcher = index.Acquire();
        try
        {
            var leaves = searcher.IndexReader.Leaves;
            var folded = new Term(SearchFields.Text, "rong");
            Assert.That(TermColumn.For(leaves[0].AtomicReader, folded), Is.Not.Null);
            Assert.That(TermColumn.For(leaves[1].AtomicReader, folded), Is.Null, "300 times does not fit a byte");
        }
        finally
        {
            index.Release(searcher);
        }

        var search = new CatalogueSearch(index);
        var request = new SearchRequest { Text = "rong trang", PublicOnly = false, PageSize = 50 };
        ColumnScoring.UsedFrom = int.MaxValue;
        var lucene = search.Search(request);
        ColumnScoring.UsedFrom = 0;
        var columns = search.Search(request);

        Assert.That(lucene.Hits[0].Number, Is.EqualTo("TL.2024.1000"));
        Assert.That(columns.Total, Is.EqualTo(lucene.Total));
        Assert.That(columns.Hits.Select(h => (h.Id, h.Score)), Is.EqualTo(lucene.Hits.Select(h => (h.Id, h.Score))));
    }

    [Test]
    public void Among_equal_scores_a_parallel_search_keeps_the_first_records_whatever_segment_its_workers_take_first()
    {
        // Segments of growing size: the workers take the largest (last) first and the smallest (first) last.
        var same = Enumerable.Range(0, 600).Select(i => Record(i, materials: ["stoneware"]) with
        {
            Title = LocalizedText.Of("Bát", null, null),
            Description = LocalizedText.Of("bát gốm", null, null),
            Type = SearchDocumentType.Artifact,
            DatingText = null,
            EarliestYear = null,
            LatestYear = null,
        }).ToList();
        using var index = NewIndex(same[..100], same[100..300], same[300..]);
        var search = new CatalogueSearch(index);

        foreach (var request in new[]
        {
            new SearchRequest { Text = "bát gốm", PublicOnly = false, PageSize = 20 },
            new SearchRequest { Text = "", PublicOnly = false, PageSize = 20, Page = 3 },
            new SearchRequest { Text = "bat", PublicOnly = false, PageSize = 20, Sort = SearchSort.Date },
        })
        {
            SegmentSearch.ParallelFrom = int.MaxValue;
            var alone = search.Search(request);
            SegmentSearch.ParallelFrom = 0;
            var parallel = search.Search(request);

            var first = (request.Page - 1) * request.PageSize;
            Assert.That(alone.Hits.Select(h => h.Id), Is.EqualTo(Enumerable.Range(first, request.PageSize)), request.Text);
            Assert.That(parallel.Hits.Select(h => h.Id), Is.EqualTo(alone.Hits.Select(h => h.Id)), request.Text);
        }
    }

    [Test]
    public void Facet_ordinals_in_byte_slots_two_byte_slots_or_offsets_count_what_the_doc_values_hold()
    {
        // A few values: one-byte slots. Hundreds of materials: two-byte slots. A record with thirty materials: offsets.
        using var narrow = NewIndex(Records(0, 120));
        using var wide = NewIndex(Enumerable.Range(0, 120).Select(i => Record(i, materials: [$"m{i}", $"n{i}", $"o{i}"])));
        using var offsets = NewIndex([Record(0, materials: [.. Enumerable.Range(0, 30).Select(m => $"m{m}")]), .. Records(1, 50)]);

        foreach (var (index, layout) in new[] { (narrow, @"^\d+ byte slots$"), (wide, @"^\d+ two-byte slots$"), (offsets, "^offsets$") })
        {
            var searcher = index.Acquire();
            try
            {
                var reader = searcher.IndexReader.Leaves.Single().AtomicReader;
                var ordinals = FacetOrdinals.For(reader);
                Assert.That(ordinals.Layout, Does.Match(layout));
                var values = reader.GetSortedSetDocValues(SearchFields.FacetValues);
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    values.SetDocument(doc);
                    var expected = new List<int>();
                    long ord;
                    while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                        expected.Add((int)ord);
                    Assert.That(ordinals.Of(doc), Is.EqualTo(expected), $"{layout}: document {doc}");
                }
            }
            finally
            {
                index.Release(searcher);
            }
        }

        var counted = new CatalogueSearch(wide).Search(new SearchRequest { Text = "", PublicOnly = false, FacetSize = 1000 });
        Assert.That(counted.Facets[SearchFields.Material], Has.Count.EqualTo(360));
        Assert.That(counted.Facets[SearchFields.Material].Select(v => v.Count), Is.All.EqualTo(1));
    }
}
