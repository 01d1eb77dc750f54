using System.Globalization;

namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>Fill colours for phases, shared by the SVG and DOT drawings so both show a phase alike.</summary>
internal static class PhasePalette
{
    /// <summary>The fill of a node without a phase.</summary>
    public const string None = "#ffffff";

    // Light enough for black text, distinct enough side by side (from ColorBrewer's Set3 and Pastel1).
    private static readonly string[] Colours =
    [
        "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
        "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
    ];

    /// <summary>The colour of each phase of the matrix, by name.</summary>
    public static Dictionary<string, string> For(HarrisMatrix matrix)
    {
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < matrix.Phases.Count; i++)
            colours[matrix.Phases[i].Name] = Colour(i);
        return colours;
    }

    public static string Fill(Dictionary<string, string> colours, HarrisMatrixNode node) =>
        node.Phase is not null && colours.TryGetValue(node.Phase, out var colour) ? colour : None;

    /// <summary>The i-th colour: the fixed palette first, then pale hues spaced by the golden angle.</summary>
    public static string Colour(int index)
    {
        if (index < Colours.Length)
            return Colours[index];
        var hue = (index - Colours.Length) * 137.508 % 360;
        var (r, g, b) = FromHsl(hue, 0.55, 0.8);
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }

    private static (int R, int G, int B) FromHsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var x = chroma * (1 - Math.Abs(hue / 60 % 2 - 1));
        var m = lightness - chroma / 2;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        return ((int)Math.Round((r + m) * 255), (int)Math.Round((g + m) * 255), (int)Math.Round((b + m) * 255));
    }
}
