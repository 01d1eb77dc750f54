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
/// How text becomes terms. The index keeps every word as written (Vietnamese tones tell words apart: ma, má, mã, mạ)
/// and folded at the same position ("thang long" finds "Thăng Long"); French elisions (l', d') are dropped, plurals
/// stemmed lightly, and Chinese characters paired into bigrams ("大越" finds "大越國軍城磚").
/// </summary>
public static class SearchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly CharArraySet Elisions = new(Version,
        ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], ignoreCase: true);

    /// <summary>Marks a word as written (with its diacritics) in the index, beside its folded form.</summary>
    public const char ExactMarker = '=';

    /// <summary>
    /// For the index: lower case, elision removed, CJK bigrams, plurals lightly stemmed; then every word twice at the
    /// same position, as written (marked with <see cref="ExactMarker"/>) and folded (đ to d, tones and accents dropped).
    /// </summary>
    public static Analyzer Indexing { get; } = Build(s => new ExactAndFoldedFilter(s));

    /// <summary>
    /// <see cref="Indexing"/> without the CJK bigram filter, for text with no CJK character (<see cref="MayHaveCjk"/>):
    /// there the filter hands every word on unchanged, at a cost for each, and the terms are the same without it.
    /// </summary>
    internal static Analyzer IndexingWithoutCjk { get; } = Build(s => new ExactAndFoldedFilter(s), cjk: false);

    /// <summary>For queries asking for the words as typed: matches only records that carry the same diacritics.</summary>
    public static Analyzer Exact { get; } = Build(s => new ExactMarkerFilter(s));

    /// <summary>For queries matching whatever the diacritics: matches the folded form every word has in the index.</summary>
    public static Analyzer Folded { get; } = Build(s => new ASCIIFoldingFilter(s));

    private static Analyzer Build(Func<TokenStream, TokenStream> last, bool cjk = true) => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new ElisionFilter(tokenizer, Elisions);
        stream = new LowerCase(stream);
        if (cjk)
            stream = new CJKBigramFilter(stream);
        stream = new FrenchLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, last(stream));
    });

    /// <summary>
    /// False when no character of the text can make a CJK token (Han, Hiragana, Katakana or Hangul, which the tokenizer
    /// gives one character at a time for the bigram filter to pair): every such character is a Hangul jamo
    /// (U+1100 to U+11FF) or lies at U+2E80 or above, where the CJK blocks begin; surrogates (characters beyond the
    /// first plane) count as possible CJK too.
    /// </summary>
    internal static bool MayHaveCjk(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u1100', '\u11FF') >= 0 || text.IndexOfAnyInRange('\u2E80', '\uFFFF') >= 0;

    /// <summary>Emits each token marked as exact, then its folded form at the same position.</summary>
    private sealed class ExactAndFoldedFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _position;
        private char[] _folded = new char[64];
        private int _foldedLength;
        private bool _pending;

        public ExactAndFoldedFilter(TokenStream input) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            // The folded twin keeps every other attribute of the word (offsets, type): only the term and position change.
            if (_pending)
            {
                _pending = false;
                _term.CopyBuffer(_folded, 0, _foldedLength);
                _position.PositionIncrement = 0;
                return true;
            }

            if (!m_input.IncrementToken())
                return false;
            var length = _term.Length;
            if (_folded.Length < length * 4)
                _folded = new char[length * 4];
            _foldedLength = ASCIIFoldingFilter.FoldToASCII(_term.Buffer, 0, _folded, 0, length);
            _pending = true;
            Mark(_term);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _pending = false;
        }
    }

    /// <summary>Marks each token as exact (for queries).</summary>
    private sealed class ExactMarkerFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;

        public ExactMarkerFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
                return false;
            Mark(_term);
            return true;
        }
    }

    private static void Mark(ICharTermAttribute term)
    {
        var length = term.Length;
        var buffer = term.ResizeBuffer(length + 1);
        for (var i = length; i > 0; i--)
            buffer[i] = buffer[i - 1]; // words are short: a loop beats a call to copy
        buffer[0] = ExactMarker;
        term.Length = length + 1;
    }

    /// <summary>
    /// Lower case, one UTF-16 unit at a time from a table (as LowerCaseFilter does for every letter outside the
    /// supplementary planes): LowerCaseFilter asks the culture-invariant casing of the runtime for every word, which
    /// took a seventh of a rebuild's time for words with diacritics.
    /// </summary>
    private sealed class LowerCase : TokenFilter
    {
        private readonly ICharTermAttribute _term;

        public LowerCase(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
                return false;
            var table = LowerTable.Value;
            var buffer = _term.Buffer;
            var length = _term.Length;
            for (var i = 0; i < length; i++)
                buffer[i] = table[buffer[i]];
            return true;
        }
    }

    private static readonly Lazy<char[]> LowerTable = new(() =>
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
            table[c] = char.IsSurrogate((char)c) ? (char)c : char.ToLowerInvariant((char)c);
        return table;
    });

    private static readonly Lazy<char[]> ScanFolding = new(() =>
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = char.ToLowerInvariant((char)c);
            // Letters with diacritics live below U+2000 (Latin, Vietnamese, Greek, Cyrillic); the rest stay as they are.
            if (ch is >= (char)128 and < (char)0x2000)
            {
                var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 0 && decomposed[0] < 128)
                    ch = decomposed[0];
                else if (ch == 'đ')
                    ch = 'd';
            }

            table[c] = ch;
        }

        return table;
    });

    /// <summary>Lower case without diacritics, one character for one (offsets stay valid): to find where query words occur.</summary>
    public static string FoldForScan(string text) =>
        string.Create(text.Length, text, (span, source) => FoldForScan(source, span));

    /// <summary>As <see cref="FoldForScan(string)"/>, into a buffer at least as long as the text.</summary>
    public static void FoldForScan(ReadOnlySpan<char> text, Span<char> into)
    {
        var table = ScanFolding.Value;
        for (var i = 0; i < text.Length; i++)
            into[i] = table[text[i]];
    }

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
