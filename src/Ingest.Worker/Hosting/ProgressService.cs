using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// The periodic summary line (queue length, documents and pages per minute, ETA), written while
/// there is work or something happened since the last one, and the worker's state for
/// <c>status</c> (running, paused and why).
/// </summary>
public sealed class ProgressService(
    IJobQueue jobs,
    WorkerProgress progress,
    Inbox.InboxDirectory inbox,
    WorkerLock data,
    StorageGuard storage,
    IOptions<WorkerOptions> options,
    ILogger<ProgressService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Note(storage.PausedBecause);
        storage.Changed += Note;
        ProgressSnapshot? last = null;
        string? lastPause = null;
        using var timer = new PeriodicTimer(options.Value.SummaryInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var status = await jobs.GetStatusAsync(0, stoppingToken).ConfigureAwait(false);
                    var queued = status.Counts[JobState.Queued] + status.Counts[JobState.Reading] + status.Counts[JobState.Extracted];
                    var now = progress.Snapshot(queued);
                    if (queued > 0 || last is null || now.Documents != last.Documents || now.Failed != last.Failed || now.Taken != last.Taken)
                    {
                        log.LogInformation("{Summary}", Describe(now, status.Counts));
                    }

                    last = now;
                    var pause = storage.PausedBecause;
                    if (pause != lastPause)
                    {
                        Note(pause);
                        lastPause = pause;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The summary is only a report; a full disk or a busy catalog must not stop the worker.
                    storage.PauseIfStorageError(e);
                    log.LogDebug("summary skipped: {Error}", e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public static string Describe(ProgressSnapshot p, IReadOnlyDictionary<JobState, int> counts)
    {
        var eta = p.Queued == 0 ? "queue empty" : p.Eta is { } t ? $"ETA {(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : "ETA unknown";
        return $"summary: {p.Queued} in queue ({counts[JobState.Reading]} reading), {counts[JobState.Indexed]} indexed, {counts[JobState.Failed]} failed; " +
            $"{p.DocumentsPerMinute:0.#} documents/min, {p.PagesPerMinute:0.#} pages/min; {eta}";
    }

    private void Note(string? pausedBecause) => data.WriteNote(new WorkerNote(Environment.ProcessId, inbox.Path, pausedBecause, DateTimeOffset.UtcNow));
}
