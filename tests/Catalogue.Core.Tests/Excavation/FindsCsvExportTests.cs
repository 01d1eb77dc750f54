using System.Text;
using Catalogue.Core.Excavation;
using Catalogue.Core.Tests.Support;

namespace Catalogue.Core.Tests.Excavation;

public sealed class FindsCsvExportTests
{
    private const string Header =
        "find_number,site,context,context_type,material,object_type,count,weight_g,x,y,z,found_on,recorded_by,status,accession_number,notes";

    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogueWithTwoSites()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateSiteAsync("HD18");
        await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Cut());
        await _catalogue.CreateContextsAsync("HD18", 15);
        await _catalogue.CreateSiteAsync("DM");
        await _catalogue.CreateContextsAsync("DM", 3);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Export_WritesTheHeaderAndOneRowPerFindOfThatSite()
    {
        var terms = _catalogue.Terms;
        await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).OfMaterial(terms.Stoneware.Id).OfType(terms.Bowl.Id).Counting(3)
            .Weighing(412.5m).At(-3.25m, 31.4m, 8.92m).FoundOn(new DateOnly(2023, 3, 4)).RecordedBy("Lan"));
        await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 15));
        await _catalogue.RegisterFindAsync(new FindBuilder("DM", 3));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0142").FromFind("HD18-0002"));

        var (text, rows) = await ExportAsync("HD18");

        Assert.That(text.Split('\n')[0].TrimEnd('\r'), Is.EqualTo(Header));
        Assert.That(rows, Has.Count.EqualTo(3), "The header and the two finds of HD18; DM's find is not exported.");
        Assert.That(rows[1], Is.EqualTo(new[]
        {
            "HD18-0001", "HD18", "12", "cut", "stoneware", "bowl", "3", "412.5", "-3.25", "31.4", "8.92", "2023-03-04", "Lan", "registered", "", "",
        }), "A negative coordinate is a number, not a formula, and keeps its sign.");
        Assert.That(rows[2][0], Is.EqualTo("HD18-0002"));
        Assert.That(rows[2][13], Is.EqualTo("accessioned"));
        Assert.That(rows[2][14], Is.EqualTo("TL.2023.0142"));
    }

    [Test]
    public async Task Export_OfASiteWithoutFinds_WritesOnlyTheHeader()
    {
        var (_, rows) = await ExportAsync("HD18");

        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(string.Join(',', rows[0]), Is.EqualTo(Header));
    }

    [TestCase("Rim sherd, celadon glaze")]
    [TestCase("Stamped \"Trường Lạc\" mark")]
    [TestCase("Two joining sherds\nfound 5 cm apart")]
    [TestCase("Line one\r\nline two, with \"quotes\"")]
    public async Task Export_QuotesANoteWithCommasQuotesOrNewlinesSoItReadsBackWhole(string notes)
    {
        await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).WithNotes(notes));
        await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 15).WithNotes("plain"));

        var (text, rows) = await ExportAsync("HD18");

        Assert.That(text, Does.Contain("\"" + notes.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        Assert.That(rows, Has.Count.EqualTo(3), "A newline inside a note does not start a new row.");
        Assert.That(rows[1][^1], Is.EqualTo(notes));
        Assert.That(rows[2][^1], Is.EqualTo("plain"));
        Assert.That(rows.Skip(1).Select(r => r.Count), Has.All.EqualTo(16));
    }

    [Test]
    public async Task Export_KeepsVietnameseDiacritics()
    {
        const string notes = "Mảnh bát men ngọc thời Lý, đáy có chữ Hán";
        await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).WithNotes(notes).RecordedBy("Nguyễn Thị Hường"));

        var (_, rows) = await ExportAsync("HD18");

        Assert.That(rows[1][^1], Is.EqualTo(notes));
        Assert.That(rows[1][12], Is.EqualTo("Nguyễn Thị Hường"));
    }

    [TestCase("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [TestCase("=1+2")]
    [TestCase("+SUM(A1:A9)")]
    [TestCase("-2+3")]
    [TestCase("@SUM(A1)")]
    public async Task Export_NeutralisesANoteThatASpreadsheetWouldRunAsAFormula(string notes)
    {
        await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).WithNotes(notes).RecordedBy(notes));

        var (_, rows) = await ExportAsync("HD18");

        Assert.That(rows[1][^1], Is.EqualTo("'" + notes), "The note is prefixed with a quote so it is shown as text.");
        Assert.That(rows[1][12], Is.EqualTo("'" + notes), "Every text field is neutralised, not only the notes.");
    }

    private async Task<(string Text, List<List<string>> Rows)> ExportAsync(string siteCode)
    {
        await using var scope = _catalogue.As("reader");
        await using var writer = new StringWriter(new StringBuilder());
        await scope.Get<ExcavationQueries>().WriteFindsCsvAsync(new FindFilter { SiteCode = siteCode }, writer);
        var text = writer.ToString();
        return (text, ParseCsv(text));
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.That(field.Length, Is.Zero, "A quote may only open a field.");
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.That(quoted, Is.False, "Every quoted field is closed.");
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
