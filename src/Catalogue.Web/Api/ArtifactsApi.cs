using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalogue.Web.Api;

/// <summary>
/// <c>/api/artifacts</c>: anonymous callers see published records only; staff (cookie or Bearer token)
/// see every record their role may see.
/// </summary>
public static class ArtifactsApi
{
    public static IEndpointRouteBuilder MapArtifactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AllowAnonymous().AddEndpointFilter<RejectFailedTokenFilter>();
        api.MapGet("/artifacts", ListAsync).WithName("ListArtifacts");
        api.MapGet("/artifacts/{accessionNumber}", GetAsync).WithName("GetArtifact");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<ArtifactSummaryDto>>, ValidationProblem>> ListAsync(
        HttpContext http, ArtifactQueries queries, int? page, int? pageSize, string? status, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
            errors["page"] = ["page must be 1 or more."];
        if (pageSize is < 1 or > PagedList<ArtifactSummary>.MaxPageSize)
            errors["pageSize"] = [$"pageSize must be between 1 and {PagedList<ArtifactSummary>.MaxPageSize}."];
        PublicationStatus? statusFilter = null;
        if (status is not null)
        {
            if (Enum.TryParse<PublicationStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                statusFilter = parsed;
            else
                errors["status"] = ["status must be draft, internal or published."];
        }

        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var staff = http.User.IsStaff();
        var list = await queries.ListAsync(new ArtifactListQuery
        {
            Page = page ?? 1,
            PageSize = pageSize ?? 25,
            PublishedOnly = !staff,
            Status = statusFilter,
        }, cancellationToken);
        if (!staff && statusFilter is not null and not PublicationStatus.Published)
            list = list with { Total = 0, Items = [] };
        return TypedResults.Ok(new ListResponse<ArtifactSummaryDto>(list.Total, list.Page, list.PageSize, list.Items.Select(ArtifactSummaryDto.From).ToList()));
    }

    private static async Task<Results<Ok<ArtifactDto>, ProblemHttpResult>> GetAsync(
        HttpContext http, ArtifactQueries queries, LocationQueries locations, string accessionNumber, CancellationToken cancellationToken)
    {
        var staff = http.User.IsStaff();
        var view = await queries.GetAsync(accessionNumber, publishedOnly: !staff, cancellationToken);
        if (view is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Artifact not found",
                detail: $"No artifact with the accession number '{accessionNumber}' is visible to you.");
        }

        if (!staff)
            return TypedResults.Ok(ArtifactDto.From(view) with { Provenance = null });
        var placement = await locations.PlacementOfAsync(view.AccessionNumber, cancellationToken);
        return TypedResults.Ok(ArtifactDto.From(view) with { CurrentLocation = CurrentLocationDto.From(placement), AccessionDate = view.AccessionDate });
    }

    /// <summary>A Bearer token that is present but not valid is refused, rather than silently treated as anonymous.</summary>
    internal sealed class RejectFailedTokenFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && http.User.Identity?.IsAuthenticated != true)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"catalogue\", error=\"invalid_token\"";
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid API token",
                    detail: "The API token is unknown, revoked, or belongs to a locked account. Create a new one on your API tokens page.");
            }

            return await next(context);
        }
    }
}

/// <summary>Where an object is now (staff only): a storage location, or the loan it is away on.</summary>
public sealed record CurrentLocationDto(string? Code, string Path, string? Loan, DateTime Since)
{
    public static CurrentLocationDto? From(Placement? placement) =>
        placement is null ? null : new(placement.LocationCode, placement.Where, placement.LoanReference, placement.Since);
}

public sealed record ListResponse<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

public sealed record TermDto(string Code, LocalizedText Label, string? AatId)
{
    public static TermDto? From(Catalogue.Core.Vocabularies.TermRef? term) => term is null ? null : new(term.Code, term.Label, term.AatId);
}

public sealed record ArtifactSummaryDto(string AccessionNumber, LocalizedText Title, TermDto? ObjectType, TermDto? Period, string? Dating, PublicationStatus Status, DateTime UpdatedAt)
{
    public static ArtifactSummaryDto From(ArtifactSummary a) =>
        new(a.AccessionNumber, a.Title, TermDto.From(a.ObjectType), TermDto.From(a.Period), a.DatingText.Length == 0 ? null : a.DatingText, a.Status, a.UpdatedAt);
}

public sealed record InscriptionDto(string? Text, LocalizedText Translation);

public sealed record DatingDto(TermDto? Period, int? EarliestYear, int? LatestYear, string? Text);

public sealed record ArtifactDto(
    string AccessionNumber,
    TermDto? ObjectType,
    IReadOnlyList<TermDto> Materials,
    IReadOnlyList<TermDto> Techniques,
    LocalizedText Title,
    LocalizedText Description,
    InscriptionDto? Inscription,
    Dimensions? Dimensions,
    Weight? Weight,
    DatingDto Dating,
    string? Provenance,
    string? CreditLine,
    string? Rights,
    PublicationStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>Staff only; never sent to anonymous callers.</summary>
    public CurrentLocationDto? CurrentLocation { get; init; }

    /// <summary>Staff only, like the current location.</summary>
    public DateOnly? AccessionDate { get; init; }

    public static ArtifactDto From(ArtifactView a) => new(
        a.AccessionNumber,
        TermDto.From(a.ObjectType),
        a.Materials.Select(t => TermDto.From(t)!).ToList(),
        a.Techniques.Select(t => TermDto.From(t)!).ToList(),
        a.Title,
        a.Description,
        a.InscriptionText is null && a.InscriptionTranslation.IsEmpty ? null : new InscriptionDto(a.InscriptionText, a.InscriptionTranslation),
        a.Dimensions.HasAny ? a.Dimensions : null,
        a.Weight.Value is null ? null : a.Weight,
        new DatingDto(TermDto.From(a.Period), a.Dating.EarliestYear, a.Dating.LatestYear, a.Dating.Text),
        a.Provenance,
        a.CreditLine,
        a.Rights,
        a.Status,
        a.CreatedAt,
        a.UpdatedAt);
}
