using Catalogue.Core.Search;
using Catalogue.Core.Tests.Support;

namespace Catalogue.Core.Tests.Search;

/// <summary>Recall for every analysis case of the issue, on a real index in the test's data directory.</summary>
public sealed class SearchAnalysisTests
{
    private TestCatalogue catalogue = null!;

    [OneTimeSetUp]
    public async Task IndexASmallCatalogue()
    {
        catalogue = await TestCatalogue.StartAsync();
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0001").WithTitleVi("Gạch Thăng Long").WithTitleEn("Brick"));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0002").WithTitleFr("Bol trouvé à Hanoï").WithTitleEn("Bowl"));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0003").WithTitleFr("Statuette de l'éléphant d'argile").WithTitleEn("Figurine"));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0004").WithTitleEn("Inscribed brick").WithInscription("大越國軍城磚", "Brick of the army of Great Viet"));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2024.0001").WithTitleEn("Roof tile").WithYears(1400, 1407));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0010").WithTitleEn("Dish").WithYears(1010, 1225));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("HT.2002.0001").WithTitleEn("Jar").WithYears(1700, 1800));
        await catalogue.IndexPendingChangesAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await catalogue.DisposeAsync();

    [TestCase("thang long", "TL.2023.0001")]
    [TestCase("Thăng Long", "TL.2023.0001")]
    [TestCase("THANG", "TL.2023.0001")]
    [TestCase("hanoi", "TL.2023.0002")]
    [TestCase("Hanoï", "TL.2023.0002")]
    [TestCase("trouve", "TL.2023.0002")]
    [TestCase("elephant", "TL.2023.0003")]
    [TestCase("éléphants", "TL.2023.0003")]
    [TestCase("argile", "TL.2023.0003")]
    [TestCase("l'éléphant", "TL.2023.0003")]
    [TestCase("bowls", "TL.2023.0002")]
    [TestCase("大越", "TL.2023.0004")]
    [TestCase("國軍", "TL.2023.0004")]
    [TestCase("軍城磚", "TL.2023.0004")]
    [TestCase("inscription:大越", "TL.2023.0004")]
    [TestCase("\"thang long\"", "TL.2023.0001")]
    [TestCase("brick AND thang", "TL.2023.0001")]
    [TestCase("tha*", "TL.2023.0001")]
    [TestCase("title:hanoi", "TL.2023.0002")]
    public void A_query_finds_the_record_it_describes(string query, string expected)
    {
        var results = catalogue.SearchArtifacts(query);

        Assert.That(results.Numbers(), Does.Contain(expected), $"\"{query}\" should find {expected}");
        Assert.That(results.Problem, Is.Null);
    }

    [TestCase("大越", "TL.2023.0001")]
    [TestCase("hanoi", "TL.2023.0001")]
    [TestCase("brick NOT thang", "TL.2023.0001")]
    public void A_query_does_not_find_records_that_do_not_match(string query, string unexpected) =>
        Assert.That(catalogue.SearchArtifacts(query).Numbers(), Does.Not.Contain(unexpected));

    [Test]
    public void An_accession_number_prefix_lists_exactly_the_numbers_it_starts()
    {
        var results = catalogue.SearchArtifacts("TL.2023.");

        Assert.That(results.Numbers(), Is.EquivalentTo(new[] { "TL.2023.0001", "TL.2023.0002", "TL.2023.0003", "TL.2023.0004", "TL.2023.0010" }));
    }

    [Test]
    public void A_whole_accession_number_finds_that_record_first()
    {
        var results = catalogue.SearchArtifacts("TL.2023.0001");

        Assert.That(results.Numbers(), Is.Not.Empty);
        Assert.That(results.Numbers()[0], Is.EqualTo("TL.2023.0001"));
        Assert.That(results.Numbers(), Does.Not.Contain("TL.2023.0002"));
    }

    [Test]
    public void A_dating_range_finds_records_whose_dating_overlaps_it()
    {
        var results = catalogue.Search(new SearchRequest { PublicOnly = false, YearFrom = 1200, YearTo = 1402, PageSize = 50 });

        Assert.That(results.Numbers(), Is.EquivalentTo(new[] { "TL.2023.0010", "TL.2024.0001" }));
    }

    [Test]
    public void The_year_syntax_matches_overlapping_datings() =>
        Assert.That(catalogue.SearchArtifacts("year:[1226 TO 1405]").Numbers(), Is.EquivalentTo(new[] { "TL.2024.0001" }));

    [Test]
    public void Sorting_by_number_and_by_date_orders_the_hits()
    {
        var byNumber = catalogue.Search(new SearchRequest { PublicOnly = false, Sort = SearchSort.Number, PageSize = 3 });
        var byDate = catalogue.Search(new SearchRequest { PublicOnly = false, Sort = SearchSort.Date, PageSize = 2 });
        var secondPage = catalogue.Search(new SearchRequest { PublicOnly = false, Sort = SearchSort.Number, PageSize = 3, Page = 2 });

        Assert.That(byNumber.Numbers(), Is.EqualTo(new[] { "HT.2002.0001", "TL.2023.0001", "TL.2023.0002" }));
        Assert.That(secondPage.Numbers(), Is.EqualTo(new[] { "TL.2023.0003", "TL.2023.0004", "TL.2023.0010" }));
        Assert.That(byDate.Numbers(), Is.EqualTo(new[] { "TL.2023.0010", "TL.2024.0001" }));
        Assert.That(byNumber.Total, Is.EqualTo(7));
    }

    [TestCase("title:(bowl", "a bracket ( ) is not closed")]
    [TestCase("\"unclosed phrase", "a quotation mark is not closed")]
    [TestCase("bowl AND", "AND needs a word on each side")]
    [TestCase("*owl", "a word cannot start with * or ?")]
    [TestCase("[1000 TO", "a range [ … TO … ] is not closed")]
    [TestCase("bowl title:", "title: needs a word after it")]
    [TestCase("bowl^^2", "its syntax is not valid near character")]
    [TestCase("bowl /[/", "regular expressions between slashes are not searched")]
    [TestCase("/[z-a]/ bowl", "regular expressions between slashes are not searched")]
    [TestCase("/<1-2/ bowl", "regular expressions between slashes are not searched")]
    [TestCase("bowl /a{99999}/", "regular expressions between slashes are not searched")]
    public void A_malformed_query_searches_the_plain_words_and_says_what_was_wrong(string query, string reason)
    {
        SearchResults results = null!;

        Assert.DoesNotThrow(() => results = catalogue.SearchArtifacts(query));

        Assert.That(results.Problem, Does.StartWith("The query could not be read (").And.Contains(reason));
        Assert.That(results.Problem, Does.Not.Contain("Encountered").And.Not.Contain("<EOF>"), "no parser jargon");
        if (query.Contains("bowl", StringComparison.Ordinal))
            Assert.That(results.Numbers(), Does.Contain("TL.2023.0002"), "the plain word is still searched");
    }

    [Test]
    public void An_unknown_field_is_searched_as_words_with_a_note()
    {
        var results = catalogue.SearchArtifacts("colour:hanoi");

        Assert.That(results.Numbers(), Does.Contain("TL.2023.0002"));
        Assert.That(results.Problem, Does.Contain("colour"));
    }

    [Test]
    public void A_snippet_marks_the_matched_words_and_encodes_the_rest()
    {
        var hit = catalogue.SearchArtifacts("hanoi").Hits.Single(h => h.Number == "TL.2023.0002");

        Assert.That(hit.Snippet, Does.Contain("<mark>Hanoï</mark>"));
    }
}

