using System.Text;
using Catalogue.Core.Search;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Catalogue.Core.Tests.Search;

/// <summary>
/// Our LZ4 compressor writes what Lucene's decompressor reads back: every length, text that repeats (as records do),
/// bytes that do not compress, long runs (lengths past 15 and 255), and slices that do not start at the array's start.
/// </summary>
public sealed class StoredCompressionTests
{
    private static readonly Decompressor Decompressor = CompressionMode.FAST.NewDecompressor();

    private static byte[] RoundTrip(byte[] bytes, int off, int len)
    {
        var compressor = StoredCompression.Instance.NewCompressor();
        var compressed = new byte[len + (len / 255) + 64];
        var output = new ByteArrayDataOutput(compressed);
        compressor.Compress(bytes, off, len, output);
        var result = new BytesRef();
        Decompressor.Decompress(new ByteArrayDataInput(compressed, 0, output.Position), len, 0, len, result);
        return result.Bytes.AsSpan(result.Offset, result.Length).ToArray();
    }

    private static byte[] Text(int length)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < length; i++)
            text.Append(i % 3 == 0 ? "Bát men ngọc trang trí hoa sen, thời Lý. " : i % 3 == 1 ? "Bol en grès à décor de lotus. " : $"Record TL.2023.{i:D4} ");
        return Encoding.UTF8.GetBytes(text.ToString())[..length];
    }

    [Test]
    public void Every_length_from_nothing_to_a_chunk_and_more_comes_back_as_it_was()
    {
        var random = new Random(42);
        foreach (var length in Enumerable.Range(0, 80).Concat([255, 256, 270, 1000, 4096, 4097, 16384, 70_000]))
        {
            var text = Text(length);
            Assert.That(RoundTrip(text, 0, length), Is.EqualTo(text), $"text of {length} bytes");

            var noise = new byte[length];
            random.NextBytes(noise);
            Assert.That(RoundTrip(noise, 0, length), Is.EqualTo(noise), $"random bytes, {length}");
        }
    }

    [Test]
    public void Long_runs_and_overlapping_matches_come_back_as_they_were()
    {
        foreach (var length in new[] { 10, 19, 20, 270, 300, 5000, 66_000, 140_000 })
        {
            var run = Enumerable.Repeat((byte)'a', length).ToArray();
            Assert.That(RoundTrip(run, 0, length), Is.EqualTo(run), $"a run of {length}");

            var pattern = Enumerable.Range(0, length).Select(i => (byte)"abcab"[i % 5]).ToArray();
            Assert.That(RoundTrip(pattern, 0, length), Is.EqualTo(pattern), $"a short pattern repeated, {length}");
        }
    }

    [Test]
    public void A_slice_in_the_middle_of_an_array_is_compressed_alone()
    {
        var bytes = Text(5000);
        Assert.That(RoundTrip(bytes, 1234, 2000), Is.EqualTo(bytes[1234..3234]));
    }

    [Test]
    public void Records_text_compresses_about_as_well_as_with_Lucenes_compressor()
    {
        var text = Text(4096);
        var ours = new ByteArrayDataOutput(new byte[8192]);
        StoredCompression.Instance.NewCompressor().Compress(text, 0, text.Length, ours);
        var lucene = new ByteArrayDataOutput(new byte[8192]);
        CompressionMode.FAST.NewCompressor().Compress(text, 0, text.Length, lucene);
        Assert.That(ours.Position, Is.LessThan(text.Length / 3), "repetitive text shrinks");
        Assert.That(ours.Position, Is.LessThanOrEqualTo(lucene.Position * 1.1));
    }
}
