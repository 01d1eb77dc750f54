using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Catalogue.Core.Search;

/// <summary>
/// Lucene's default codec with stored records compressed in chunks of 4 KB instead of 16 KB. Showing a hit reads its
/// stored record, and reading one record decompresses its whole chunk: with a record of one or two kilobytes, the
/// default chunk made each hit decompress ten records to show one (about 55 µs a hit, a millisecond for a page).
/// The index is a little larger. Records are compressed with Lucene's fast mode (LZ4), by a quicker compressor of ours
/// (<see cref="StoredCompression"/>). Registered by name (<see cref="Register"/>) so segments written with it can be read.
/// </summary>
[CodecName(CodecName)]
public sealed class CatalogueCodec : FilterCodec
{
    public const string CodecName = "Catalogue46";

    private const int ChunkSize = 4 * 1024;

    private readonly StoredFieldsFormat _storedFields =
        new CompressingStoredFieldsFormat("CatalogueStoredFields", StoredCompression.Instance, ChunkSize);

    public CatalogueCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(CatalogueCodec)] });
        return true;
    });

    /// <summary>Lets Lucene find this codec by the name segments record (once per process, before any index opens).</summary>
    public static void Register() => _ = Registered.Value;
}
