using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalogue.Core.Search;

/// <summary>
/// A <see cref="SegmentBuffer"/> seen as a Lucene segment reader, for <c>IndexWriter.AddIndexes</c> to write out:
/// terms in order with their postings, norms, doc values and stored values. It serves what a merge reads, in the order
/// a merge reads it; it is not meant for searching.
/// </summary>
internal sealed class SegmentBufferReader : AtomicReader
{
    private readonly SegmentBuffer _buffer;
    private readonly FieldInfos _infos;
    private readonly BufferedField[] _byNumber;
    private readonly Dictionary<string, BufferedField> _byName;

    public SegmentBufferReader(SegmentBuffer buffer)
    {
        _buffer = buffer;
        _byNumber = [.. buffer.Fields];
        _byName = _byNumber.ToDictionary(f => f.Name, StringComparer.Ordinal);
        _infos = new FieldInfos([.. _byNumber.Select(f => f.Info())]);
        foreach (var field in _byNumber)
            field.Postings?.Seal();
    }

    public override Fields Fields => new BufferedFields(_byNumber.Where(f => f.Postings is { Count: > 0 }).ToDictionary(f => f.Name, StringComparer.Ordinal), _buffer.Terms);

    public override FieldInfos FieldInfos => _infos;

    public override IBits? LiveDocs => null;

    public override int NumDocs => _buffer.Count;

    public override int MaxDoc => _buffer.Count;

    public override NumericDocValues? GetNumericDocValues(string field) =>
        ValuesOf(field, DocValuesType.NUMERIC) is { } values ? new Numbers(values.Numbers(MaxDoc).Values) : null;

    public override BinaryDocValues? GetBinaryDocValues(string field) => null;

    public override SortedDocValues? GetSortedDocValues(string field) =>
        ValuesOf(field, DocValuesType.SORTED) is { } values ? new Sorted(values.Ordinals(MaxDoc)) : null;

    public override SortedSetDocValues? GetSortedSetDocValues(string field) =>
        ValuesOf(field, DocValuesType.SORTED_SET) is { } values ? new SortedSet(values.Ordinals(MaxDoc)) : null;

    public override IBits? GetDocsWithField(string field)
    {
        if (!_byName.TryGetValue(field, out var buffered) || buffered.Values is not { } values)
            return null;
        if (values.Type == DocValuesType.NUMERIC)
            return values.Numbers(MaxDoc).Present;
        var (_, ords) = values.Ordinals(MaxDoc);
        var present = new FixedBitSet(MaxDoc);
        for (var doc = 0; doc < ords.Length; doc++)
        {
            if (ords[doc].Length > 0)
                present.Set(doc);
        }

        return present;
    }

    public override NumericDocValues? GetNormValues(string field) =>
        _byName.TryGetValue(field, out var buffered) && buffered.HasNorms ? new Norms(buffered) : null;

    public override Fields? GetTermVectors(int docID) => null;

    public override void Document(int docID, StoredFieldVisitor visitor)
    {
        foreach (var (number, value) in _buffer.StoredOf(docID))
        {
            var info = _infos.FieldInfo(number);
            switch (visitor.NeedsField(info))
            {
                case StoredFieldVisitor.Status.YES:
                    visitor.StringField(info, value);
                    break;
                case StoredFieldVisitor.Status.STOP:
                    return;
            }
        }
    }

    public override void CheckIntegrity()
    {
    }

    protected override void DoClose()
    {
    }

    private DocValuesBuffer? ValuesOf(string field, DocValuesType type) =>
        _byName.TryGetValue(field, out var buffered) && buffered.Values is { } values && values.Type == type ? values : null;

    private sealed class BufferedFields(Dictionary<string, BufferedField> fields, TermTable terms) : Fields
    {
        private readonly string[] _names = [.. fields.Keys.Order(StringComparer.Ordinal)];

        public override IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_names).GetEnumerator();

        public override Terms? GetTerms(string field) => fields.TryGetValue(field, out var buffered) ? new BufferedTerms(buffered, terms) : null;

