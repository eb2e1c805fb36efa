using Microsoft.Win32.SafeHandles;
using PlanIngest.Worker.Inbox.Native;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// The layout of the data folder (CONTRACT §4) and the lock that keeps a second worker off it: the
/// embedded catalog has one writer, so two workers on one folder would take the same files twice.
/// </summary>
public sealed class DataFolder : IDisposable
{
    private SafeFileHandle? lockHandle;

    public DataFolder(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Archive => Path.Combine(Root, "archive");

    public string Quarantine => Path.Combine(Root, "quarantine");

    public string Index => Path.Combine(Root, "index");

    public string Catalog => Path.Combine(Root, "catalog.db");

    public string LockFile => Path.Combine(Root, "worker.lock");

    /// <summary>
    /// Creates the folders, proves that a file can be written and flushed here, and takes the worker
    /// lock. Throws <see cref="DataFolderException"/> with the reason when any of that fails.
    /// </summary>
    public void PrepareForWorker()
    {
        try
        {
            Directory.CreateDirectory(Root);
            Directory.CreateDirectory(Archive);
            Directory.CreateDirectory(Quarantine);
            StorageGuard.ProbeWrite(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException($"data folder {Root} cannot be written: {StorageGuard.Describe(e)}", e);
        }

        SafeFileHandle handle;
        try
        {
            handle = Posix.OpenLockFile(LockFile, create: true);
        }
        catch (IOException e)
        {
            throw new DataFolderException($"data folder {Root}: the worker lock cannot be opened: {StorageGuard.Describe(e)}", e);
        }

        if (!Posix.TryLockExclusive(handle))
        {
            handle.Dispose();
            throw new DataFolderException($"another planingest worker is already using {Root}");
        }

        lockHandle = handle;
        try
        {
            // Reserve the note's space now, while there is room; later notes overwrite it in place.
            RandomAccess.Write(handle, new WorkerNote(Environment.ProcessId, string.Empty, null, DateTimeOffset.UtcNow).ToBytes(), 0);
            Posix.Fsync(handle);
        }
        catch (IOException e)
        {
            throw new DataFolderException($"data folder {Root} cannot be written: {StorageGuard.Describe(e)}", e);
        }
    }

    /// <summary>Overwrites the running worker's note (best effort: a note that cannot be written is only a stale status).</summary>
    public void WriteNote(WorkerNote note)
    {
        if (lockHandle is { } handle)
        {
            try
            {
                RandomAccess.Write(handle, note.ToBytes(), 0);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The note of the worker running on this folder; null when none runs.</summary>
    public WorkerNote? ReadNote()
    {
        if (!IsWorkerRunning())
        {
            return null;
        }

        try
        {
            using var handle = Posix.OpenLockFile(LockFile, create: false);
            var bytes = new byte[WorkerNote.Reserved];
            var read = RandomAccess.Read(handle, bytes, 0);
            return WorkerNote.Parse(bytes.AsSpan(0, read));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True when a worker holds the lock on this folder now (for status, which must not take it).</summary>
    public bool IsWorkerRunning()
    {
        if (!File.Exists(LockFile))
        {
            return false;
        }

        try
        {
            using var handle = Posix.OpenLockFile(LockFile, create: false);
            return !Posix.TryLockExclusive(handle);
        }
        catch (IOException)
        {
            // Cannot even open it (read-only folder without the file): no worker could have started here.
            return false;
        }
    }

    public void Dispose() => lockHandle?.Dispose();
}

public sealed class DataFolderException(string message, Exception? inner = null) : Exception(message, inner);
