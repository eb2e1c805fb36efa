using PlanIngest.Worker.Catalog;
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
    int Documents,
    QueueStatus Queue)
{
    /// <summary>Reads the report; null when there is no catalog in <paramref name="data"/>.</summary>
    public static async Task<StatusReport?> ReadAsync(DataFolder data, int listed, CancellationToken cancellationToken)
    {
        using var catalog = SqliteCatalog.OpenForReading(data.CatalogPath);
        if (catalog is null)
        {
            return null;
        }

        var queue = await catalog.GetStatusAsync(listed, cancellationToken).ConfigureAwait(false);
        var documents = await catalog.CountAsync(cancellationToken).ConfigureAwait(false);
        var worker = new WorkerLock(data);
        var running = worker.IsWorkerRunning();
        var note = running ? worker.ReadNote() : null;
        var inbox = note?.Inbox is { Length: > 0 } path ? path : null;
        var root = Path.GetFullPath(data.Root);
        var (free, problem) = Storage(root);
        return new StatusReport(root, running, note?.Pid, note?.Paused, problem, free, inbox, inbox is null ? null : CountWaiting(inbox), documents, queue);
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
