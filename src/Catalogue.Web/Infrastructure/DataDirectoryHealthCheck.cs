using Catalogue.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Catalogue.Web.Infrastructure;

/// <summary>The data directory exists and is writable (the database, index and media store live there).</summary>
public sealed class DataDirectoryHealthCheck(IOptions<CatalogueOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var directory = options.Value.DataDirectory;
        if (!Directory.Exists(directory))
            return HealthCheckResult.Unhealthy("The data directory does not exist.");
        var probe = Path.Combine(directory, $".health-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (IOException)
        {
            return HealthCheckResult.Unhealthy("The data directory is not writable.");
        }
        catch (UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The data directory is not writable.");
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
