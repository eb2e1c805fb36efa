using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// Tells the catalog every heartbeat interval that this worker is alive and what it is doing (status
/// lists every worker sharing the catalog), and takes it off the list when it stops in good order. It
/// starts first and stops last, so the worker is listed for as long as it holds jobs.
/// </summary>
public sealed class HeartbeatService(
    IJobQueue jobs,
    WorkerActivity activity,
    OpenedStore store,
    StorageGuard storage,
    IOptions<WorkerOptions> options,
    ILogger<HeartbeatService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval);
        do
        {
            try
            {
                await jobs.BeatAsync(activity.Beat(store.Store.Index.Committed.Sequence, storage.PausedBecause), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A missed beat only makes status show this worker as late; its leases are renewed on their own.
                log.LogWarning("heartbeat not recorded: {Error}", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await jobs.SignOffAsync(activity.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("could not sign off from the catalog ({Error}); status will show this worker as silent", e.Message);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
