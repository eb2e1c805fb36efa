using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PlanIngest.Worker.Inbox.Native;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// Watches the health of the data folder and of the index folder (which may sit on another disk). While
/// either is full or read-only the queue is paused — nothing is taken out of the inbox, and work that
/// failed for that reason goes back to the queue — and the reason, naming the folder, is what
/// <c>status</c> shows. It resumes by itself once a test write succeeds in both again.
/// </summary>
public sealed class StorageGuard(string dataRoot, string indexRoot, long minFreeBytes, ILogger<StorageGuard> log)
{
    private const int ENOSPC = 28;
    private const int EROFS = 30;
    private const int EDQUOT = 122;
    private const int SQLITE_READONLY = 8;
    private const int SQLITE_FULL = 13;
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private string? pausedBecause;
    private TaskCompletionSource resumed = NewSignal();

    /// <summary>Raised with the new reason when the queue pauses (or the reason changes), and with null when it resumes.</summary>
    public event Action<string?>? Changed;

    /// <summary>Why the queue is paused, or null while it runs.</summary>
    public string? PausedBecause
    {
        get
        {
            lock (gate)
            {
                return pausedBecause;
            }
        }
    }

    /// <summary>True (and the queue paused) when <paramref name="error"/> says the data folder is full or read-only.</summary>
    public bool PauseIfStorageError(Exception error) => PauseIfStorageError(error, $"data folder {dataRoot}");

    /// <summary>The same for an error met while committing the index, whose folder the reason then names.</summary>
    public bool PauseIfIndexStorageError(Exception error) => PauseIfStorageError(error, $"index folder {indexRoot}");

    private bool PauseIfStorageError(Exception error, string folder)
    {
        if (StorageErrno(error) is not { } errno)
        {
            return false;
        }

        Pause(errno == EROFS ? $"{folder} is read-only" : $"{folder} is full ({Describe(error)})");
        return true;
    }

    /// <summary>Checks there is room for <paramref name="bytes"/> more plus the reserve; pauses and returns false when not.</summary>
    public bool HasRoomFor(long bytes)
    {
        var (available, readOnly) = Posix.SpaceOf(dataRoot);
        if (readOnly)
        {
            Pause($"data folder {dataRoot} is on a read-only file system");
            return false;
        }

        if (available - bytes < minFreeBytes)
        {
            Pause($"data folder {dataRoot} has {available / (1024 * 1024)} MB free; {(bytes + minFreeBytes + (1024 * 1024) - 1) / (1024 * 1024)} MB needed (Worker:MinFreeMegabytes {minFreeBytes / (1024 * 1024)} plus the next file)");
            return false;
        }

        return true;
    }

    /// <summary>Returns at once while running; while paused, tries a test write every two seconds and returns once it succeeds.</summary>
    public async Task WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (gate)
            {
                if (pausedBecause is null)
                {
                    return;
                }

                signal = resumed.Task;
            }

            await Task.WhenAny(signal, Task.Delay(ProbeEvery, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            TryResume();
        }
    }

    /// <summary>A paused queue resumes when a file can be written and flushed again and the reserve is free.</summary>
    public void TryResume()
    {
        string? was;
        lock (gate)
        {
            was = pausedBecause;
        }

        if (was is null)
        {
            return;
        }

        try
        {
            var (available, readOnly) = Posix.SpaceOf(dataRoot);
            if (readOnly || available < minFreeBytes)
            {
                return;
            }

            ProbeWrite(dataRoot);
            if (Directory.Exists(indexRoot))
            {
                // A full index folder on a disk of its own would otherwise resume and pause again every probe.
                ProbeWrite(indexRoot);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        lock (gate)
        {
            pausedBecause = null;
            resumed.TrySetResult();
            resumed = NewSignal();
        }

        Changed?.Invoke(null);
        log.LogInformation("resumed: data folder {Data} and index folder {Index} are writable again", dataRoot, indexRoot);
    }

    /// <summary>Writes, flushes and deletes a small file: what a read-only mount, a full disk or missing permissions refuse.</summary>
    public static void ProbeWrite(string folder)
    {
        var probe = Path.Combine(folder, $".write-probe-{Environment.ProcessId}");
        using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write))
        {
            stream.Write(new byte[4096]);
            stream.Flush(flushToDisk: true);
        }

        File.Delete(probe);
    }

    public static string Describe(Exception e) => StorageErrno(e) switch
    {
        ENOSPC => "no space left on device",
        EROFS => "read-only file system",
        EDQUOT => "disk quota exceeded",
        _ => e.Message,
    };

    /// <summary>The errno of the first storage exhaustion in <paramref name="error"/>'s chain (also inside a database's exception).</summary>
    public static int? StorageErrno(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is IOException io && (io.HResult & 0xFFFF) is ENOSPC or EROFS or EDQUOT)
            {
                return io.HResult & 0xFFFF;
            }

            if (e is UnauthorizedAccessException { InnerException: IOException inner } && (inner.HResult & 0xFFFF) == EROFS)
            {
                return EROFS;
            }

            // SQLite reports a full disk as SQLITE_FULL and a read-only file as SQLITE_READONLY (extended codes keep the primary one in the low byte).
            if (e is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is SQLITE_FULL or SQLITE_READONLY)
            {
                return (sqlite.SqliteErrorCode & 0xFF) == SQLITE_FULL ? ENOSPC : EROFS;
            }
        }

        return null;
    }

    private void Pause(string reason)
    {
        lock (gate)
        {
            if (pausedBecause == reason)
            {
                return;
            }

            var first = pausedBecause is null;
            pausedBecause = reason;
            if (!first)
            {
                Changed?.Invoke(reason);
                return;
            }
        }

        Changed?.Invoke(reason);
        log.LogError("paused: {Reason}; nothing is taken from the inbox until this is fixed (retrying every {Seconds} s)", reason, ProbeEvery.TotalSeconds);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
