using System.Buffers.Binary;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Store;

namespace Catalogue.Core.Search;

/// <summary>
/// Lucene's fast stored-fields compression (LZ4) with a compressor of our own: Lucene.NET's keeps its hash table in
/// packed integers read and written through virtual calls and reads the input a byte at a time, which took about 6 µs
/// of every record indexed. This one writes the same format (LZ4 blocks, as Lucene's decompressor reads them, which is
/// what reads them back), so segments written before and after it read the same.
/// </summary>
internal sealed class StoredCompression : CompressionMode
{
    public static StoredCompression Instance { get; } = new();

    public override Compressor NewCompressor() => new Lz4Compressor();

    public override Decompressor NewDecompressor() => FAST.NewDecompressor();

    public override string ToString() => "FAST (LZ4, Catalogue's compressor)";
}

/// <summary>
/// LZ4 block compression, greedy as Lucene's: a 4-byte hash of each position points to its last occurrence; a match
/// is taken when the 4 bytes there are the same, and extended as far as it goes. The last 5 bytes are always
/// literals, as Lucene's compressor leaves them.
/// Not thread-safe: each stored-fields writer makes its own.
/// </summary>
internal sealed class Lz4Compressor : Compressor
{
    private const int MinMatch = 4;
    private const int LastLiterals = 5;
    private const int MaxDistance = 1 << 16;
    private const int HashLog = 12;

    private readonly int[] _table = new int[1 << HashLog];
    private byte[] _scratch = new byte[1024];

    public override void Compress(byte[] bytes, int off, int len, DataOutput output)
    {
        // The worst case: all literals, with one length byte per 255 of them, and a token.
        var bound = len + (len / 255) + 16;
        if (_scratch.Length < bound)
            _scratch = new byte[Math.Max(bound, _scratch.Length * 2)];
        var written = Compress(bytes.AsSpan(off, len), _scratch);
        output.WriteBytes(_scratch, 0, written);
    }

    /// <summary>Compresses <paramref name="src"/> into <paramref name="dst"/> (large enough); returns the bytes written.</summary>
    internal int Compress(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var len = src.Length;
        var anchor = 0;
        var o = 0;
        if (len > LastLiterals + MinMatch)
        {
            Array.Clear(_table);
            var limit = len - LastLiterals; // a match ends at or before this
            var matchLimit = limit - MinMatch; // and starts before this
            var pos = 1;
            while (pos < matchLimit)
            {
                var value = BinaryPrimitives.ReadInt32LittleEndian(src[pos..]);
                var hash = (int)((uint)(value * -1640531535) >> (32 - HashLog));
                var candidate = _table[hash];
                _table[hash] = pos;
                if (pos - candidate >= MaxDistance || BinaryPrimitives.ReadInt32LittleEndian(src[candidate..]) != value)
                {
                    pos++;
                    continue;
                }

                var matchLength = MinMatch + src[(candidate + MinMatch)..limit].CommonPrefixLength(src[(pos + MinMatch)..limit]);
                o = Sequence(src, anchor, pos, pos - candidate, matchLength, dst, o);
                pos += matchLength;
                anchor = pos;
            }
        }

        // The last literals, in a sequence of their own: the decompressor stops once it has the whole length.
        return Literals(src, anchor, len - anchor, 0, dst, o);
    }

    private static int Sequence(ReadOnlySpan<byte> src, int anchor, int pos, int distance, int matchLength, Span<byte> dst, int o)
    {
        o = Literals(src, anchor, pos - anchor, Math.Min(matchLength - MinMatch, 0x0F), dst, o);
        dst[o++] = (byte)distance;
        dst[o++] = (byte)(distance >> 8);
        if (matchLength - MinMatch >= 0x0F)
            o = Length(matchLength - MinMatch - 0x0F, dst, o);
        return o;
    }

    private static int Literals(ReadOnlySpan<byte> src, int anchor, int count, int matchNibble, Span<byte> dst, int o)
    {
        dst[o++] = (byte)((Math.Min(count, 0x0F) << 4) | matchNibble);
        if (count >= 0x0F)
            o = Length(count - 0x0F, dst, o);
        src.Slice(anchor, count).CopyTo(dst[o..]);
        return o + count;
    }

    private static int Length(int rest, Span<byte> dst, int o)
    {
        while (rest >= 0xFF)
        {
            dst[o++] = 0xFF;
            rest -= 0xFF;
        }

        dst[o++] = (byte)rest;
        return o;
    }
}
