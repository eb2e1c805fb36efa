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
    /// <summary>A worker whose last heartbeat is older than this is shown as gone (the default lease, after which its jobs are taken over anyway).</summary>
    public static readonly TimeSpan Silent = TimeSpan.FromMinutes(2);

    /// <summary>The shared catalog (null for the data folder's own) and the last sequence of its changes, which every node's index works towards.</summary>
    public string? SharedCatalog { get; init; }

    public long LastSequence { get; init; }

    /// <summary>When the report was read, on the catalog's clock as near as this machine's is to it.</summary>
    public DateTimeOffset ReadAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Reads the report; null when there is no catalog in <paramref name="data"/>.</summary>
    /// <exception cref="CatalogUnavailableException">The shared catalog cannot be reached.</exception>
    public static async Task<StatusReport?> ReadAsync(DataFolder data, int listed, CancellationToken cancellationToken)
    {
        if (data.SharedCatalog is not null)
        {
            return await ReadSharedAsync(data, listed, cancellationToken).ConfigureAwait(false);
        }

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

    // Many workers on many machines: who runs is what the workers' heartbeats say, not a lock file in one folder.
    private static async Task<StatusReport> ReadSharedAsync(DataFolder data, int listed, CancellationToken cancellationToken)
    {
        using var catalog = await Catalog.Postgres.PostgresCatalog.OpenAsync(data.SharedCatalog!, cancellationToken).ConfigureAwait(false);
        var queue = await catalog.GetStatusAsync(listed, cancellationToken).ConfigureAwait(false);
        var documents = await catalog.CountAsync(cancellationToken).ConfigureAwait(false);
        var last = await catalog.LastSequenceAsync(cancellationToken).ConfigureAwait(false);
        var now = catalog.Now;
        var live = queue.Workers.Where(w => now - w.LastHeartbeat < Silent).ToList();
        var root = Path.GetFullPath(data.Root);
        var (free, problem) = Directory.Exists(root) ? Storage(root) : (null, null);
        var paused = live.Select(w => w.Beat.Paused).FirstOrDefault(p => p is not null);
        return new StatusReport(root, live.Count > 0, null, paused, problem, free, null, null, documents, queue)
        {
            SharedCatalog = catalog.Description,
            LastSequence = last,
            ReadAt = now,
        };
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
