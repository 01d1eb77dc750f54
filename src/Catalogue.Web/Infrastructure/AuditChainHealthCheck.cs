using Catalogue.Core.Audit;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalogue.Web.Infrastructure;

/// <summary>Reports a broken audit chain; the walk is cached for a minute so frequent probes stay cheap.</summary>
public sealed class AuditChainHealthCheck(AuditChain chain, IMemoryCache cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await cache.GetOrCreateAsync("health:audit-chain", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return chain.VerifyAsync(cancellationToken: cancellationToken);
        });
        return result!.Intact
            ? HealthCheckResult.Healthy($"{result.Entries} audit entries intact.")
            : HealthCheckResult.Unhealthy($"The audit chain is broken at entry {result.FirstBrokenEntry}: {result.Reason}");
    }
}
