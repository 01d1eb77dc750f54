using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Catalogue.Core.Search;

/// <summary>
/// A rebuild's records, inverted in memory by our own code and handed to Lucene as one segment's worth of documents
/// (<see cref="SegmentBufferReader"/>, through <c>IndexWriter.AddIndexes</c>): Lucene's codec writes the segment, so
/// the index is the one <see cref="SearchDocuments.Build"/> documents give, term for term.
/// <para>
/// Lucene's own inversion costs a rebuild most of its time: for every token it runs the whole filter chain, converts the
/// term to UTF-8 and hashes it. Here each word's analysis is remembered (<see cref="TermTable"/>), a token is a term
/// number, and its postings are a few bytes appended to the term's stream (<see cref="Postings"/>).
/// </para>
/// Used by one thread at a time.
/// </summary>
internal sealed class SegmentBuffer(TermTable terms) : IDocumentFields
{
    private static readonly Similarity Similarity = new DefaultSimilarity();

    private readonly Dictionary<string, BufferedField> _fields = new(StringComparer.Ordinal);
    private readonly List<BufferedField> _byNumber = [];
    private readonly IntList _tokens = new();
    private readonly Dictionary<int, string[]> _yearTerms = [];
    private readonly BytePool _pool = new();
    private readonly List<int> _storedStart = [];
    private readonly List<int> _storedField = [];
    private readonly List<int> _storedAt = [];
    private byte[] _stored = new byte[1 << 20];
    private int _storedLength;

    /// <summary>The number of documents buffered.</summary>
    public int Count { get; private set; }

    /// <summary>About how much memory the buffer holds.</summary>
    public long Bytes
    {
        get
        {
            var bytes = _storedLength + _pool.Bytes + (_storedField.Count * 8L) + (Count * 8L);
            foreach (var buffered in _byNumber)
                bytes += buffered.Bytes;
            return bytes;
        }
    }

    internal IReadOnlyList<BufferedField> Fields => _byNumber;

    internal TermTable Terms => terms;

    public void Add(SearchRecord record)
    {
        _storedStart.Add(_storedField.Count);
        SearchDocuments.Describe(record, this);
        Count++;
    }

    /// <summary>Writes the buffered documents into the writer's index as one new segment, and empties the buffer.</summary>
    public void WriteTo(IndexWriter writer)
    {
        if (Count == 0)
            return;
        using (var reader = new SegmentBufferReader(this))
            writer.AddIndexes(reader);
        Clear();
    }

    private void Clear()
    {
        _fields.Clear();
        _byNumber.Clear();
        _storedStart.Clear();
        _storedField.Clear();
        _storedAt.Clear();
        _storedLength = 0;
        _pool.Reset();
        Count = 0;
        terms.TrimIfLarge();
    }

    /// <summary>The stored values of a document, in the order they were given: (field number, value).</summary>
    internal IEnumerable<(int Field, string Value)> StoredOf(int doc)
    {
        var end = doc + 1 < _storedStart.Count ? _storedStart[doc + 1] : _storedField.Count;
        for (var i = _storedStart[doc]; i < end; i++)
        {
            var to = i + 1 < _storedAt.Count ? _storedAt[i + 1] : _storedLength;
            yield return (_storedField[i], Encoding.UTF8.GetString(_stored, _storedAt[i], to - _storedAt[i]));
        }
    }

    public void Keyword(string field, string value, bool stored)
    {
        var buffered = Indexed(field, IndexOptions.DOCS_ONLY);
        buffered.Postings!.Add(buffered.KeywordTerm(value), Count, 0);
        if (stored)
            Stored(field, value);
    }

