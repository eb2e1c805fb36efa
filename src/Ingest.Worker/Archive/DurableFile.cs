using PlanIngest.Worker.Inbox.Native;

namespace PlanIngest.Worker.Archive;

/// <summary>
/// Writes that survive a crash or power cut: data goes to a temporary file, is flushed to disk,
/// renamed into place, and the directory holding the new name is flushed too.
/// </summary>
internal static class DurableFile
{
    /// <summary>
    /// Moves a finished, already flushed file into place without replacing anything; false when the target exists.
    /// With <paramref name="syncFolder"/> false the caller flushes the target's folder itself (once for a batch of files).
    /// </summary>
    public static bool MoveIntoPlace(string temporary, string target, bool syncFolder = true)
    {
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            Posix.FsyncDirectory(Path.GetDirectoryName(folder)!);
        }

        try
        {
            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }

        if (syncFolder)
        {
            Posix.FsyncDirectory(folder);
        }

        return true;
    }

    /// <summary>Writes a small text file atomically (replacing an older version).</summary>
    public static void WriteText(string target, string text)
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, target, overwrite: true);
        Posix.FsyncDirectory(folder);
    }

    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is swept on the next start.
        }
    }
}
