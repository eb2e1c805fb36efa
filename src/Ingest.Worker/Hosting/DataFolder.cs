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

        var handle = File.OpenHandle(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        if (!Posix.TryLockExclusive(handle))
        {
            handle.Dispose();
            throw new DataFolderException($"another planingest worker is already using {Root}");
        }

        lockHandle = handle;
    }

    public void Dispose() => lockHandle?.Dispose();
}

public sealed class DataFolderException(string message, Exception? inner = null) : Exception(message, inner);