    public void Stored(string field, string value)
    {
        _storedField.Add(Field(field).Number);
        _storedAt.Add(_storedLength);
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_storedLength + most > _stored.Length)
            Array.Resize(ref _stored, Math.Max(_stored.Length * 2, _storedLength + most));
        _storedLength += Encoding.UTF8.GetBytes(value, _stored.AsSpan(_storedLength));
    }

    public void Text(string field, string text)
    {
        var buffered = Indexed(field, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        terms.Analyze(text, _tokens);
        var postings = buffered.Postings!;
        var tokens = _tokens.Span;
        int position = 0, length = 0, overlap = 0;
        // As Lucene's inverter counts them: positions from 0, a token at the same position as the one before overlaps.
        for (var i = 0; i < tokens.Length; i += 2)
        {
            var increment = tokens[i + 1];
            var at = position + increment;
            if (at > 0)
                at--;
            postings.Add(buffered.TextTerm(tokens[i]), Count, at);
            position = at + 1;
            length++;
            if (increment == 0)
                overlap++;
        }

        buffered.SetNorm(Count, Similarity.ComputeNorm(new FieldInvertState(field, position, length, overlap, 0, 1f)));
    }

    public void Year(string field, int year)
    {
        var buffered = Indexed(field, IndexOptions.DOCS_ONLY);
        if (!_yearTerms.TryGetValue(year, out var trie))
            _yearTerms[year] = trie = TrieTerms(year);
        foreach (var term in trie)
            buffered.Postings!.Add(buffered.KeywordTerm(term), Count, 0);
    }

    public void SortedSet(string field, string value) => DocValues(field, DocValuesType.SORTED_SET).Add(Count, value);

    public void Sorted(string field, string value) => DocValues(field, DocValuesType.SORTED).Add(Count, value);

    public void Numeric(string field, long value) => DocValues(field, DocValuesType.NUMERIC).Add(Count, value);

    private BufferedField Field(string name)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            field = new BufferedField(name, _byNumber.Count, _pool);
            _fields.Add(name, field);
            _byNumber.Add(field);
        }

        return field;
    }

    private BufferedField Indexed(string name, IndexOptions options)
    {
        var field = Field(name);
        if (field.Postings is null)
            field.Index(options);
        return field;
    }

    private DocValuesBuffer DocValues(string name, DocValuesType type)
    {
        var field = Field(name);
        return field.Values ??= new DocValuesBuffer(type);
    }

    /// <summary>The terms an Int32Field indexes for a value (NumericTokenStream's, one per precision step).</summary>
    private static string[] TrieTerms(int value)
    {
        var step = Lucene.Net.Documents.Int32Field.TYPE_NOT_STORED.NumericPrecisionStep;
        var trie = new List<string>();
        var bytes = new BytesRef();
        for (var shift = 0; shift < 32; shift += step)
        {
            NumericUtils.Int32ToPrefixCoded(value, shift, bytes);
            trie.Add(Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length)); // prefix-coded bytes are ASCII
        }

        return [.. trie];
    }
}

/// <summary>One field of a <see cref="SegmentBuffer"/>: how it is indexed, its postings, norms and doc values.</summary>
internal sealed class BufferedField(string name, int number, BytePool pool)
{
    private int[] _localOfTerm = [];
    private readonly List<int> _termOfLocal = [];
    private Dictionary<string, int>? _keywordTerms;
    private readonly List<string> _keywordOfLocal = [];
    private long[]? _norms;
    private (int[] Order, byte[][] Utf8)? _sorted;

    public string Name => name;

    public int Number => number;

    public IndexOptions IndexOptions { get; private set; } = IndexOptions.NONE;

    public Postings? Postings { get; private set; }

    public DocValuesBuffer? Values { get; set; }

    public bool HasNorms => IndexOptions == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS;

    public long Bytes => (Postings?.Bytes ?? 0) + (_localOfTerm.Length * 4L) + (_termOfLocal.Count * 4L) + (Values?.Bytes ?? 0) + (_norms?.Length * 8L ?? 0);

