using System.Threading.Channels;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalogue.Core.Media;

/// <summary>Asks for an image's derivatives to be made in the background.</summary>
public interface IDerivativeBacklog
{
    ValueTask EnqueueAsync(string sha256, CancellationToken cancellationToken = default);
}

/// <summary>A bounded channel of images waiting for derivatives; a full queue makes the caller wait, never drops work.</summary>
public sealed class DerivativeBacklog(IOptions<MediaOptions> options) : IDerivativeBacklog
{
    private readonly Channel<string> _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
    });

    public ChannelReader<string> Reader => _channel.Reader;

    public ValueTask EnqueueAsync(string sha256, CancellationToken cancellationToken = default) => _channel.Writer.WriteAsync(sha256, cancellationToken);
}

/// <summary>The cap on concurrent encodes, shared by the derivative workers, on-demand derivatives and IIIF renders.</summary>
public sealed class EncodeGate(IOptions<MediaOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentEncodes));

    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public Task RunAsync(Action work, CancellationToken cancellationToken) => RunAsync(() =>
    {
        work();
        return true;
    }, cancellationToken);

    public void Dispose() => _slots.Dispose();
}

/// <summary>
/// Makes one image's derivatives (all sizes, WebP and JPEG) in a scope of its own, then, for a large image, its zoom
/// copy: the derivatives first, so that the pages show the image as soon as they can.
/// </summary>
public sealed class DerivativeMaker(CatalogueDbContext db, MediaStore store, IImageProcessor processor, EncodeGate gate, ILogger<DerivativeMaker> logger)
{
    /// <summary>
    /// Makes the derivatives unless they are already current, and the zoom copy of a large image unless it is there
    /// (or <paramref name="withZoomCopy"/> is false); false when the image is unknown or its derivatives cannot be made.
    /// A zoom copy that cannot be made is logged, not a failure: tiles are then rendered from the original.
    /// </summary>
    public async Task<bool> MakeAsync(string sha256, bool force = false, bool withZoomCopy = true, CancellationToken cancellationToken = default)
    {
        if (!MediaStore.IsSha256(sha256))
            return false;
        var image = await db.MediaImages.AsNoTracking().Where(i => i.Sha256 == sha256)
            .Select(i => new { i.Format, i.Width, i.Height }).SingleOrDefaultAsync(cancellationToken);
        if (image is null)
            return false;
        var zoomCopy = withZoomCopy && DerivativeSpec.NeedsZoomCopy(image.Width, image.Height);
        if (!force && store.HasDerivatives(sha256) && (!zoomCopy || store.HasZoomCopy(sha256)))
            return true;
        var original = store.OriginalPath(sha256, image.Format);
        if (!File.Exists(original))
        {
            store.MarkDerivativesFailed(sha256, "The original file is missing from the media store.");
            return false;
        }

        try
        {
            await gate.RunAsync(() =>
            {
                // Checked again inside the gate: another worker may have made them while this one waited.
                if (force || !store.HasDerivatives(sha256))
                    store.PublishDerivatives(sha256, directory => processor.MakeDerivatives(original, directory, DerivativeSpec.LongEdges));
            }, cancellationToken);
        }
        catch (ImageProcessingException e)
        {
            logger.LogWarning(e, "Derivatives of image {Sha256} could not be made", sha256);
            store.MarkDerivativesFailed(sha256, e.Message);
            return false;
        }

        if (zoomCopy)
            await MakeZoomCopyAsync(sha256, original, force, cancellationToken);
        return true;
    }

    private async Task MakeZoomCopyAsync(string sha256, string original, bool force, CancellationToken cancellationToken)
    {
        try
        {
            await gate.RunAsync(() =>
            {
                if (force || !store.HasZoomCopy(sha256))
                    store.PublishZoomCopy(sha256, path => processor.MakeZoomCopy(original, path));
            }, cancellationToken);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException)
        {
            logger.LogWarning(e, "The zoom copy of image {Sha256} could not be made; its tiles are rendered from the original", sha256);
        }
    }
}

/// <summary>
/// Drains the derivative queue with as many loops as encodes may run at once, each job in a new DI scope.
/// On start it queues every image whose derivatives are missing or of an older version.
/// </summary>
public sealed class DerivativeWorker(DerivativeBacklog queue, IServiceScopeFactory scopes, IOptions<MediaOptions> options, ILogger<DerivativeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrentEncodes)).Select(_ => DrainAsync(stoppingToken)).ToList();
        await QueueStaleAsync(stoppingToken);
        await Task.WhenAll(loops);
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var sha256 in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DerivativeMaker>().MakeAsync(sha256, cancellationToken: stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Making derivatives of image {Sha256} failed", sha256);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task QueueStaleAsync(CancellationToken stoppingToken)
    {
        // The database may still be migrating when the host starts: wait for it rather than fail.
        for (var attempt = 0; attempt < 120 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var stale = await scope.ServiceProvider.GetRequiredService<MediaQueries>().WithoutCurrentDerivativesAsync(cancellationToken: stoppingToken);
                foreach (var sha256 in stale)
                    await queue.EnqueueAsync(sha256, stoppingToken);
                if (stale.Count > 0)
                    logger.LogInformation("Queued {Count} images whose derivatives were missing or outdated", stale.Count);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
            }
        }
    }
}
