using Catalogue.Core.Common;
using Catalogue.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Catalogue.Core.Tests.Search;

/// <summary>
/// A rebuild inverts records with code of its own (<see cref="SegmentBuffer"/>, remembering each word's analysis) and
/// hands Lucene the result to write: the segment must be the one Lucene's own indexing of the same documents writes,
/// term for term, position for position, with the same norms, doc values and stored values.
/// </summary>
public sealed class SegmentBufferTests
{
    private string folder = null!;

    [SetUp]
    public void MakeFolder() => folder = Path.Combine(Path.GetTempPath(), $"catalogue-segment-{Guid.NewGuid():N}");

    [TearDown]
    public void RemoveFolder()
    {
        if (System.IO.Directory.Exists(folder))
            System.IO.Directory.Delete(folder, recursive: true);
    }

    /// <summary>Text the word-at-a-time analysis must get right, or leave to Lucene's analysis of the whole text.</summary>
    private static readonly string[] Awkward =
    [
        "Thăng Long, Hà Nội — l'Hôtel de Ville d'Hanoï; qu'il soit",
        "ma má mã mạ MA Má\tmạ\r\nma",
        "bowl  with\n\nspaces \t and 12.5 cm, 1,010–1,225 AD (c. 1010)",
        "— … !!! ???",
        "a \u0301b combining mark after a space, and e\u0301 decomposed",
        "zero\u200Bwidth and joiner\u200D👍🏽 emoji 🇻🇳 flags",
        "ภาษาไทย ไม่มีช่องว่าง Thai without spaces",
        "大越國軍城磚 inscription 大越 with Latin, and 한국어 and カタカナ",
        "大 越 國 軍 城 磚 spaced, 大越。國軍「城磚」 punctuated, 大越國a軍b城 mixed, 大\n越\t國 across lines",
        "ひらがなとカタカナ 漢字かな交じり 한국어텍스트 𠀀𠀁 beyond the first plane",
        new string('x', 300) + " after a word longer than the tokenizer keeps " + new string('y', 256),
        "word " + new string('z', 255) + " exactly as long as the tokenizer keeps",
        "e-mail co-operation rock'n'roll l'été aujourd'hui O'Brien _under_score_ 3.14.15 v2.0",
        "Ελληνικά Кириллица ǅemal İstanbul ß Straße ﬁ ligature",
    ];

    private static IEnumerable<SearchRecord> Records()
    {
        for (var i = 0; i < 300; i++)
            yield return SearchTestRecords.Record(i);
        for (var i = 0; i < Awkward.Length; i++)
        {
            var text = Awkward[i];
            yield return new SearchRecord
            {
                Type = SearchDocumentType.Artifact,
                Id = 10_000 + i,
                Number = $"AW.{i}",
                Title = LocalizedText.Of(text, i % 2 == 0 ? text : null, "Awkward text"),
                Description = LocalizedText.Of(null, text, text + " " + text),
                Inscription = i % 3 == 0 ? text : null,
                DatingText = i % 2 == 0 ? text : null,
                EarliestYear = i % 4 == 0 ? null : -200 + (i * 100),
                LatestYear = i % 3 == 0 ? null : 1900 + i,
                StaffText = i % 2 == 1 ? text : null,
                ObjectType = i % 2 == 0 ? "bowl" : null,
                Materials = i % 3 == 0 ? ["stoneware", "stoneware", "Glaze"] : [],
                Status = "published",
            };
        }
    }

