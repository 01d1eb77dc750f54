using System.Text;

namespace Catalogue.Core.Search;

/// <summary>
/// The postings of one field of a <see cref="SegmentBuffer"/>: for each term, the documents it is in and (for text)
/// where. Each term keeps its own stream of variable-length integers, written as documents arrive in order:
/// the gap from the term's previous document, then (with positions) each position's gap from the one before plus one,
/// and a 0 to end the document. The streams are slices of a shared <see cref="BytePool"/>, so a field holds no object
/// per term for the garbage collector to trace.
/// </summary>
internal sealed class Postings(bool positions, BytePool pool)
{
    private Term[] _terms = new Term[1024];
    private bool _sealed;
    private int _lastDocWithTerms = -1;

    public bool HasPositions => positions;

    /// <summary>How many terms the field has.</summary>
    public int Count { get; private set; }

    /// <summary>How many documents have at least one term in the field.</summary>
    public int DocCount { get; private set; }

    public long SumDocFreq { get; private set; }

    public long SumTotalTermFreq { get; private set; }

    public long Bytes => _terms.Length * 40L;

    /// <summary>Makes room for a new term and gives its number in this field.</summary>
    public int NewTerm()
    {
        if (Count == _terms.Length)
            Array.Resize(ref _terms, _terms.Length * 2);
        var start = pool.NewSlice(0);
        _terms[Count] = new Term { Start = start, Write = start, SliceEnd = start + BytePool.Usable(0), LastDoc = -1 };
        return Count++;
    }

    /// <summary>Records an occurrence of a term; documents come in increasing order, positions likewise within one.</summary>
    public void Add(int term, int doc, int position)
    {
        ref var t = ref _terms[term];
        if (t.LastDoc != doc)
        {
            if (positions && t.LastDoc >= 0)
                WriteByte(ref t, 0);
            WriteVInt(ref t, doc - t.LastDoc);
            t.LastDoc = doc;
            t.LastPosition = 0;
            t.DocFreq++;
            SumDocFreq++;
            if (_lastDocWithTerms != doc)
            {
                _lastDocWithTerms = doc;
                DocCount++;
            }
        }
        else if (!positions)
        {
            return; // a term is in a document once when only documents are kept
        }

        if (positions)
        {
            WriteVInt(ref t, position - t.LastPosition + 1);
            t.LastPosition = position;
        }

        t.TotalFreq++;
        SumTotalTermFreq++;
    }

    /// <summary>Ends every term's last document; no term may be added after.</summary>
    public void Seal()
    {
        if (_sealed)
            return;
        _sealed = true;
        if (!positions)
            return;
        for (var t = 0; t < Count; t++)
            WriteByte(ref _terms[t], 0);
    }

    public int DocFreq(int term) => _terms[term].DocFreq;

    public long TotalTermFreq(int term) => positions ? _terms[term].TotalFreq : -1;

    public Reader Read(int term) => new(pool, _terms[term].Start, _terms[term].Length, positions);

    private void WriteVInt(ref Term term, int value)
    {
        while ((value & ~0x7F) != 0)
        {
            WriteByte(ref term, (byte)((value & 0x7F) | 0x80));
            value >>>= 7;
        }

        WriteByte(ref term, (byte)value);
    }

    private void WriteByte(ref Term term, byte value)
    {
        if (term.Write == term.SliceEnd)
        {
            term.Level = Math.Min(term.Level + 1, BytePool.TopLevel);
            term.Write = pool.NextSlice(term.SliceEnd, term.Level);
            term.SliceEnd = term.Write + BytePool.Usable(term.Level);
        }

        pool[term.Write++] = value;
        term.Length++;
    }

    /// <summary>What the field keeps of one term, together in memory (a token touches all of it).</summary>
    private struct Term
    {
        public int Start;
        public int Write;
        public int SliceEnd;
        public int Level;
        public int Length;
        public int LastDoc;
        public int LastPosition;
        public int DocFreq;
        public long TotalFreq;
    }

