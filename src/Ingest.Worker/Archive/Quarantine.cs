using System.Text;

namespace PlanIngest.Worker.Archive;

/// <summary>
/// <c>data/quarantine/</c>: files that could not be ingested, each under its original name (made
/// safe) with a <c>NAME.reason.txt</c> beside it. Entries that had no content to keep (a symbolic
/// link, a FIFO) have the reason file alone.
/// </summary>
public sealed class Quarantine
{
    private const int MaxNameBytes = 200;

    public Quarantine(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Moves an archived original here with its reason; returns the quarantined file's path.</summary>
    public string Take(string archivedPath, QuarantineReason reason)
    {
        var target = FreeName(reason.Name);
        DurableFile.WriteText(target + ".reason.txt", reason.ToText());
        try
        {
            File.Move(archivedPath, target, overwrite: false);
        }
        catch (IOException) when (!File.Exists(archivedPath))
        {
            // Moved by an earlier attempt that stopped before recording it; the reason file is what was missing.
            return target;
        }

        Inbox.Native.Posix.FsyncDirectory(Root);
        return target;
    }

    /// <summary>Records an entry that had nothing to keep (it was never read); returns the reason file's path.</summary>
    public string Record(QuarantineReason reason)
    {
        var target = FreeName(reason.Name) + ".reason.txt";
        DurableFile.WriteText(target, reason.ToText());
        return target;
    }

    /// <summary>The reason file that names this content, if it was quarantined (looked up only after a crash).</summary>
    public string? FindReason(string sha256) =>
        Directory.EnumerateFiles(Root, "*.reason.txt")
            .FirstOrDefault(f => File.ReadLines(f).Take(3).Contains($"sha256: {sha256}"));

    /// <summary>
    /// A name in this folder for <paramref name="original"/>: one path component, no control
    /// characters, not hidden, short enough to take a suffix, and not yet used.
    /// </summary>
    private string FreeName(string original)
    {
        var safe = new StringBuilder();
        foreach (var c in original)
        {
            safe.Append(char.IsControl(c) || c is '/' or '\\' ? '_' : c);
        }

        var name = safe.ToString().TrimStart('.');
        if (name.Length == 0)
        {
            name = "unnamed";
        }

        while (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            name = name[..^1];
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        var candidate = Path.Combine(Root, name);
        for (var n = 2; File.Exists(candidate) || File.Exists(candidate + ".reason.txt"); n++)
        {
            candidate = Path.Combine(Root, $"{stem} ({n}){extension}");
        }

        return candidate;
    }
}