    [Test]
    public void A_rebuilt_segment_holds_exactly_what_Lucene_indexing_the_same_documents_holds()
    {
        var records = Records().ToList();
        using var expected = Index("lucene", writer =>
        {
            foreach (var record in records)
                writer.AddDocument(SearchDocuments.Build(record));
        });
        using var actual = Index("buffer", writer =>
        {
            var buffer = new SegmentBuffer(new TermTable());
            foreach (var record in records)
                buffer.Add(record);
            buffer.WriteTo(writer);
        });

        var want = Single(expected);
        var got = Single(actual);
        Assert.That(got.MaxDoc, Is.EqualTo(records.Count));
        Assert.That(got.MaxDoc, Is.EqualTo(want.MaxDoc));
        CompareFieldInfos(want, got);
        foreach (var info in want.FieldInfos)
        {
            if (info.IsIndexed)
                ComparePostings(want, got, info.Name);
            if (info.HasNorms)
                CompareNumbers(want.GetNormValues(info.Name), got.GetNormValues(info.Name), want.MaxDoc, $"norms of {info.Name}");
        }

        CompareNumbers(want.GetNumericDocValues(SearchFields.SortYear), got.GetNumericDocValues(SearchFields.SortYear), want.MaxDoc, SearchFields.SortYear);
        CompareSorted(want, got);
        CompareSortedSet(want, got);
        CompareStored(want, got);
    }

    [Test]
    public void Buffers_written_one_after_another_each_give_a_segment_and_every_record_is_found()
    {
        var records = Records().ToList();
        using var directory = Index("two", writer =>
        {
            var buffer = new SegmentBuffer(new TermTable());
            foreach (var record in records.Take(100))
                buffer.Add(record);
            buffer.WriteTo(writer);
            Assert.That(buffer.Count, Is.Zero, "a written buffer is empty");
            foreach (var record in records.Skip(100))
                buffer.Add(record);
            buffer.WriteTo(writer);
        });

        using var reader = DirectoryReader.Open(directory);
        Assert.That(reader.Leaves, Has.Count.EqualTo(2));
        Assert.That(reader.NumDocs, Is.EqualTo(records.Count));
        var searcher = new IndexSearcher(reader);
        foreach (var record in records)
            Assert.That(searcher.Search(new TermQuery(new Term(SearchFields.Key, record.Key)), 2).TotalHits, Is.EqualTo(1), record.Key);
        // Words of the second buffer only, folded and as written.
        foreach (var analyzer in new[] { SearchAnalysis.Folded, SearchAnalysis.Exact })
        {
            var term = SearchAnalysis.Tokens(analyzer, SearchFields.Text, "Straße").Single().Term;
            Assert.That(searcher.Search(new TermQuery(new Term(SearchFields.Text, term)), 10).TotalHits, Is.EqualTo(1), term);
        }
    }