    /// <summary>Reads a term's stream back: documents, frequencies and positions.</summary>
    internal struct Reader(BytePool pool, int start, int length, bool positions)
    {
        private BytePool.Cursor _docs = new(pool, start, length);
        private BytePool.Cursor _positions;

        public int Doc { get; private set; } = -1;

        public int Freq { get; private set; }

        public int Position { get; private set; }

        public readonly long Cost => length;

        /// <summary>Moves to the next document; false at the end.</summary>
        public bool NextDoc()
        {
            if (_docs.AtEnd)
                return false;
            Doc += _docs.ReadVInt();
            if (!positions)
            {
                Freq = 1;
                return true;
            }

            _positions = _docs;
            var freq = 0;
            while (_docs.ReadVInt() != 0)
                freq++;
            Freq = freq;
            Position = 0;
            return true;
        }

        public int NextPosition()
        {
            Position += _positions.ReadVInt() - 1;
            return Position;
        }
    }
}

/// <summary>
/// Bytes in large blocks, handed out as chains of slices that grow with each link (as Lucene's own ByteBlockPool
/// does): a slice ends with the four-byte address of the next. An address is the block's number times the block size
/// plus the offset in it. The blocks are kept for reuse by the next segment.
/// </summary>
internal sealed class BytePool
{
    private const int BlockBits = 16;
    private const int BlockSize = 1 << BlockBits;
    private const int BlockMask = BlockSize - 1;

    /// <summary>The sizes of the slices, link after link (the last repeats).</summary>
    private static readonly int[] SliceSizes = [16, 32, 64, 128, 256, 512, 1024, 2048];

    public const int TopLevel = 7;

    private readonly List<byte[]> _blocks = [];
    private int _block = -1;
    private int _used = BlockSize;

    /// <summary>The bytes of the blocks in use.</summary>
    public long Bytes => (_block + 1) * (long)BlockSize;

    public static int Usable(int level) => SliceSizes[level] - 4;

    public byte this[int address]
    {
        get => _blocks[address >> BlockBits][address & BlockMask];
        set => _blocks[address >> BlockBits][address & BlockMask] = value;
    }

    /// <summary>A new slice of a level; gives its address.</summary>
    public int NewSlice(int level)
    {
        var size = SliceSizes[level];
        if (_used + size > BlockSize)
        {
            _block++;
            if (_block == _blocks.Count)
                _blocks.Add(new byte[BlockSize]);
            _used = 0;
        }

        var address = (_block << BlockBits) | _used;
        _used += size;
        return address;
    }

    /// <summary>A new slice linked from the end of a full one (<paramref name="link"/>, where its address is written).</summary>
    public int NextSlice(int link, int level)
    {
        var next = NewSlice(level);
        var block = _blocks[link >> BlockBits];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(link & BlockMask), next);
        return next;
    }

    /// <summary>Forgets what the blocks hold, keeping them for reuse.</summary>
    public void Reset()
    {
        _block = -1;
        _used = BlockSize;
    }

    /// <summary>Reads a chain of slices from its first.</summary>
    internal struct Cursor(BytePool pool, int start, int length)
    {
        private int _address = start;
        private int _sliceEnd = start + Usable(0);
        private int _level;
        private int _left = length;

        public readonly bool AtEnd => _left == 0;

        public byte ReadByte()
        {
            if (_address == _sliceEnd)
            {
                var block = pool._blocks[_address >> BlockBits];
                _address = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(_address & BlockMask));
                _level = Math.Min(_level + 1, TopLevel);
                _sliceEnd = _address + Usable(_level);
            }

            _left--;
            return pool[_address++];
        }

        public int ReadVInt()
        {
            int b = ReadByte();
            var value = b & 0x7F;
            for (var shift = 7; (b & 0x80) != 0; shift += 7)
            {
                b = ReadByte();
                value |= (b & 0x7F) << shift;
            }

            return value;
        }
    }
}

/// <summary>Lucene's order of terms: their UTF-8 bytes compared unsigned, which is the order of their code points.</summary>
internal sealed class Utf8Order : IComparer<byte[]>
{
    public static readonly Utf8Order Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
