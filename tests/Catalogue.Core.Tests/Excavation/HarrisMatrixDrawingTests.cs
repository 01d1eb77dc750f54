using System.Globalization;
using System.Xml.Linq;
using Catalogue.Core.Excavation.Stratigraphy;
using NUnit.Framework;
using static Catalogue.Core.Tests.Excavation.StratigraphyTestData;

namespace Catalogue.Core.Tests.Excavation;

public class HarrisMatrixDrawingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static HarrisMatrix SmallSite() => BuildValid(
        [
            new("1", "1", "Nguyễn", 10),
            new("2", "2", "Lê sơ", 6),
            new("3", "3", "Lê sơ", 6),
            new("4", "<script>alert('x')</script>", null, null),
            new("5", "5", "Trần", 5),
            new("6", "6", "Trần", 5),
        ],
        Relations("1 above 2", "2 cuts 3", "3 above 4", "1 above 4", "4 above 5", "6 same as 5"));

    [Test]
    public void The_svg_is_well_formed_with_one_link_per_linked_node()
    {
        var matrix = SmallSite();

        var svg = HarrisMatrixSvg.Render(matrix, key => key == "3" ? null : $"/sites/TL/contexts/{key}");

        var document = XDocument.Parse(svg);
        var links = document.Descendants(Svg + "a").ToList();
        Assert.That(document.Root!.Name, Is.EqualTo(Svg + "svg"));
        Assert.That(links, Has.Count.EqualTo(matrix.Nodes.Count - 1));
        Assert.That(links.Select(a => (string?)a.Attribute("href")), Does.Contain("/sites/TL/contexts/5"));
        Assert.That(document.Descendants(Svg + "line").Count() + document.Descendants(Svg + "polyline").Count(), Is.EqualTo(matrix.Edges.Count));
    }

    [Test]
    public void Lines_that_skip_rows_pass_between_the_boxes_not_behind_them()
    {
        var (units, relations) = RandomSequence(250, 5);
        var matrix = BuildValid(units, relations);

        var document = XDocument.Parse(HarrisMatrixSvg.Render(matrix, _ => null));

        var boxes = document.Descendants(Svg + "g")
            .Where(g => (string?)g.Attribute("class") == "context")
            .Select(g => g.Element(Svg + "rect")!)
            .Select(r => (X: Read(r, "x"), Y: Read(r, "y"), Width: Read(r, "width"), Height: Read(r, "height")))
            .ToList();
        var polylines = document.Descendants(Svg + "polyline").ToList();
        Assert.That(polylines, Is.Not.Empty, "the random site should have lines that skip rows");
        foreach (var polyline in polylines)
        {
            var points = ((string)polyline.Attribute("points")!).Split(' ')
                .Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
                .ToList();
            // Points 1..^1 come in pairs: the top and bottom of the lane in a row the line crosses.
            for (var i = 1; i + 1 < points.Count - 1; i += 2)
            {
                double x = points[i][0], top = points[i][1];
                Assert.That(points[i + 1][0], Is.EqualTo(x), "a lane runs straight down");
                Assert.That(boxes.Where(b => b.Y == top), Has.None.Matches<(double X, double Y, double Width, double Height)>(b => b.X <= x && x <= b.X + b.Width));
            }
        }
    }

    private static double Read(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Test]
    public void A_standalone_svg_styles_the_box_under_the_pointer_itself_and_one_for_a_page_leaves_that_to_the_page()
    {
        var standalone = XDocument.Parse(HarrisMatrixSvg.Render(SmallSite(), _ => null));
        var forPage = XDocument.Parse(HarrisMatrixSvg.Render(SmallSite(), _ => null, new HarrisMatrixSvgOptions { OwnStyle = false }));

        Assert.That(standalone.Descendants(Svg + "style").Single().Value, Does.Contain("a:hover rect"));
        Assert.That(forPage.Descendants(Svg + "style"), Is.Empty);
        Assert.That(forPage.Descendants(Svg + "rect").Count(), Is.EqualTo(standalone.Descendants(Svg + "rect").Count()), "the same drawing otherwise");
    }

    [Test]
    public void The_svg_escapes_labels_instead_of_running_them()
    {
        var svg = HarrisMatrixSvg.Render(SmallSite(), _ => null);

        var document = XDocument.Parse(svg);
        Assert.That(document.Descendants().Any(e => e.Name.LocalName == "script"), Is.False);
        Assert.That(svg, Does.Contain("&lt;script&gt;"));
        Assert.That(document.Descendants(Svg + "text").Select(t => t.Value), Has.Some.StartsWith("<script>"));
    }

    [Test]
    public void The_svg_leaves_out_links_that_would_run_script()
    {
        var svg = HarrisMatrixSvg.Render(SmallSite(), key => key == "1" ? "java\tscript:alert(1)" : "https://example.org/c/" + key);

        var document = XDocument.Parse(svg);
        Assert.That(document.Descendants(Svg + "a").Count(), Is.EqualTo(SmallSite().Nodes.Count - 1));
        Assert.That(svg, Does.Not.Contain("script:"));
    }

    [Test]
    public void The_svg_fills_boxes_by_phase_and_shows_a_legend()
    {
        var matrix = SmallSite();

        var document = XDocument.Parse(HarrisMatrixSvg.Render(matrix, _ => null, new HarrisMatrixSvgOptions { Title = "Thăng Long & co" }));

        var legend = document.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.That(legend.Descendants(Svg + "text").Select(t => t.Value), Is.EqualTo(new[] { "Phases", "Trần", "Lê sơ", "Nguyễn" }));
        var fills = document.Descendants(Svg + "g")
            .Where(g => (string?)g.Attribute("class") == "context")
            .ToDictionary(g => (string)g.Attribute("data-key")!, g => (string)g.Element(Svg + "rect")!.Attribute("fill")!);
        Assert.That(fills["2"], Is.EqualTo(fills["3"]));
        Assert.That(fills["2"], Is.Not.EqualTo(fills["1"]));
        Assert.That(fills["4"], Is.EqualTo("#ffffff"));
        Assert.That(document.Root!.Element(Svg + "title")!.Value, Is.EqualTo("Thăng Long & co"));
    }

    [Test]
    public void The_svg_numbers_do_not_depend_on_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var document = XDocument.Parse(HarrisMatrixSvg.Render(SmallSite(), _ => null));

            var viewBox = (string)document.Root!.Attribute("viewBox")!;
            Assert.That(viewBox.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)), Has.All.GreaterThanOrEqualTo(0));
            Assert.That(document.Descendants(Svg + "rect").Select(r => (string?)r.Attribute("x") ?? "0"), Has.None.Contains(","));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void A_site_without_contexts_draws_an_empty_but_valid_matrix()
    {
        var matrix = BuildValid([], []);

        var document = XDocument.Parse(HarrisMatrixSvg.Render(matrix, _ => "/x"));

        Assert.That(matrix.Layers, Is.Empty);
        Assert.That(document.Descendants(Svg + "a"), Is.Empty);
        Assert.That(HarrisMatrixDot.Render(matrix, "Empty"), Does.EndWith("}" + Environment.NewLine));
    }

    [Test]
    public void The_dot_output_contains_every_node_and_edge()
    {
        var matrix = SmallSite();

        var dot = HarrisMatrixDot.Render(matrix, "Hoàng thành Thăng Long");

        Assert.That(dot, Does.StartWith("digraph \"Harris matrix: Hoàng thành Thăng Long\" {"));
        Assert.That(dot, Does.Contain("rankdir=TB"));
        foreach (var node in matrix.Nodes)
            Assert.That(dot, Does.Contain($"\"{node.Id}\" [label="), node.Id);
        foreach (var edge in matrix.Edges)
            Assert.That(dot, Does.Contain($"\"{edge.From}\" -> \"{edge.To}\";"), $"{edge.From} -> {edge.To}");
        Assert.That(dot, Does.Contain("[label=\"5 = 6\""));
        Assert.That(dot.Split("->").Length - 1, Is.EqualTo(matrix.Edges.Count));
    }

    [Test]
    public void The_dot_output_escapes_quotes_and_backslashes_in_ids_and_labels()
    {
        var matrix = BuildValid([new("A\"1", "say \"hi\" \\ bye", null, null), new("B", "B", null, null)], [new("A\"1", StratigraphicRelationType.Above, "B")]);

        var dot = HarrisMatrixDot.Render(matrix, "Site");

        Assert.That(dot, Does.Contain("\"A\\\"1\" [label=\"say \\\"hi\\\" \\\\ bye\"]"));
        Assert.That(dot, Does.Contain("\"A\\\"1\" -> \"B\";"));
    }
}