/// <summary>The analysis chain's own lower-casing gives the terms Lucene's LowerCaseFilter gives, for every script the catalogue meets.</summary>
public sealed class SearchLowerCaseTests
{
    private static readonly Lucene.Net.Analysis.Analyzer WithLuceneLowerCase = Lucene.Net.Analysis.Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new Lucene.Net.Analysis.Standard.StandardTokenizer(SearchAnalysis.Version, reader) { MaxTokenLength = 255 };
        Lucene.Net.Analysis.TokenStream stream = new Lucene.Net.Analysis.Util.ElisionFilter(tokenizer,
            new Lucene.Net.Analysis.Util.CharArraySet(SearchAnalysis.Version, ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], true));
        stream = new Lucene.Net.Analysis.Core.LowerCaseFilter(SearchAnalysis.Version, stream);
        stream = new Lucene.Net.Analysis.Cjk.CJKBigramFilter(stream);
        stream = new Lucene.Net.Analysis.Fr.FrenchLightStemFilter(stream);
        return new Lucene.Net.Analysis.TokenStreamComponents(tokenizer, new Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter(stream));
    });

    [OneTimeTearDown]
    public void Dispose() => WithLuceneLowerCase.Dispose();

    [TestCase("GẠCH THĂNG LONG Đời Lý, ĐINH, Ơ Ư Ấ Ầ Ẩ Ẫ Ậ Ỳ Ỵ Ỷ Ỹ")]
    [TestCase("Statuette de L'ÉLÉPHANT d'argile, ÇA ŒUVRE Æ Ÿ Ê")]
    [TestCase("Ελληνικά ΣΟΦΙΑ Кириллица МОСКВА Ⅻ ǅ ǈ ǋ")]
    [TestCase("大越國軍城磚 ＡＢＣ ｄｅｆ")]
    public void Terms_are_those_of_Lucene_lower_casing(string text)
    {
        var ours = SearchAnalysis.Tokens(SearchAnalysis.Folded, SearchFields.Text, text).Select(t => t.Term);
        var lucene = SearchAnalysis.Tokens(WithLuceneLowerCase, SearchFields.Text, text).Select(t => t.Term);

        Assert.That(ours, Is.EqualTo(lucene));
        Assert.That(ours, Is.Not.Empty);
    }
}

