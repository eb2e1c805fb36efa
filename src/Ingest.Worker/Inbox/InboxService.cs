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
    IOptions<WorkerOptions> options,
    ILogger<InboxService> log) : BackgroundService
{
    // Many notifications arrive for one copy; a short pause lets them gather into one pass.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Copies cut off by a crash: their originals are still in the inbox and are taken again from the start.
        var swept = archive.SweepIncoming();
        if (swept > 0)
        {
            log.LogInformation("{Count} unfinished cop(ies) from the last run discarded; their files are still in the inbox", swept);
        }

        using var watcher = StartWatcher();
        var rescan = options.Value.RescanInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await storage.WaitWhilePausedAsync(stoppingToken).ConfigureAwait(false);
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
