using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Catalogue.Core.Search;

/// <summary>
/// How text becomes terms. Every text is indexed twice: an exact field keeps the diacritics (Vietnamese tones tell
/// words apart: ma, má, mã, mạ) and a folded field drops them and stems lightly ("thang long" finds "Thăng Long").
/// Both drop French elisions (l', d') and pair Chinese characters into bigrams ("大越" finds "大越國軍城磚").
/// </summary>
public static class SearchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly CharArraySet Elisions = new(Version,
        ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], ignoreCase: true);

    /// <summary>Lower case, elision removed, CJK bigrams; diacritics kept.</summary>
    public static Analyzer Exact { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new ElisionFilter(tokenizer, Elisions);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>As <see cref="Exact"/>, then diacritics folded (đ to d as well) and French/English plurals stemmed.</summary>
    public static Analyzer Folded { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new ElisionFilter(tokenizer, Elisions);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new FrenchLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The analyzer for each field: exact fields keep diacritics, everything else is folded.</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzerWrapper(Folded, new Dictionary<string, Analyzer>
    {
        [SearchFields.TextExact] = Exact,
        [SearchFields.TitleExact] = Exact,
        [SearchFields.InscriptionExact] = Exact,
    });

    /// <summary>Folds one word as the folded field does (for wildcard and prefix terms, which the parser does not analyze).</summary>
    public static string FoldWord(string word)
    {
        var input = word.Normalize(NormalizationForm.FormC).ToLowerInvariant().ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, with their character offsets.</summary>
    public static List<(string Term, int Start, int End)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return tokens;
    }
}
