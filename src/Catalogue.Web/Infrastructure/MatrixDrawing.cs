using Catalogue.Core.Excavation.Stratigraphy;

namespace Catalogue.Web.Infrastructure;

/// <summary>The Harris matrix drawn for the pages and the API, each node linking to its context page.</summary>
public static class MatrixDrawing
{
    /// <summary>The drawing as a file (the download and the API): with its own hover style.</summary>
    public static string Svg(HarrisMatrix matrix, string siteCode, PathString pathBase) =>
        HarrisMatrixSvg.Render(matrix, key => $"{pathBase}/Excavation/Contexts/Details/{siteCode}/{key}");

    /// <summary>The drawing inside the matrix page, whose style sheet styles it.</summary>
    public static string SvgForPage(HarrisMatrix matrix, string siteCode, PathString pathBase) =>
        HarrisMatrixSvg.Render(matrix, key => $"{pathBase}/Excavation/Contexts/Details/{siteCode}/{key}", new HarrisMatrixSvgOptions { OwnStyle = false });

    public static string Dot(HarrisMatrix matrix, string siteName) => HarrisMatrixDot.Render(matrix, siteName);
}
