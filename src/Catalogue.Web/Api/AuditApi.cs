using Catalogue.Core.Audit;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalogue.Web.Api;

/// <summary>
/// <c>GET /api/audit/verify[?head=sequence:hash]</c>: walks the audit chain (read-only; nothing in the API edits or
/// deletes an entry) and gives its head; with a head kept from an earlier walk, the chain must still hold it.
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/verify", VerifyAsync).RequireAuthorization(Policies.Staff);
        return app;
    }

    private static async Task<Results<Ok<AuditVerificationDto>, ValidationProblem>> VerifyAsync(
        AuditChain chain, string? head, CancellationToken cancellationToken)
    {
        AuditHead? recorded = null;
        if (head is not null && (recorded = AuditHead.Parse(head, out var error)) is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["head"] = [error!] });

        var result = await chain.VerifyAsync(recorded, cancellationToken: cancellationToken);
        return TypedResults.Ok(new AuditVerificationDto(result.Intact, result.Entries, result.FirstBrokenEntry, result.Reason, result.Head?.ToString()));
    }
}

public sealed record AuditVerificationDto(bool Intact, long Entries, long? FirstBrokenEntry, string? Reason, string? Head);
