using Catalogue.Core.Audit;
using Catalogue.Web.Infrastructure;

namespace Catalogue.Web.Api;

/// <summary><c>GET /api/audit/verify</c>: walks the audit chain (read-only; nothing in the API edits or deletes an entry).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/verify", async (AuditChain chain, CancellationToken cancellationToken) =>
            {
                var result = await chain.VerifyAsync(cancellationToken: cancellationToken);
                return TypedResults.Ok(new AuditVerificationDto(result.Intact, result.Entries, result.FirstBrokenEntry, result.Reason));
            })
            .RequireAuthorization(Policies.Staff);
        return app;
    }
}

public sealed record AuditVerificationDto(bool Intact, long Entries, long? FirstBrokenEntry, string? Reason);
