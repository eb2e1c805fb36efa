using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Inbox;

/// <summary>
/// Discovery: a <see cref="FileSystemWatcher"/> says when to look, and the folder is listed again
/// every rescan interval anyway, because change notifications get lost (a full inotify queue, a
/// network share). Each pass refuses what must not be read and takes what is complete.
/// </summary>
public sealed class InboxService(
    InboxDirectory inbox,
    InboxScanner scanner,
    InboxIntake intake,
    Archive.ContentArchive archive,
    StorageGuard storage,
    WorkerSignals signals,
    Catalog.Jobs.IJobQueue jobs,
    WorkerActivity activity,
    IOptions<WorkerOptions> options,
    ILogger<InboxService> log) : BackgroundService
{
    // Many notifications arrive for one copy; a short pause lets them gather into one pass.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = StartWatcher();
        var rescan = options.Value.RescanInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await storage.WaitWhilePausedAsync(stoppingToken).ConfigureAwait(false);
                if (!await HoldTurnAsync(stoppingToken).ConfigureAwait(false))
                {
                    // Another process sharing the catalog scans the inbox; this one only claims jobs, and asks again later.
                    await Task.Delay(rescan, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var pass = scanner.Scan();
                foreach (var refused in pass.Refused)
                {
                    await intake.RefuseAsync(refused, stoppingToken).ConfigureAwait(false);
                }

                if (pass.Ready.Count > 0)
                {
                    await intake.TakeAsync(pass.Ready, stoppingToken).ConfigureAwait(false);
                    signals.QueueChanged.Set();
                }

                var wait = pass.Ready.Count > 0 || pass.Refused.Count > 0 ? TimeSpan.Zero
                    : pass.NextDue is { } due && due < rescan ? due : rescan;
                await signals.InboxChanged.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
                await Task.Delay(Gather, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // One bad pass (the inbox unmounted for a moment, say) must not stop the worker.
                log.LogError("inbox {Inbox}: {Error}; looking again in {Seconds} s", inbox.Path, e.Message, rescan.TotalSeconds);
                await Task.Delay(rescan, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Exactly one process scans a shared inbox (with the embedded catalog, always this one). The turn is
    /// checked before every pass; on taking it, copies cut off by a crash are discarded — their originals
    /// are still in the inbox and are taken again from the start. A previous holder still copying when
    /// its turn passed loses its half-made copy and leaves the file in the inbox, so nothing is lost.
    /// </summary>
    private async Task<bool> HoldTurnAsync(CancellationToken stoppingToken)
    {
        var held = await jobs.HoldDiscoveryAsync(stoppingToken).ConfigureAwait(false);
        if (held && !activity.ScansInbox)
        {
            activity.ScansInbox = true;
            var swept = archive.SweepIncoming();
            if (swept > 0)
            {
                log.LogInformation("{Count} unfinished cop(ies) from the last run discarded; their files are still in the inbox", swept);
            }

            log.LogInformation("this worker now scans the inbox {Inbox}", inbox.Path);
        }
        else if (!held && activity.ScansInbox)
        {
            activity.ScansInbox = false;
            log.LogWarning("the inbox-scanning turn passed to another worker (this one lost its catalog session); this worker goes on claiming jobs");
        }

        return held;
    }

    private FileSystemWatcher? StartWatcher()
    {
        try
        {
            var watcher = new FileSystemWatcher(inbox.Path)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.Attributes,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Created += (_, _) => signals.InboxChanged.Set();
            watcher.Changed += (_, _) => signals.InboxChanged.Set();
            watcher.Renamed += (_, _) => signals.InboxChanged.Set();
            watcher.Deleted += (_, _) => signals.InboxChanged.Set();
            watcher.Error += (_, e) =>
            {
                log.LogWarning("inbox notifications lost ({Error}); the periodic rescan covers them", e.GetException().Message);
                signals.InboxChanged.Set();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // inotify limits reached, or a file system without notifications: the rescan alone still finds everything.
            log.LogWarning("inbox {Inbox}: no change notifications ({Error}); relying on the rescan every {Seconds} s", inbox.Path, e.Message, options.Value.RescanInterval.TotalSeconds);
            return null;
        }
    }
}
