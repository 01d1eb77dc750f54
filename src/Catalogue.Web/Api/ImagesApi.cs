using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;

namespace Catalogue.Web.Api;

/// <summary><c>/api/images/{imageId}</c>: an image's record and whether its derivatives are ready (the artifact page polls it).</summary>
public static class ImagesApi
{
    public static IEndpointRouteBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/images/{imageId}", GetAsync).AllowAnonymous().WithName("GetImage");
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, MediaQueries queries, string imageId, CancellationToken cancellationToken)
    {
        var id = imageId.ToLowerInvariant();
        var image = await queries.VisibleImageAsync(id, http.User.IsStaff(), cancellationToken);
        if (image is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Image not found",
                detail: "No image with that identifier is visible to you.");
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new ImageDto(image.Sha256, queries.StateOf(image.Sha256), image.Width, image.Height, image.OriginalFileName, image.Format,
            image.TakenAt, image.Camera, image.Photographer, image.Copyright, $"/iiif/3/{image.Sha256}/info.json"));
    }
}

public sealed record ImageDto(
    string Id, DerivativeState State, int Width, int Height, string FileName, ImageFormat Format, DateTime? TakenAt, string? Camera,
    string? Photographer, string? Copyright, string Info);
