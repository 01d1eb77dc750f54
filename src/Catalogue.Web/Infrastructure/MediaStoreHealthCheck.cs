using Catalogue.Core.Media;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalogue.Web.Infrastructure;

/// <summary>The media store can take an upload (its incoming folder is writable) and libvips is loaded.</summary>
public sealed class MediaStoreHealthCheck(MediaStore store, IImageProcessor processor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        _ = processor; // resolving it loads libvips: a missing native library fails here, not on the first upload
        var incoming = Path.Combine(store.Root, "incoming");
        var probe = Path.Combine(incoming, $".health-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(incoming);
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The media store is not writable.");
        }
        finally
        {
            if (File.Exists(probe))
                File.Delete(probe);
        }
    }
}
