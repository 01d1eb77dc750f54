using System.Text;

namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>
/// Writes a <see cref="HarrisMatrix"/> as Graphviz DOT, for archaeologists who lay out or print the
/// matrix with Graphviz: top to bottom with the latest at the top, the computed rows kept as ranks,
/// "same as" members in the label, nodes filled by phase with a legend cluster.
/// </summary>
public static class HarrisMatrixDot
{
    /// <summary>The DOT text of the matrix; <paramref name="siteName"/> becomes the graph's title.</summary>
    public static string Render(HarrisMatrix matrix, string siteName)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var title = string.IsNullOrWhiteSpace(siteName) ? "Harris matrix" : $"Harris matrix: {siteName.Trim()}";
        var colours = PhasePalette.For(matrix);
        var dot = new StringBuilder(256 + matrix.Nodes.Count * 80 + matrix.Edges.Count * 24);

        dot.Append("digraph ").Append(Quote(title)).AppendLine(" {");
        dot.Append("  graph [rankdir=TB, newrank=true, labelloc=t, fontname=\"sans-serif\", label=").Append(Quote(title)).AppendLine("];");
        dot.Append("  node [shape=box, style=filled, fillcolor=").Append(Quote(PhasePalette.None))
            .AppendLine(", fontname=\"sans-serif\", fontsize=11];");
        dot.AppendLine("  edge [arrowhead=none];");
        dot.AppendLine();

        foreach (var node in matrix.Nodes)
        {
            dot.Append("  ").Append(Quote(node.Id)).Append(" [label=").Append(Quote(node.Label));
            if (node.Phase is not null)
            {
                dot.Append(", fillcolor=").Append(Quote(PhasePalette.Fill(colours, node)))
                    .Append(", tooltip=").Append(Quote($"{node.Label} ({node.Phase})"));
            }

            dot.AppendLine("];");
        }

        dot.AppendLine();
        foreach (var layer in matrix.Layers)
        {
            dot.Append("  { rank=same;");
            foreach (var node in layer)
                dot.Append(' ').Append(Quote(node.Id)).Append(';');
            dot.AppendLine(" }");
        }

        dot.AppendLine();
        foreach (var edge in matrix.Edges)
            dot.Append("  ").Append(Quote(edge.From)).Append(" -> ").Append(Quote(edge.To)).AppendLine(";");

        if (matrix.Phases.Count > 0)
        {
            // Legend node names must not collide with a context number.
            var prefix = "legend:";
            while (matrix.Nodes.Any(n => n.Id.StartsWith(prefix, StringComparison.Ordinal)))
                prefix = "_" + prefix;
            dot.AppendLine();
            dot.AppendLine("  subgraph cluster_legend {");
            dot.AppendLine("    label=\"Phases\";");
            dot.AppendLine("    style=dashed;");
            for (var i = 0; i < matrix.Phases.Count; i++)
            {
                dot.Append("    ").Append(Quote(prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .Append(" [label=").Append(Quote(matrix.Phases[i].Name))
                    .Append(", fillcolor=").Append(Quote(PhasePalette.Colour(i))).AppendLine("];");
            }

            dot.AppendLine("  }");
        }

        dot.AppendLine("}");
        return dot.ToString();
    }

    /// <summary>
    /// A DOT double-quoted string: backslashes and quotes escaped, line breaks as DOT's centred line
    /// break, other control characters dropped.
    /// </summary>
    internal static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                default:
                    if (!char.IsControl(c))
                        quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
