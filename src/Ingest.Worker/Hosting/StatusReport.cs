using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Inbox.Native;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// What <c>planingest status</c> (and later the web page's <c>/api/status</c>) shows: whether a worker
/// runs on the data folder, whether it is paused and why, the data folder's health seen now, the
/// counts per job state, the queue and the recent failures with their reasons.
/// </summary>
public sealed record StatusReport(
    string Data,
    bool WorkerRunning,
    int? WorkerPid,
    string? PausedBecause,
    string? StorageProblem,
    long? FreeBytes,
    string? Inbox,
    int? InboxWaiting,
    QueueStatus Queue)
{
    /// <summary>Reads the report; null when there is no catalog in <paramref name="data"/>.</summary>
    public static async Task<StatusReport?> ReadAsync(DataFolder data, int listed, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (SqliteJobQueue.OpenForReading(data.Catalog, clock) is not { } jobs)
        {
            return null;
        }

        var queue = await jobs.GetStatusAsync(listed, cancellationToken).ConfigureAwait(false);
        var running = data.IsWorkerRunning();
        var note = running ? data.ReadNote() : null;
        var inbox = note?.Inbox is { Length: > 0 } path ? path : null;
        var (free, problem) = Storage(data.Root);
        return new StatusReport(data.Root, running, note?.Pid, note?.Paused, problem, free, inbox, inbox is null ? null : CountWaiting(inbox), queue);
    }

    private static (long? Free, string? Problem) Storage(string root)
    {
        try
        {
            var (available, readOnly) = Posix.SpaceOf(root);
            return (available, readOnly ? "read-only file system" : available == 0 ? "no space left" : null);
        }
        catch (IOException e)
        {
            return (null, e.Message);
        }
    }

    // Files still waiting in the inbox (not yet taken): regular, visible entries.
    private static int? CountWaiting(string inbox)
    {
        try
        {
            return new DirectoryInfo(inbox).EnumerateFiles().Count(f => !f.Name.StartsWith('.') && f.LinkTarget is null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
