using System.Buffers;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalogue.Core.Search;

/// <summary>
/// The terms a rebuild has met, by number, and the analysis of text into them, remembered a word at a time.
/// <para>
/// Catalogue text repeats its words from record to record, and analysing a word gives the same terms wherever it
/// stands: a space, a tab or a line break always ends a word (UAX #29 joins nothing across them), every filter of
/// <see cref="SearchAnalysis.Indexing"/> but one looks at one word at a time, and that one, the CJK bigram filter, pairs
/// only characters that touch. So each run of text between such spaces (a chunk: "Thăng", "l'eau", "1010–1225,",
/// "大越國") is analysed once, and its terms are reused every time it comes again. Text the rule cannot vouch for is
/// analysed whole, as Lucene would: text with a chunk longer than the tokenizer's longest word (a word it skips still
/// takes a position), or a chunk that starts with a combining mark or a format character (which UAX #29 attaches to
/// the space before it).
/// </para>
/// Used by one thread at a time.
/// </summary>
internal sealed class TermTable
{
    /// <summary>Past this many terms or chunks the table starts afresh (between segments), so memory stays bounded.</summary>
    private const int MaxEntries = 4_000_000;

    /// <summary>The tokenizer's longest word (<see cref="SearchAnalysis"/>): a chunk no longer cannot hold a skipped one.</summary>
    private const int MaxChunk = 255;

    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\n\r");

    private readonly List<string> _terms = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idLookup;
    private readonly Dictionary<string, int[]> _chunks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _chunkLookup;
    private readonly IntList _chunkTokens = new();

    public TermTable()
    {
        _idLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _chunkLookup = _chunks.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _terms.Count;

    public string this[int id] => _terms[id];

    /// <summary>The number of a term, given one if it is new.</summary>
    public int Id(ReadOnlySpan<char> term)
    {
        if (_idLookup.TryGetValue(term, out var id))
            return id;
        var text = term.ToString();
        id = _terms.Count;
        _terms.Add(text);
        _ids.Add(text, id);
        return id;
    }

    /// <summary>
    /// The tokens <see cref="SearchAnalysis.Indexing"/> makes of the text, as pairs of term number and position
    /// increment, in order.
    /// </summary>
    public void Analyze(string text, IntList tokens)
    {
        tokens.Clear();
        if (TryByChunk(text, tokens))
            return;
        tokens.Clear();
        Analyze(SearchAnalysis.Indexing, text, tokens);
    }

    /// <summary>Forgets every term and chunk when there are too many; call only when no term number is held elsewhere.</summary>
    public void TrimIfLarge()
    {
        if (_terms.Count <= MaxEntries && _chunks.Count <= MaxEntries)
            return;
        _terms.Clear();
        _ids.Clear();
        _chunks.Clear();
    }

    private bool TryByChunk(ReadOnlySpan<char> text, IntList tokens)
    {
        while (!text.IsEmpty)
        {
            var end = text.IndexOfAny(Spaces);
            var chunk = end < 0 ? text : text[..end];
            if (!chunk.IsEmpty)
            {
                if (!_chunkLookup.TryGetValue(chunk, out var terms))
                {
                    if (chunk.Length > MaxChunk || JoinsTheSpaceBefore(chunk[0]))
                        return false;
                    var key = chunk.ToString();
                    _chunkTokens.Clear();
                    Analyze(SearchAnalysis.MayHaveCjk(key) ? SearchAnalysis.Indexing : SearchAnalysis.IndexingWithoutCjk, key, _chunkTokens);
                    terms = _chunkTokens.ToArray();
                    _chunks.Add(key, terms);
                }

                tokens.AddRange(terms);
            }

            if (end < 0)
                break;
            text = text[(end + 1)..];
        }

        return true;
    }

    private static bool JoinsTheSpaceBefore(char first) =>
        first >= '\u0300' && char.GetUnicodeCategory(first) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.EnclosingMark
            or System.Globalization.UnicodeCategory.Format;

    private void Analyze(Analyzer analyzer, string text, IntList tokens)
    {
        using var stream = analyzer.GetTokenStream(SearchFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(Id(term.Buffer.AsSpan(0, term.Length)));
            tokens.Add(increment.PositionIncrement);
        }

        stream.End();
    }
}

/// <summary>A growable list of ints without the checks of <see cref="List{T}"/>.</summary>
internal sealed class IntList
{
    private int[] _items = new int[256];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Span => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(int value)
    {
        if (Count == _items.Length)
            Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = value;
    }

    public void AddRange(ReadOnlySpan<int> values)
    {
        if (Count + values.Length > _items.Length)
            Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + values.Length));
        values.CopyTo(_items.AsSpan(Count));
        Count += values.Length;
    }

    public int[] ToArray() => Span.ToArray();
}