    public void Index(IndexOptions options)
    {
        IndexOptions = options;
        Postings = new Postings(positions: options == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, pool);
        if (options == IndexOptions.DOCS_ONLY)
            _keywordTerms = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    /// <summary>The field's number for a term of the shared table.</summary>
    public int TextTerm(int id)
    {
        if (id >= _localOfTerm.Length)
            Array.Resize(ref _localOfTerm, Math.Max(id + 1, Math.Max(1024, _localOfTerm.Length * 2)));
        var local = _localOfTerm[id];
        if (local == 0)
        {
            _localOfTerm[id] = local = Postings!.NewTerm() + 1;
            _termOfLocal.Add(id);
        }

        return local - 1;
    }

    /// <summary>The field's number for an untokenized term.</summary>
    public int KeywordTerm(string term)
    {
        if (!_keywordTerms!.TryGetValue(term, out var local))
        {
            _keywordTerms.Add(term, local = Postings!.NewTerm());
            _keywordOfLocal.Add(term);
        }

        return local;
    }

    /// <summary>The field's terms in Lucene's order (by their UTF-8 bytes), and each term's bytes.</summary>
    public (int[] Order, byte[][] Utf8) SortedTerms(TermTable terms) => _sorted ??= Sort(terms);

    private (int[] Order, byte[][] Utf8) Sort(TermTable terms)
    {
        var count = Postings!.Count;
        var utf8 = new byte[count][];
        for (var local = 0; local < count; local++)
            utf8[local] = Encoding.UTF8.GetBytes(_keywordTerms is null ? terms[_termOfLocal[local]] : _keywordOfLocal[local]);
        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort((byte[][])utf8.Clone(), order, Utf8Order.Instance);
        return (order, utf8);
    }

    public void SetNorm(int doc, long norm)
    {
        _norms ??= new long[1024];
        if (doc >= _norms.Length)
            Array.Resize(ref _norms, Math.Max(doc + 1, _norms.Length * 2));
        _norms[doc] = norm;
    }

    public long Norm(int doc) => _norms is { } norms && doc < norms.Length ? norms[doc] : 0;

    public FieldInfo Info()
    {
        var indexed = IndexOptions != IndexOptions.NONE;
        return new FieldInfo(name, indexed, number, storeTermVector: false, omitNorms: indexed && !HasNorms,
            storePayloads: false, IndexOptions, Values?.Type ?? DocValuesType.NONE,
            HasNorms ? DocValuesType.NUMERIC : DocValuesType.NONE, attributes: null);
    }
}

/// <summary>The doc values of one field: a number per document, or values (one, or a set) sorted into ordinals.</summary>
internal sealed class DocValuesBuffer(DocValuesType type)
{
    private readonly List<long> _numbers = [];
    private readonly List<int> _docs = [];
    private readonly List<int> _valueIds = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public DocValuesType Type => type;

    public long Bytes => (_numbers.Count * 8L) + (_docs.Count * 8L) + (_values.Count * 64L);

    public void Add(int doc, long number)
    {
        _docs.Add(doc);
        _numbers.Add(number);
    }

    public void Add(int doc, string value)
    {
        if (!_ids.TryGetValue(value, out var id))
        {
            _ids.Add(value, id = _values.Count);
            _values.Add(value);
        }

        _docs.Add(doc);
        _valueIds.Add(id);
    }

    /// <summary>The number of each document (0 for none), and which documents have one.</summary>
    public (long[] Values, FixedBitSet Present) Numbers(int maxDoc) => _numbersOf ??= NumbersOf(maxDoc);

    private (long[] Values, FixedBitSet Present)? _numbersOf;
    private (byte[][] Values, int[][] OrdsOfDoc)? _ordinals;

    private (long[] Values, FixedBitSet Present) NumbersOf(int maxDoc)
    {
        var values = new long[maxDoc];
        var present = new FixedBitSet(maxDoc);
        for (var i = 0; i < _docs.Count; i++)
        {
            values[_docs[i]] = _numbers[i];
            present.Set(_docs[i]);
        }

        return (values, present);
    }

    /// <summary>
    /// The distinct values in Lucene's order (their UTF-8 bytes), and each document's ordinals, ascending and without
    /// repeats (one at most for a sorted field).
    /// </summary>
    public (byte[][] Values, int[][] OrdsOfDoc) Ordinals(int maxDoc) => _ordinals ??= OrdinalsOf(maxDoc);

    private (byte[][] Values, int[][] OrdsOfDoc) OrdinalsOf(int maxDoc)
    {
        var utf8 = _values.Select(v => Encoding.UTF8.GetBytes(v)).ToArray();
        var byOrd = Enumerable.Range(0, utf8.Length).ToArray();
        Array.Sort((byte[][])utf8.Clone(), byOrd, Utf8Order.Instance);
        var ordOfId = new int[byOrd.Length];
        for (var ord = 0; ord < byOrd.Length; ord++)
            ordOfId[byOrd[ord]] = ord;

        var perDoc = new List<int>?[maxDoc];
        for (var i = 0; i < _docs.Count; i++)
            (perDoc[_docs[i]] ??= []).Add(ordOfId[_valueIds[i]]);
        var ordsOfDoc = new int[maxDoc][];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            ordsOfDoc[doc] = perDoc[doc] is { } list ? [.. list.Distinct().Order()] : [];
            if (type == DocValuesType.SORTED && ordsOfDoc[doc].Length > 1)
                throw new InvalidOperationException($"A document has more than one value for the sorted field of {type}.");
        }

        return (byOrd.Select(id => utf8[id]).ToArray(), ordsOfDoc);
    }
}
