using Catalogue.Core.Excavation.Stratigraphy;

namespace Catalogue.Web.Infrastructure;

/// <summary>The Harris matrix drawn for the pages and the API, each node linking to its context page.</summary>
public static class MatrixDrawing
{
    public static string Svg(HarrisMatrix matrix, string siteCode) =>
        HarrisMatrixSvg.Render(matrix, key => $"/Excavation/Contexts/Details/{siteCode}/{key}");

    public static string Dot(HarrisMatrix matrix, string siteName) => HarrisMatrixDot.Render(matrix, siteName);
}
