using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>How <see cref="HarrisMatrixSvg"/> draws a matrix; the defaults suit a web page.</summary>
public sealed record HarrisMatrixSvgOptions
{
    /// <summary>A heading drawn above the matrix and used as the drawing's accessible name (e.g. the site name).</summary>
    public string? Title { get; init; }

    /// <summary>The heading of the phase legend (the UI passes it localized).</summary>
    public string LegendHeading { get; init; } = "Phases";

    /// <summary>Boxes are as wide as the longest label up to this many pixels; longer labels are shortened with "…".</summary>
    public int MaxBoxWidth { get; init; } = 200;

    /// <summary>
    /// Whether the drawing carries its own style for a box under the pointer (a standalone file needs it). A page that
    /// embeds the drawing leaves it out: its style sheet has the rule, and its Content Security Policy refuses inline
    /// styles (the browser reports each refusal).
    /// </summary>
    public bool OwnStyle { get; init; } = true;
}

/// <summary>
/// Draws a <see cref="HarrisMatrix"/> as a standalone SVG document: a box per node in its row, lines from
/// each later box down to the earlier ones (a line that skips rows runs straight down through a lane
/// left free for it between the boxes), boxes filled by phase with a legend, and each box a link to its
/// context page. Needs no script; every text is XML-escaped.
/// </summary>
public static partial class HarrisMatrixSvg
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";
    private const double Margin = 16;
    private const double BoxHeight = 28;
    private const double ColumnGap = 16;
    private const double RowGap = 36;
    private const double MinBoxWidth = 48;
    private const double TitleHeight = 28;
    private const double LegendRowHeight = 20;
    private const double Swatch = 12;
    private const double LaneWidth = 4;
    private const double LaneGap = 8;

    /// <summary>
    /// The SVG text of the matrix. <paramref name="linkForKey"/> is asked for the page of each node
    /// (by its <see cref="HarrisMatrixNode.Id"/>); a null or empty answer leaves the box unlinked. Only
    /// relative links and http, https and mailto addresses are used, so a stored value cannot inject script.
    /// </summary>
    public static string Render(HarrisMatrix matrix, Func<string, string?>? linkForKey, HarrisMatrixSvgOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= new HarrisMatrixSvgOptions();
        var colours = PhasePalette.For(matrix);

        var boxWidth = Math.Clamp(matrix.Nodes.Count == 0 ? MinBoxWidth : matrix.Nodes.Max(n => TextWidth(n.Label)) + 16, MinBoxWidth, Math.Max(MinBoxWidth, options.MaxBoxWidth));

        // Place each row's boxes and lanes left to right, then centre the row under the widest one.
        var nodeX = new double[matrix.Nodes.Count];
        var laneX = new List<(int Layer, double X)>?[matrix.Edges.Count];
        var rowWidths = matrix.Slots.Select(row => RowWidth(row, boxWidth)).ToArray();
        var matrixWidth = rowWidths.Length == 0 ? 0 : rowWidths.Max();
        for (var l = 0; l < matrix.Slots.Count; l++)
        {
            var row = matrix.Slots[l];
            var at = Margin + (matrixWidth - rowWidths[l]) / 2;
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                    at += Gap(row[i - 1], row[i]);
                if (row[i].IsLane)
                    (laneX[row[i].Edge] ??= []).Add((l, at + LaneWidth / 2));
                else
                    nodeX[row[i].Node] = at;
                at += row[i].IsLane ? LaneWidth : boxWidth;
            }
        }

        var title = Clean(options.Title);
        var legend = LayOutLegend(matrix, Clean(options.LegendHeading) ?? "Phases", Math.Max(matrixWidth, 480));
        var width = Math.Max(matrixWidth, Math.Max(legend.Width, title is null ? 0 : TextWidth(title, 16))) + 2 * Margin;
        var top = Margin + (title is null ? 0 : TitleHeight) + (legend.Height > 0 ? legend.Height + RowGap / 2 : 0);
        var height = top + Math.Max(0, matrix.Layers.Count * (BoxHeight + RowGap) - RowGap) + Margin;

        var indexOf = new Dictionary<string, int>(matrix.Nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < matrix.Nodes.Count; i++)
            indexOf[matrix.Nodes[i].Id] = i;
        double RowTop(int layer) => top + layer * (BoxHeight + RowGap);

        var text = new StringBuilder(256 + matrix.Nodes.Count * 220 + matrix.Edges.Count * 80);
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            writer.WriteStartElement("svg", SvgNamespace);
            writer.WriteAttributeString("xmlns", "xlink", null, XlinkNamespace);
            writer.WriteAttributeString("version", "1.1");
            writer.WriteAttributeString("width", Number(width));
            writer.WriteAttributeString("height", Number(height));
            writer.WriteAttributeString("viewBox", $"0 0 {Number(width)} {Number(height)}");
            writer.WriteAttributeString("role", "img");
            writer.WriteAttributeString("font-family", "sans-serif");
            writer.WriteAttributeString("font-size", "12");
            writer.WriteElementString("title", SvgNamespace, title ?? "Harris matrix");
            if (options.OwnStyle)
                writer.WriteElementString("style", SvgNamespace, "a:hover rect,a:focus rect{stroke-width:2.5}");
            Element(writer, "rect", ("width", "100%"), ("height", "100%"), ("fill", "#ffffff"));

            if (title is not null)
            {
                writer.WriteStartElement("text", SvgNamespace);
                Attributes(writer, ("x", Number(Margin)), ("y", Number(Margin + 16)), ("font-size", "16"), ("font-weight", "bold"));
                writer.WriteString(title);
                writer.WriteEndElement();
            }

            WriteLegend(writer, legend, Margin + (title is null ? 0 : TitleHeight));

            writer.WriteStartElement("g", SvgNamespace);
            Attributes(writer, ("class", "edges"), ("stroke", "#444444"), ("stroke-width", "1"), ("fill", "none"));
            var points = new StringBuilder();
            for (var e = 0; e < matrix.Edges.Count; e++)
            {
                int from = indexOf[matrix.Edges[e].From], to = indexOf[matrix.Edges[e].To];
                var (x1, y1) = (nodeX[from] + boxWidth / 2, RowTop(matrix.Nodes[from].Layer) + BoxHeight);
                var (x2, y2) = (nodeX[to] + boxWidth / 2, RowTop(matrix.Nodes[to].Layer));
                if (laneX[e] is not { } lanes)
                {
                    Element(writer, "line", ("x1", Number(x1)), ("y1", Number(y1)), ("x2", Number(x2)), ("y2", Number(y2)));
                    continue;
                }

                // Straight down through each row it crosses, in the lane kept free for it between the boxes.
                points.Clear().Append(Number(x1)).Append(',').Append(Number(y1));
                foreach (var (layer, x) in lanes)
                {
                    points.Append(' ').Append(Number(x)).Append(',').Append(Number(RowTop(layer)));
                    points.Append(' ').Append(Number(x)).Append(',').Append(Number(RowTop(layer) + BoxHeight));
                }

                points.Append(' ').Append(Number(x2)).Append(',').Append(Number(y2));
                Element(writer, "polyline", ("points", points.ToString()));
            }

            writer.WriteEndElement();

            writer.WriteStartElement("g", SvgNamespace);
            writer.WriteAttributeString("class", "contexts");
            for (var n = 0; n < matrix.Nodes.Count; n++)
            {
                var node = matrix.Nodes[n];
                var link = SafeLink(linkForKey?.Invoke(node.Id));
                if (link is not null)
                {
                    writer.WriteStartElement("a", SvgNamespace);
                    writer.WriteAttributeString("href", link);
                    writer.WriteAttributeString("xlink", "href", XlinkNamespace, link);
                }

                var label = Clean(node.Label) ?? node.Id;
                writer.WriteStartElement("g", SvgNamespace);
                Attributes(writer, ("class", "context"), ("data-key", Clean(node.Id) ?? string.Empty), ("id", AnchorId(node.Id)));
                writer.WriteElementString("title", SvgNamespace, node.Phase is null ? label : $"{label} ({Clean(node.Phase)})");
                Element(writer, "rect",
                    ("x", Number(nodeX[n])), ("y", Number(RowTop(node.Layer))), ("width", Number(boxWidth)), ("height", Number(BoxHeight)),
                    ("rx", "3"), ("fill", PhasePalette.Fill(colours, node)), ("stroke", "#222222"), ("stroke-width", "1"));
                writer.WriteStartElement("text", SvgNamespace);
                Attributes(writer,
                    ("x", Number(nodeX[n] + boxWidth / 2)), ("y", Number(RowTop(node.Layer) + BoxHeight / 2 + 4)),
                    ("text-anchor", "middle"), ("fill", "#000000"));
                writer.WriteString(Shorten(label, boxWidth - 8));
                writer.WriteEndElement();

                // Contexts merged as "same as" share the box; each member keeps an anchor so #ctx-N lands on it.
                foreach (var member in node.MemberKeys.Where(m => m != node.Id))
                {
                    Element(writer, "rect",
                        ("id", AnchorId(member)), ("x", Number(nodeX[n])), ("y", Number(RowTop(node.Layer))),
                        ("width", Number(boxWidth)), ("height", Number(BoxHeight)), ("fill", "none"), ("stroke", "none"));
                }

                writer.WriteEndElement();
                if (link is not null)
                    writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    private static double Gap(RowSlot left, RowSlot right) => left.IsLane || right.IsLane ? LaneGap : ColumnGap;

    private static double RowWidth(RowSlot[] row, double boxWidth)
    {
        var width = 0.0;
        for (var i = 0; i < row.Length; i++)
            width += (row[i].IsLane ? LaneWidth : boxWidth) + (i > 0 ? Gap(row[i - 1], row[i]) : 0);
        return width;
    }

    private sealed record LegendItem(string Name, string Colour, double X, double Y);

    private sealed record Legend(string Heading, IReadOnlyList<LegendItem> Items, double Width, double Height);

    /// <summary>Phase swatches flowed left to right under a heading, wrapping at <paramref name="maxWidth"/>.</summary>
    private static Legend LayOutLegend(HarrisMatrix matrix, string heading, double maxWidth)
    {
        if (matrix.Phases.Count == 0)
            return new Legend(heading, [], 0, 0);
        var items = new List<LegendItem>();
        double x = 0, y = LegendRowHeight, width = TextWidth(heading);
        for (var i = 0; i < matrix.Phases.Count; i++)
        {
            var name = Clean(matrix.Phases[i].Name) ?? string.Empty;
            var itemWidth = Swatch + 6 + TextWidth(name) + 18;
            if (x > 0 && x + itemWidth > maxWidth)
            {
                x = 0;
                y += LegendRowHeight;
            }

            items.Add(new LegendItem(name, PhasePalette.Colour(i), x, y));
            x += itemWidth;
            width = Math.Max(width, x);
        }

        return new Legend(heading, items, width, y + LegendRowHeight / 2);
    }

    private static void WriteLegend(XmlWriter writer, Legend legend, double top)
    {
        if (legend.Items.Count == 0)
            return;
        writer.WriteStartElement("g", SvgNamespace);
        writer.WriteAttributeString("class", "legend");
        writer.WriteStartElement("text", SvgNamespace);
        Attributes(writer, ("x", Number(Margin)), ("y", Number(top + 12)), ("font-weight", "bold"));
        writer.WriteString(legend.Heading);
        writer.WriteEndElement();
        foreach (var item in legend.Items)
        {
            var x = Margin + item.X;
            var y = top + item.Y;
            Element(writer, "rect",
                ("x", Number(x)), ("y", Number(y)), ("width", Number(Swatch)), ("height", Number(Swatch)),
                ("fill", item.Colour), ("stroke", "#222222"), ("stroke-width", "1"));
            writer.WriteStartElement("text", SvgNamespace);
            Attributes(writer, ("x", Number(x + Swatch + 6)), ("y", Number(y + Swatch - 2)));
            writer.WriteString(item.Name);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void Element(XmlWriter writer, string name, params (string Name, string Value)[] attributes)
    {
        writer.WriteStartElement(name, SvgNamespace);
        Attributes(writer, attributes);
        writer.WriteEndElement();
    }

    private static void Attributes(XmlWriter writer, params (string Name, string Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
            writer.WriteAttributeString(name, value);
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A rough width of text in pixels at 12px sans-serif; wide scripts (CJK) count double.</summary>
    private static double TextWidth(string text, double fontSize = 12)
    {
        var units = 0.0;
        foreach (var c in text)
            units += c >= '\u2E80' ? 1.0 : char.IsUpper(c) || c == 'm' || c == 'w' ? 0.7 : 0.56;
        return units * fontSize;
    }

    private static string Shorten(string label, double width)
    {
        if (TextWidth(label) <= width)
            return label;
        var kept = label.Length;
        while (kept > 1 && TextWidth(label[..kept]) + TextWidth("\u2026") > width)
            kept--;
        return label[..kept].TrimEnd() + "\u2026";
    }

    /// <summary>Drops characters XML cannot carry (control characters, lone surrogates); null when nothing is left.</summary>
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(c).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        var result = clean.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>The link if it is relative or uses a harmless scheme; browsers ignore tabs and newlines in URLs, so those go first.</summary>
    private static string? SafeLink(string? url)
    {
        var cleaned = Clean(url?.Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal));
        if (cleaned is null)
            return null;
        var scheme = SchemePattern().Match(cleaned);
        if (!scheme.Success)
            return cleaned;
        var name = scheme.Groups[1].Value;
        return name.Equals("http", StringComparison.OrdinalIgnoreCase)
            || name.Equals("https", StringComparison.OrdinalIgnoreCase)
            || name.Equals("mailto", StringComparison.OrdinalIgnoreCase)
            ? cleaned
            : null;
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex SchemePattern();

    /// <summary>The fragment id of a context's box in the drawing, e.g. <c>ctx-12</c> (only letters, digits, '-' and '_').</summary>
    public static string AnchorId(string key) =>
        "ctx-" + string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
