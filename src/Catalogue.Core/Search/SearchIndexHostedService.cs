using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Catalogue.Core.Search;

/// <summary>
/// Keeps the index fresh while the app runs: on start rebuilds a missing or stale index (in the background; the app
/// serves meanwhile) and applies what a crash left in the outbox; then applies the outbox whenever a save commits
/// (and a few times a second regardless), so a change is searchable well within a second.
/// </summary>
public sealed class SearchIndexHostedService(SearchIndexer indexer, SearchIndexSignal signal, ILogger<SearchIndexHostedService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (await indexer.IsStaleAsync(stoppingToken))
                await indexer.RebuildAsync(null, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Rebuilding the search index failed; changes are still applied from the outbox");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await indexer.ApplyOutboxAsync(stoppingToken) == SearchIndexer.OutboxBatch)
                    continue;
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Applying search index changes failed; retrying");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
