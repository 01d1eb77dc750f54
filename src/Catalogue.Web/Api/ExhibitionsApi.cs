using Catalogue.Core.Common;
using Catalogue.Core.Exhibitions;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalogue.Web.Api;

/// <summary>
/// <c>/api/exhibitions</c>: anonymous callers see public exhibitions and their published objects;
/// staff see every exhibition. Never a storage location or a loan value.
/// </summary>
public static class ExhibitionsApi
{
    public static IEndpointRouteBuilder MapExhibitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exhibitions").AllowAnonymous();
        api.MapGet("/", ListAsync);
        api.MapGet("/{code}", GetAsync);
        return app;
    }

    private static async Task<Ok<ListResponse<ExhibitionDto>>> ListAsync(HttpContext http, ExhibitionQueries queries, CancellationToken cancellationToken)
    {
        var list = await queries.ListAsync(publicOnly: !http.User.IsStaff(), cancellationToken);
        var items = list.Select(e => new ExhibitionDto(e.Code, e.Title, e.IsPublic, e.Opens, e.Closes, e.Venues, e.Objects)).ToList();
        return TypedResults.Ok(new ListResponse<ExhibitionDto>(items.Count, 1, items.Count, items));
    }

    private static async Task<Results<Ok<ExhibitionDetailsDto>, ProblemHttpResult>> GetAsync(
        HttpContext http, ExhibitionQueries queries, string code, CancellationToken cancellationToken)
    {
        var view = await queries.DetailsAsync(code, publicOnly: !http.User.IsStaff(), cancellationToken);
        if (view is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Exhibition not found",
                detail: $"No exhibition with the code '{code}' is visible to you.");
        }

        var e = view.Exhibition;
        return TypedResults.Ok(new ExhibitionDetailsDto(
            e.Code, e.Title, e.Description.IsEmpty ? null : e.Description, e.IsPublic,
            e.Venues.Select(v => new VenueDto(v.Institution, v.City, v.Country, v.OpensOn, v.ClosesOn)).ToList(),
            view.Objects.Select(o => new ExhibitedObjectDto(o.AccessionNumber, o.Title, o.Label.IsEmpty ? null : o.Label, o.Order)).ToList()));
    }
}

public sealed record ExhibitionDto(string Code, LocalizedText Title, bool IsPublic, DateOnly? Opens, DateOnly? Closes, string Venues, int Objects);

public sealed record VenueDto(string Institution, string City, string? Country, DateOnly OpensOn, DateOnly ClosesOn);

public sealed record ExhibitedObjectDto(string AccessionNumber, LocalizedText Title, LocalizedText? Label, int Order);

public sealed record ExhibitionDetailsDto(string Code, LocalizedText Title, LocalizedText? Description, bool IsPublic, IReadOnlyList<VenueDto> Venues, IReadOnlyList<ExhibitedObjectDto> Objects);
