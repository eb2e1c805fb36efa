using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// With a shared catalog, other workers commit documents too: this node's own index takes them in from
/// the catalog's change sequence every follow interval and commits them with the sequence reached, so
/// every node serves the same documents and a restarted node continues from its last commit.
/// </summary>
public sealed class IndexFollower(OpenedStore store, StorageGuard storage, IOptions<WorkerOptions> options, ILogger<IndexFollower> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feed = store.Store.Feed!;
        using var timer = new PeriodicTimer(options.Value.FollowInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    if (await feed.ApplyAsync(stoppingToken).ConfigureAwait(false) > 0)
                    {
                        await feed.CommitAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The catalog unreachable for a moment, the index folder full: the next tick tries again from the last applied change.
                    if (!storage.PauseIfStorageError(e))
                    {
                        log.LogWarning("index not caught up with the catalog: {Error}", e.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
