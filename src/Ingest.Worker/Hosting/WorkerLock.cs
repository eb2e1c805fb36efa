using Microsoft.Win32.SafeHandles;
using PlanIngest.Worker.Inbox.Native;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// The lock that keeps a second worker off a data folder (the embedded catalog has one writer, and two
/// workers on one folder would take the same files twice), and the worker's note in it for <c>status</c>.
/// </summary>
public sealed class WorkerLock(Catalog.DataFolder folder) : IDisposable
{
    private SafeFileHandle? lockHandle;

    public string Root { get; } = Path.GetFullPath(folder.Root);

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
            Directory.CreateDirectory(folder.ArchivePath);
            Directory.CreateDirectory(folder.QuarantinePath);
            StorageGuard.ProbeWrite(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException($"data folder {Root} cannot be written: {StorageGuard.Describe(e)}", e);
        }

        if (folder.SharedCatalog is not null)
        {
            // Several workers share this folder (its archive and quarantine on a shared mount); each has its own
            // index, which its own write lock guards, and the catalog keeps them from taking the same work.
            return;
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
