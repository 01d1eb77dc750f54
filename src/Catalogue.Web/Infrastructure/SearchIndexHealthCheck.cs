using Catalogue.Core.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalogue.Web.Infrastructure;

/// <summary>The search index opens and answers a search (while a rebuild runs, the previous index answers).</summary>
public sealed class SearchIndexHealthCheck(SearchIndex index, SearchIndexer indexer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var documents = index.DocumentCount;
            return Task.FromResult(HealthCheckResult.Healthy(indexer.Rebuilding ? $"Rebuilding; {documents} documents searchable meanwhile." : $"{documents} documents."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException or ObjectDisposedException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The search index cannot be opened.", e));
        }
    }
}
