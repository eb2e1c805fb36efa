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
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        store.Store.Feed!.FollowAsync(options.Value.FollowInterval, Failed, stoppingToken);

    private void Failed(Exception e)
    {
        if (!storage.PauseIfIndexStorageError(e))
        {
            log.LogWarning("index not caught up with the catalog: {Error}", e.Message);
        }
    }
}