/// <summary>Text without CJK characters is indexed without the bigram filter, to the same terms; text with any keeps it.</summary>
public sealed class SearchCjkGateTests
{
    private static readonly string[] Texts =
    [
        "Bát men ngọc trang trí hoa sen, thời Lý. Gạch Thăng Long, ĐINH – “Đời Trần” · c. 1225-1400",
        "Statuette de l'éléphant d'argile ; pâte grise et dense, trouvée près de la citadelle de Hanoï… 1,5 cm",
        "A celadon-glazed bowl (TL.2023.0001) with lotus petals; HT18-0042 · HT18/42, 12th–13th c. ½ ½ ™",
        "Ελληνικά ΣΟΦΙΑ Кириллица МОСКВА Ⅻ ǅ",
    ];

    [Test]
    public void Text_without_CJK_gets_the_same_terms_with_or_without_the_bigram_filter()
    {
        foreach (var text in Texts)
        {
            Assert.That(SearchAnalysis.MayHaveCjk(text), Is.False, text);
            var with = SearchAnalysis.Tokens(SearchAnalysis.Indexing, SearchFields.Text, text);
            var without = SearchAnalysis.Tokens(SearchAnalysis.IndexingWithoutCjk, SearchFields.Text, text);
            Assert.That(without, Is.EqualTo(with), text);
            Assert.That(with, Has.Count.GreaterThan(10));
        }
    }

    [TestCase("大越國軍城磚")]
    [TestCase("ひらがな")]
    [TestCase("カタカナ ｶﾀｶﾅ")]
    [TestCase("한국어")]
    [TestCase("\u1100\u1161\u1102\u1161")] // Hangul jamo, below the CJK blocks
    [TestCase("𠀀𠀁 inscription")]
    [TestCase("Gạch 大越 Thăng Long")]
    public void Text_with_any_CJK_character_keeps_the_bigram_filter(string text)
    {
        Assert.That(SearchAnalysis.MayHaveCjk(text), Is.True);
        Assert.That(SearchAnalysis.Tokens(SearchAnalysis.IndexingWithoutCjk, SearchFields.Text, text),
            Is.Not.EqualTo(SearchAnalysis.Tokens(SearchAnalysis.Indexing, SearchFields.Text, text)), "the filter matters for this text");
    }
}
