using System.Globalization;
using System.Text;
using Catalogue.Core.Common;
using Catalogue.Core.Search;

namespace Catalogue.Benchmarks.Search;

/// <summary>
/// A reproducible corpus of trilingual artifact records shaped like the citadel's catalogue: object types, materials,
/// decorations and periods from its vocabularies, descriptions of about 1 KB in Vietnamese, French and English, and
/// Hán-Nôm inscriptions on one record in eight. Record <c>i</c> depends only on the seed and <c>i</c>, so batches can
/// be generated in parallel and every run sees the same corpus.
/// </summary>
internal static class SyntheticCorpus
{
    private sealed record Word(string Code, string Vi, string Fr, string En);

    private static readonly Word[] ObjectTypes =
    [
        new("bowl", "bát", "bol", "bowl"), new("dish", "đĩa", "plat", "dish"), new("jar", "hũ", "jarre", "jar"),
        new("vase", "bình", "vase", "vase"), new("roof-tile", "ngói", "tuile", "roof tile"), new("brick", "gạch", "brique", "brick"),
        new("cup", "chén", "coupe", "cup"), new("ewer", "ấm", "aiguière", "ewer"), new("covered-box", "hộp", "boîte couverte", "covered box"),
        new("lamp", "đèn", "lampe", "lamp"), new("figurine", "tượng", "statuette", "figurine"), new("finial", "đầu đao", "épi de faîtage", "finial"),
        new("coin", "tiền", "monnaie", "coin"), new("mirror", "gương", "miroir", "mirror"), new("pot", "nồi", "pot", "pot"),
        new("basin", "chậu", "bassin", "basin"), new("ridge-tile", "ngói bò", "faîtière", "ridge tile"), new("plate", "đĩa lớn", "assiette", "plate"),
        new("stem-cup", "cốc chân cao", "coupe sur pied", "stem cup"), new("incense-burner", "lư hương", "brûle-parfum", "incense burner"),
    ];

    private static readonly Word[] Materials =
    [
        new("stoneware", "sành", "grès", "stoneware"), new("porcelain", "sứ", "porcelaine", "porcelain"), new("earthenware", "đất nung", "terre cuite", "earthenware"),
        new("celadon-glaze", "men ngọc", "glaçure céladon", "celadon glaze"), new("bronze", "đồng", "bronze", "bronze"), new("iron", "sắt", "fer", "iron"),
        new("gold", "vàng", "or", "gold"), new("jade", "ngọc bích", "jade", "jade"), new("lacquer", "sơn mài", "laque", "lacquer"),
        new("wood", "gỗ", "bois", "wood"), new("glaze", "men", "glaçure", "glaze"), new("brown-glaze", "men nâu", "glaçure brune", "brown glaze"),
        new("white-glaze", "men trắng", "glaçure blanche", "white glaze"), new("blue-and-white", "men lam", "bleu et blanc", "blue and white"),
        new("stone", "đá", "pierre", "stone"), new("glass", "thủy tinh", "verre", "glass"),
    ];

    private static readonly Word[] Decorations =
    [
        new("lotus", "hoa sen", "lotus", "lotus"), new("dragon", "rồng", "dragon", "dragon"), new("phoenix", "phượng", "phénix", "phoenix"),
        new("chrysanthemum", "hoa cúc", "chrysanthème", "chrysanthemum"), new("cloud", "mây", "nuage", "cloud"), new("wave", "sóng nước", "vague", "wave"),
        new("peony", "mẫu đơn", "pivoine", "peony"), new("fish", "cá", "poisson", "fish"), new("bodhi-leaf", "lá đề", "feuille de bodhi", "bodhi leaf"),
        new("elephant", "voi", "éléphant", "elephant"), new("crane", "hạc", "grue", "crane"), new("scroll", "hoa văn cuốn", "rinceau", "scroll"),
        new("lotus-petals", "cánh sen", "pétales de lotus", "lotus petals"), new("bird", "chim", "oiseau", "bird"), new("flame", "ngọn lửa", "flamme", "flame"),
    ];

    private static readonly (string Code, string Vi, int From, int To)[] Periods =
    [
        ("dai-la", "Đại La", 700, 900), ("dinh-tien-le", "Đinh - Tiền Lê", 968, 1009), ("ly", "Lý", 1009, 1225), ("tran", "Trần", 1225, 1400),
        ("ho", "Hồ", 1400, 1407), ("le-so", "Lê sơ", 1428, 1527), ("mac", "Mạc", 1527, 1592), ("le-trung-hung", "Lê trung hưng", 1533, 1789),
        ("tay-son", "Tây Sơn", 1778, 1802), ("nguyen", "Nguyễn", 1802, 1945),
    ];

    private static readonly string[] Sites = ["ht18", "dbp", "hd"];
    private static readonly string[] Conditions = ["good", "fair", "poor", "unacceptable"];
    private static readonly string[] Statuses = ["published", "published", "published", "internal", "draft"];

