using System.Globalization;
using Catalogue.Core.Common;
using Catalogue.Core.Media;
using Catalogue.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Catalogue.Web.Api;

/// <summary>
/// IIIF Image API 3.0 (level 1: regions, sizes, rotation 0, default quality, jpg and webp) and Presentation API 3.0
/// manifests, rendered by libvips. Staff see every image; the public only images of published artifacts, and an
/// image they may not see is "not found". Invalid parameters are a 400 problem, never a server error.
/// </summary>
public static class IiifApi
{
    private const string ImageContext = "http://iiif.io/api/image/3/context.json";
    private const string PresentationContext = "http://iiif.io/api/presentation/3/context.json";
    private const int TileSize = 512;
    private static readonly string[] ExtraFormats = ["webp"];
    private static readonly string[] PreferredFormats = ["webp", "jpg"];

    public static IEndpointRouteBuilder MapIiifApi(this IEndpointRouteBuilder app)
    {
        var iiif = app.MapGroup("/iiif").AllowAnonymous();
        iiif.MapGet("/3/{imageId}/info.json", InfoAsync).WithName("IiifImageInfo");
        iiif.MapGet("/3/{imageId}/{region}/{size}/{rotation}/{qualityAndFormat}", ImageAsync).WithName("IiifImage");
        iiif.MapGet("/manifests/{accessionNumber}", ManifestAsync).WithName("IiifManifest");
        return app;
    }

    private static async Task<IResult> InfoAsync(HttpContext http, MediaQueries queries, IOptions<MediaOptions> options, string imageId, CancellationToken cancellationToken)
    {
        var (image, isPublic) = await VisibleAsync(http, queries, imageId, cancellationToken);
        if (image is null)
            return NotFound(imageId);
        var id = $"{BaseUrl(http)}/iiif/3/{image.Sha256}";
        var sizes = DerivativeSpec.LongEdges.Order().Select(edge => Fit(image.Width, image.Height, edge)).Where(s => s.W < image.Width || s.H < image.Height)
            .Select(s => new { width = s.W, height = s.H }).ToList();
        var scaleFactors = new List<int> { 1 };
        while (Math.Max(image.Width, image.Height) / scaleFactors[^1] > TileSize)
            scaleFactors.Add(scaleFactors[^1] * 2);
        SetCaching(http, isPublic, image.Sha256 + "-info");
        return Results.Json(new Dictionary<string, object>
        {
            ["@context"] = ImageContext,
            ["id"] = id,
            ["type"] = "ImageService3",
            ["protocol"] = "http://iiif.io/api/image",
            ["profile"] = "level1",
            ["width"] = image.Width,
            ["height"] = image.Height,
            ["maxArea"] = options.Value.MaxRenderArea,
            ["sizes"] = sizes,
            ["tiles"] = new[] { new { width = TileSize, scaleFactors } },
            ["extraFormats"] = ExtraFormats,
            ["preferredFormats"] = PreferredFormats,
        }, contentType: $"application/ld+json;profile=\"{ImageContext}\"");
    }