    private FSDirectory Index(string name, Action<IndexWriter> write)
    {
        CatalogueCodec.Register();
        var directory = FSDirectory.Open(Path.Combine(folder, name));
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalysis.Version, SearchAnalysis.Indexing)
        {
            Codec = new CatalogueCodec(),
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });
        write(writer);
        writer.Commit();
        return directory;
    }

    private static AtomicReader Single(LuceneDirectory directory)
    {
        var reader = DirectoryReader.Open(directory);
        Assert.That(reader.Leaves, Has.Count.EqualTo(1));
        return reader.Leaves[0].AtomicReader;
    }

    private static void CompareFieldInfos(AtomicReader want, AtomicReader got)
    {
        static string Describe(FieldInfo f) =>
            $"{f.Name} indexed={f.IsIndexed} options={f.IndexOptions} norms={f.HasNorms} omitNorms={f.OmitsNorms} docValues={f.DocValuesType} payloads={f.HasPayloads} vectors={f.HasVectors}";
        Assert.That(got.FieldInfos.Select(Describe).Order(), Is.EqualTo(want.FieldInfos.Select(Describe).Order()));
    }

    private static void ComparePostings(AtomicReader want, AtomicReader got, string field)
    {
        var wantTerms = want.GetTerms(field);
        var gotTerms = got.GetTerms(field);
        Assert.That(gotTerms is null, Is.EqualTo(wantTerms is null), field);
        if (wantTerms is null || gotTerms is null)
            return;
        Assert.That((gotTerms.Count, gotTerms.DocCount, gotTerms.SumDocFreq, gotTerms.SumTotalTermFreq),
            Is.EqualTo((wantTerms.Count, wantTerms.DocCount, wantTerms.SumDocFreq, wantTerms.SumTotalTermFreq)), $"{field}: statistics");
        var positions = wantTerms.HasPositions;
        Assert.That(gotTerms.HasPositions, Is.EqualTo(positions), field);
        var wantEnum = wantTerms.GetEnumerator();
        var gotEnum = gotTerms.GetEnumerator();
        while (wantEnum.MoveNext())
        {
            Assert.That(gotEnum.MoveNext(), Is.True, $"{field}: ends before {wantEnum.Term.Utf8ToString()}");
            var term = wantEnum.Term.Utf8ToString();
            Assert.That(gotEnum.Term.Utf8ToString(), Is.EqualTo(term), field);
            Assert.That((gotEnum.DocFreq, gotEnum.TotalTermFreq), Is.EqualTo((wantEnum.DocFreq, wantEnum.TotalTermFreq)), $"{field}:{term}");
            Assert.That(Postings(gotEnum, positions), Is.EqualTo(Postings(wantEnum, positions)), $"{field}:{term}");
        }

        Assert.That(gotEnum.MoveNext(), Is.False, $"{field}: more terms than Lucene's");
    }

    private static List<string> Postings(TermsEnum terms, bool positions)
    {
        var postings = new List<string>();
        if (positions)
        {
            var docs = terms.DocsAndPositions(null, null);
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                var at = Enumerable.Range(0, docs.Freq).Select(_ => docs.NextPosition());
                postings.Add($"{docs.DocID}@{string.Join(',', at)}");
            }
        }
        else
        {
            var docs = terms.Docs(null, null, DocsFlags.NONE);
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                postings.Add(docs.DocID.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return postings;
    }

    private static void CompareNumbers(NumericDocValues? want, NumericDocValues? got, int maxDoc, string what)
    {
        Assert.That(want, Is.Not.Null, what);
        Assert.That(got, Is.Not.Null, what);
        Assert.That(Enumerable.Range(0, maxDoc).Select(d => got!.Get(d)), Is.EqualTo(Enumerable.Range(0, maxDoc).Select(d => want!.Get(d))), what);
    }

    private static void CompareSorted(AtomicReader want, AtomicReader got)
    {
        var w = want.GetSortedDocValues(SearchFields.SortNumber);
        var g = got.GetSortedDocValues(SearchFields.SortNumber);
        Assert.That(g.ValueCount, Is.EqualTo(w.ValueCount));
        for (var doc = 0; doc < want.MaxDoc; doc++)
        {
            Assert.That(g.GetOrd(doc), Is.EqualTo(w.GetOrd(doc)), $"sort number of {doc}");
            var (a, b) = (new BytesRef(), new BytesRef());
            w.Get(doc, a);
            g.Get(doc, b);
            Assert.That(b.Utf8ToString(), Is.EqualTo(a.Utf8ToString()));
        }
    }

    private static void CompareSortedSet(AtomicReader want, AtomicReader got)
    {
        var w = want.GetSortedSetDocValues(SearchFields.FacetValues);
        var g = got.GetSortedSetDocValues(SearchFields.FacetValues);
        Assert.That(g.ValueCount, Is.EqualTo(w.ValueCount));
        for (var doc = 0; doc < want.MaxDoc; doc++)
            Assert.That(Values(g, doc), Is.EqualTo(Values(w, doc)), $"facets of {doc}");
    }

    private static List<string> Values(SortedSetDocValues values, int doc)
    {
        var list = new List<string>();
        values.SetDocument(doc);
        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
        {
            var bytes = new BytesRef();
            values.LookupOrd(ord, bytes);
            list.Add($"{ord}:{bytes.Utf8ToString()}");
        }

        return list;
    }

    private static void CompareStored(AtomicReader want, AtomicReader got)
    {
        for (var doc = 0; doc < want.MaxDoc; doc++)
        {
            var w = want.Document(doc).Fields.Select(f => $"{f.Name}={f.GetStringValue()}");
            var g = got.Document(doc).Fields.Select(f => $"{f.Name}={f.GetStringValue()}");
            Assert.That(g, Is.EqualTo(w), $"stored values of {doc}");
        }
    }
}