        public override int Count => _names.Length;
    }

    private sealed class BufferedTerms : Terms
    {
        private readonly Postings _postings;
        private readonly int[] _order;
        private readonly byte[][] _utf8;

        public BufferedTerms(BufferedField field, TermTable terms)
        {
            _postings = field.Postings!;
            (_order, _utf8) = field.SortedTerms(terms);
        }

        public override TermsEnum GetEnumerator() => new BufferedTermsEnum(_postings, _order, _utf8);

        public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

        public override long Count => _order.Length;

        public override long SumTotalTermFreq => _postings.HasPositions ? _postings.SumTotalTermFreq : -1;

        public override long SumDocFreq => _postings.SumDocFreq;

        public override int DocCount => _postings.DocCount;

        public override bool HasFreqs => _postings.HasPositions;

        public override bool HasOffsets => false;

        public override bool HasPositions => _postings.HasPositions;

        public override bool HasPayloads => false;
    }

    private sealed class BufferedTermsEnum(Postings postings, int[] order, byte[][] utf8) : TermsEnum
    {
        private int _ord = -1;
        private readonly BytesRef _term = new();

        public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

        public override BytesRef Term => _term;

        public override long Ord => _ord;

        public override int DocFreq => postings.DocFreq(order[_ord]);

        public override long TotalTermFreq => postings.TotalTermFreq(order[_ord]);

        public override bool MoveNext()
        {
            if (_ord + 1 >= order.Length)
            {
                _ord = order.Length;
                return false;
            }

            SeekExact(_ord + 1);
            return true;
        }

        [Obsolete("Use MoveNext() and Term instead.")]
        public override BytesRef? Next() => MoveNext() ? _term : null;

        public override SeekStatus SeekCeil(BytesRef text)
        {
            var target = text.Bytes.AsSpan(text.Offset, text.Length).ToArray();
            int low = 0, high = order.Length - 1;
            while (low <= high)
            {
                var mid = (low + high) >>> 1;
                var cmp = Utf8Order.Instance.Compare(utf8[order[mid]], target);
                if (cmp == 0)
                {
                    SeekExact(mid);
                    return SeekStatus.FOUND;
                }

                if (cmp < 0)
                    low = mid + 1;
                else
                    high = mid - 1;
            }

            if (low >= order.Length)
                return SeekStatus.END;
            SeekExact(low);
            return SeekStatus.NOT_FOUND;
        }

        public override void SeekExact(long ord)
        {
            _ord = (int)ord;
            var bytes = utf8[order[_ord]];
            _term.Bytes = bytes;
            _term.Offset = 0;
            _term.Length = bytes.Length;
        }

        public override DocsEnum Docs(IBits? liveDocs, DocsEnum? reuse, DocsFlags flags) => Open();

        public override DocsAndPositionsEnum? DocsAndPositions(IBits? liveDocs, DocsAndPositionsEnum? reuse, DocsAndPositionsFlags flags) =>
            postings.HasPositions ? Open() : null;

        private BufferedPostingsEnum Open() => new(postings.Read(order[_ord]));
    }

    private sealed class BufferedPostingsEnum(Postings.Reader reader) : DocsAndPositionsEnum
    {
        private Postings.Reader _reader = reader;
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => _reader.Freq;

        public override int NextDoc() => _doc = _reader.NextDoc() ? _reader.Doc : NO_MORE_DOCS;

        public override int Advance(int target)
        {
            while (_doc < target)
                NextDoc();
            return _doc;
        }

        public override long GetCost() => _reader.Cost;

        public override int NextPosition() => _reader.NextPosition();

        public override int StartOffset => -1;

        public override int EndOffset => -1;

        public override BytesRef? GetPayload() => null;
    }

    private sealed class Norms(BufferedField field) : NumericDocValues
    {
        public override long Get(int docID) => field.Norm(docID);
    }

    private sealed class Numbers(long[] values) : NumericDocValues
    {
        public override long Get(int docID) => values[docID];
    }

    private sealed class Sorted((byte[][] Values, int[][] OrdsOfDoc) ordinals) : SortedDocValues
    {
        public override int GetOrd(int docID) => ordinals.OrdsOfDoc[docID] is [var ord] ? ord : -1;

        public override void LookupOrd(int ord, BytesRef result) => Point(result, ordinals.Values[ord]);

        public override int ValueCount => ordinals.Values.Length;
    }

    private sealed class SortedSet((byte[][] Values, int[][] OrdsOfDoc) ordinals) : SortedSetDocValues
    {
        private int[] _ords = [];
        private int _next;

        public override long NextOrd() => _next < _ords.Length ? _ords[_next++] : NO_MORE_ORDS;

        public override void SetDocument(int docID)
        {
            _ords = ordinals.OrdsOfDoc[docID];
            _next = 0;
        }

        public override void LookupOrd(long ord, BytesRef result) => Point(result, ordinals.Values[ord]);

        public override long ValueCount => ordinals.Values.Length;
    }

    private static void Point(BytesRef result, byte[] bytes)
    {
        result.Bytes = bytes;
        result.Offset = 0;
        result.Length = bytes.Length;
    }
}