    private static async Task<IResult> ImageAsync(
        HttpContext http, MediaQueries queries, MediaStore store, EncodeGate gate, IImageProcessor processor, IServiceProvider services, IOptions<MediaOptions> options,
        ILoggerFactory loggers, string imageId, string region, string size, string rotation, string qualityAndFormat, CancellationToken cancellationToken)
    {
        var (image, isPublic) = await VisibleAsync(http, queries, imageId, cancellationToken);
        if (image is null)
            return NotFound(imageId);
        if (!IiifImageRequest.TryParse(region, size, rotation, qualityAndFormat, image.Width, image.Height, options.Value.MaxRenderArea, out var request, out var error))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid IIIF image request", detail: error);

        var contentType = request!.Format == RenderFormat.WebP ? "image/webp" : "image/jpeg";
        var etag = $"{image.Sha256[..16]}-{request.CacheKey}";
        SetCaching(http, isPublic, etag);
        if (http.Request.Headers.IfNoneMatch.ToString().Contains(etag, StringComparison.Ordinal))
            return Results.StatusCode(StatusCodes.Status304NotModified);

        // A whole image at one of the derivative sizes comes from the derivatives, made on demand if missing.
        var extension = request.Format == RenderFormat.WebP ? "webp" : "jpg";
        var derivative = request.IsFullImage(image.Width, image.Height)
            ? DerivativeSpec.LongEdges.FirstOrDefault(edge => Fit(image.Width, image.Height, edge) is var fit && Math.Abs(fit.W - request.Width) <= 1 && Math.Abs(fit.H - request.Height) <= 1)
            : 0;
        if (derivative > 0)
        {
            if (!store.HasDerivatives(image.Sha256))
                await services.GetRequiredService<DerivativeMaker>().MakeAsync(image.Sha256, withZoomCopy: false, cancellationToken: cancellationToken);
            var path = store.DerivativePath(image.Sha256, derivative, extension);
            if (File.Exists(path))
                return Results.File(path, contentType);
        }

        var cached = Path.Combine(store.RenderCacheDirectory(image.Sha256), request.CacheKey);
        if (File.Exists(cached))
            return Results.File(cached, contentType);
        // A large image's tiles come from its zoom copy (a tiled pyramid) once the background has made it.
        var zoomCopy = store.ZoomCopyPath(image.Sha256);
        var original = store.OriginalPath(image.Sha256, image.Format);
        if (!File.Exists(zoomCopy) && !File.Exists(original))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Image file missing", detail: "The original of this image is missing from the media store.");
        try
        {
            var bytes = await gate.RunAsync(() => RenderFromZoomCopy(processor, zoomCopy, request) ?? processor.Render(original, request.Region, request.Width, request.Height, request.Format), cancellationToken);
            WriteCache(cached, bytes);
            return Results.Bytes(bytes, contentType);
        }
        catch (ImageProcessingException e)
        {
            // libvips' words name the file on disk: they go to the log, never to the caller.
            loggers.CreateLogger(typeof(IiifApi).FullName!).LogError("Rendering {Request} of image {Sha256} failed: {Error}", request.CacheKey, image.Sha256, e.Message);
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The image could not be rendered",
                detail: "The image file could not be read; the server log says why.");
        }
    }

    /// <summary>
    /// The rendering from the zoom copy, or null when there is none (or it went as it was read: derivatives being
    /// remade replace their folder), so that the original is rendered instead.
    /// </summary>
    private static byte[]? RenderFromZoomCopy(IImageProcessor processor, string zoomCopy, IiifImageRequest request)
    {
        if (!File.Exists(zoomCopy))
            return null;
        try
        {
            return processor.RenderFromZoomCopy(zoomCopy, request.Region, request.Width, request.Height, request.Format);
        }
        catch (ImageProcessingException) when (!File.Exists(zoomCopy))
        {
            return null;
        }
    }

    private static async Task<IResult> ManifestAsync(HttpContext http, MediaQueries queries, string accessionNumber, CancellationToken cancellationToken)
    {
        var staff = http.User.IsStaff();
        var artifact = await queries.ForManifestAsync(accessionNumber, publishedOnly: !staff, cancellationToken);
        if (artifact is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Artifact not found",
                detail: $"No artifact with the accession number '{accessionNumber}' is visible to you.");
        }

        var root = BaseUrl(http);
        var manifestId = $"{root}/iiif/manifests/{Uri.EscapeDataString(artifact.AccessionNumber)}";
        var canvases = artifact.Images.Select((image, index) =>
        {
            var canvasId = $"{manifestId}/canvas/{index + 1}";
            var service = $"{root}/iiif/3/{image.Sha256}";
            var preview = Fit(image.Width, image.Height, 800);
            return new Dictionary<string, object>
            {
                ["id"] = canvasId,
                ["type"] = "Canvas",
                ["label"] = Label(image.FileName),
                ["width"] = image.Width,
                ["height"] = image.Height,
                ["thumbnail"] = new[] { new { id = $"{service}/full/!200,200/0/default.jpg", type = "Image", format = "image/jpeg" } },
                ["items"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["id"] = $"{canvasId}/page",
                        ["type"] = "AnnotationPage",
                        ["items"] = new[]
                        {
                            new Dictionary<string, object>
                            {
                                ["id"] = $"{canvasId}/page/image",
                                ["type"] = "Annotation",
                                ["motivation"] = "painting",
                                ["target"] = canvasId,
                                ["body"] = new Dictionary<string, object>
                                {
                                    ["id"] = $"{service}/full/!{preview.W.ToString(CultureInfo.InvariantCulture)},{preview.H.ToString(CultureInfo.InvariantCulture)}/0/default.jpg",
                                    ["type"] = "Image",
                                    ["format"] = "image/jpeg",
                                    ["width"] = preview.W,
                                    ["height"] = preview.H,
                                    ["service"] = new[] { new { id = service, type = "ImageService3", profile = "level1" } },
                                },
                            },
                        },
                    },
                },
            };
        }).ToList();

        var manifest = new Dictionary<string, object>
        {
            ["@context"] = PresentationContext,
            ["id"] = manifestId,
            ["type"] = "Manifest",
            ["label"] = Labels(artifact.Title),
            ["summary"] = Label(artifact.AccessionNumber),
            ["items"] = canvases,
        };
        if (artifact.Rights is { } rights)
            manifest["requiredStatement"] = new { label = Label("Rights"), value = Label(rights) };
        if (canvases.Count > 0)
            manifest["thumbnail"] = ((IEnumerable<object>)canvases[0]["thumbnail"]).ToArray();
        http.Response.Headers.CacheControl = staff ? "private, no-cache" : "public, max-age=300";
        if (!staff)
            http.Response.Headers.AccessControlAllowOrigin = "*";
        return Results.Json(manifest, contentType: $"application/ld+json;profile=\"{PresentationContext}\"");
    }

    /// <summary>The image, if the caller may see it, and whether the public may (which decides how it may be cached).</summary>
    private static async Task<(MediaImage? Image, bool IsPublic)> VisibleAsync(HttpContext http, MediaQueries queries, string imageId, CancellationToken cancellationToken)
    {
        var id = imageId.ToLowerInvariant();
        if (!MediaStore.IsSha256(id))
            return (null, false);
        var publicImage = await queries.VisibleImageAsync(id, staff: false, cancellationToken);
        if (publicImage is not null)
            return (publicImage, true);
        return http.User.IsStaff() ? (await queries.VisibleImageAsync(id, staff: true, cancellationToken), false) : (null, false);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string imageId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Image not found",
            detail: $"No image '{(imageId.Length > 80 ? imageId[..80] : imageId)}' is visible to you.");

    private static void SetCaching(HttpContext http, bool isPublic, string etag)
    {
        var headers = http.Response.Headers;
        // Originals never change under their hash, but who may see them can: a shared cache keeps the public copy five
        // minutes (then asks again with the ETag), so an object withdrawn from publication stops being served soon after.
        headers.CacheControl = isPublic ? "public, max-age=300" : "private, max-age=3600";
        headers.ETag = new EntityTagHeaderValue($"\"{etag}\"").ToString();
        if (isPublic)
            headers.AccessControlAllowOrigin = "*";
    }

    private static void WriteCache(string path, byte[] bytes)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException)
        {
            // The cache is an optimisation: a failed write only means rendering again next time.
        }
    }

    /// <summary>The size an image takes when its long edge is <paramref name="edge"/> (never enlarged).</summary>
    internal static (int W, int H) Fit(int width, int height, int edge)
    {
        var scale = Math.Min(1.0, Math.Min(edge / (double)width, edge / (double)height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static Dictionary<string, string[]> Label(string text) => new() { ["none"] = [PlainText(text)] };

    /// <summary>
    /// Text as IIIF clients will read it: a value starting with '&lt;' is taken for HTML by the Presentation API, so
    /// such text (a title or a rights statement typed that way) is sent as HTML that shows it, tags and all, as written.
    /// </summary>
    internal static string PlainText(string text) =>
        text.TrimStart().StartsWith('<') ? $"<span>{System.Net.WebUtility.HtmlEncode(text)}</span>" : text;

    private static Dictionary<string, string[]> Labels(LocalizedText text)
    {
        var labels = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(text.Vi))
            labels["vi"] = [PlainText(text.Vi)];
        if (!string.IsNullOrWhiteSpace(text.Fr))
            labels["fr"] = [PlainText(text.Fr)];
        if (!string.IsNullOrWhiteSpace(text.En))
            labels["en"] = [PlainText(text.En)];
        return labels;
    }
}