    private static readonly string[] ViSentences =
    [
        "Thành ngoài trang trí {0} khắc chìm, men phủ đều đến gần chân đế.",
        "Tìm thấy trong hố rác thải cùng nhiều mảnh gốm cùng loại ở khu vực Hoàng thành Thăng Long.",
        "Xương gốm màu xám trắng, chắc, mặt trong có dấu con kê hình vành khăn.",
        "Miệng loe, thân cong đều, chân đế thấp, lòng đế để mộc.",
        "Hiện vật bị vỡ thành nhiều mảnh và đã được gắn chắp lại.",
        "Hoa văn {0} được vẽ bằng lam dưới men, nét bút mềm mại.",
        "Đây là loại đồ dùng trong cung đình thời {1}.",
        "Men rạn nhỏ, một số chỗ bong men để lộ xương gốm.",
    ];

    private static readonly string[] FrSentences =
    [
        "La paroi extérieure est ornée d'un décor de {0} incisé sous la glaçure.",
        "Découvert dans une fosse-dépotoir avec de nombreux tessons du même type, près de la citadelle de Hanoï.",
        "Pâte grise et dense ; l'intérieur porte les traces d'un anneau d'empilement.",
        "Lèvre évasée, panse arrondie, pied bas et fond non glaçuré.",
        "L'objet, brisé en plusieurs fragments, a été recollé lors d'une restauration ancienne.",
        "Le motif de {0} est peint en bleu sous couverte d'un pinceau souple.",
        "Pièce d'usage à la cour impériale sous la dynastie {1}.",
        "Glaçure finement craquelée, avec quelques manques laissant voir la pâte.",
    ];

    private static readonly string[] EnSentences =
    [
        "The outer wall is decorated with an incised {0} design under the glaze.",
        "Found in a refuse pit with many sherds of the same type in the Thang Long imperial citadel.",
        "Dense grey body; the interior shows a ring-shaped stacking scar.",
        "Flared rim, rounded body, low foot and unglazed base.",
        "Broken into several fragments and rejoined in an earlier conservation campaign.",
        "The {0} motif is painted in underglaze blue with a supple brush.",
        "A vessel for use at the royal court in the {1} period.",
        "Finely crackled glaze with small losses exposing the body.",
    ];

    private const string Han = "大越國軍城磚天長府李陳黎福寿康寧永聖宮殿龍鳳花官內用太平興國";

    public static SearchRecord Record(int seed, int i)
    {
        // Not HashCode.Combine: it is randomised per process, and the corpus must be the same on every run.
        var random = new Random(unchecked((seed * 1_000_003) + i));
        var type = Pick(random, ObjectTypes);
        var decoration = Pick(random, Decorations);
        var materials = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(random, Materials)).DistinctBy(m => m.Code).ToList();
        var period = Periods[Skewed(random, Periods.Length)];
        var from = period.From + random.Next(Math.Max(1, (period.To - period.From) / 2));
        var to = Math.Min(period.To, from + random.Next(5, 120));
        var material = materials[0];

        var vi = new StringBuilder();
        var fr = new StringBuilder();
        var en = new StringBuilder();
        var sentences = 3 + random.Next(3);
        for (var s = 0; s < sentences; s++)
        {
            var k = random.Next(ViSentences.Length);
            var motif = Pick(random, Decorations);
            vi.Append(CultureInfo.InvariantCulture, $"{string.Format(CultureInfo.InvariantCulture, ViSentences[k], motif.Vi, period.Vi)} ");
            fr.Append(CultureInfo.InvariantCulture, $"{string.Format(CultureInfo.InvariantCulture, FrSentences[k], motif.Fr, period.Vi)} ");
            en.Append(CultureInfo.InvariantCulture, $"{string.Format(CultureInfo.InvariantCulture, EnSentences[k], motif.En, period.Vi)} ");
        }

        string? inscription = null;
        if (random.Next(8) == 0)
        {
            var chars = new char[4 + random.Next(6)];
            for (var c = 0; c < chars.Length; c++)
                chars[c] = Han[Skewed(random, Han.Length)];
            inscription = new string(chars);
        }

        return new SearchRecord
        {
            Type = SearchDocumentType.Artifact,
            Id = i + 1,
            Number = $"TL.{2000 + (i / 100_000)}.{i % 100_000:D5}",
            Title = LocalizedText.Of(
                $"{Cap(type.Vi)} {material.Vi} trang trí {decoration.Vi}",
                $"{Cap(type.Fr)} en {material.Fr} à décor de {decoration.Fr}",
                $"{Cap(material.En)} {type.En} with {decoration.En} decoration"),
            Description = LocalizedText.Of(vi.ToString(), fr.ToString(), en.ToString()),
            Inscription = inscription,
            TermLabels = [type.Vi, type.Fr, type.En, period.Vi, .. materials.SelectMany(m => new[] { m.Vi, m.Fr, m.En })],
            DatingText = $"c. {from}-{to}",
            EarliestYear = from,
            LatestYear = to,
            StaffText = $"HT18-{i % 9999:D4} · HT18/{1 + (i % 400)}",
            ObjectType = type.Code,
            Materials = materials.Select(m => m.Code).ToList(),
            Period = period.Code,
            Site = Sites[random.Next(Sites.Length)],
            Condition = Conditions[Skewed(random, Conditions.Length)],
            Status = Statuses[random.Next(Statuses.Length)],
            HasImage = random.Next(3) > 0,
        };
    }

    private static T Pick<T>(Random random, T[] items) => items[Skewed(random, items.Length)];

    // Roughly Zipfian: early entries of each list are much more common, as in a real catalogue.
    private static int Skewed(Random random, int count) => (int)(count * Math.Pow(random.NextDouble(), 2.2));

    private static string Cap(string text) => char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
