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
    StorageGuard storage,
    IOptions<WorkerOptions> options,
    ILogger<ProgressService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecordStateAsync("running", storage.PausedBecause, stoppingToken).ConfigureAwait(false);
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
                        await RecordStateAsync("running", pause, stoppingToken).ConfigureAwait(false);
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

        try
        {
            await RecordStateAsync("stopped", null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.LogDebug("could not record the stop: {Error}", e.Message);
        }
    }

    public static string Describe(ProgressSnapshot p, IReadOnlyDictionary<JobState, int> counts)
    {
        var eta = p.Queued == 0 ? "queue empty" : p.Eta is { } t ? $"ETA {(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : "ETA unknown";
        return $"summary: {p.Queued} in queue ({counts[JobState.Reading]} reading), {counts[JobState.Indexed]} indexed, {counts[JobState.Failed]} failed; " +
            $"{p.DocumentsPerMinute:0.#} documents/min, {p.PagesPerMinute:0.#} pages/min; {eta}";
    }

    private async Task RecordStateAsync(string state, string? pausedBecause, CancellationToken cancellationToken)
    {
        try
        {
            await jobs.SetWorkerStateAsync("state", state, cancellationToken).ConfigureAwait(false);
            await jobs.SetWorkerStateAsync("inbox", inbox.Path, cancellationToken).ConfigureAwait(false);
            await jobs.SetWorkerStateAsync("paused", pausedBecause, cancellationToken).ConfigureAwait(false);
            await jobs.SetWorkerStateAsync("pid", state == "running" ? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && StorageGuard.StorageErrno(e) is not null)
        {
            // A full or read-only disk cannot take the note either; status checks the folder itself.
        }
    }
}
