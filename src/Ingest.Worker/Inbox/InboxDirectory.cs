using Microsoft.Win32.SafeHandles;
using PlanIngest.Worker.Inbox.Native;

namespace PlanIngest.Worker.Inbox;

/// <summary>
/// The watched folder, held open by a directory handle. Everything in it is untrusted: an entry is
/// looked at without being followed, opened relative to the handle with <c>O_NOFOLLOW</c>, and its
/// name is never a path to join: an entry of a sub-folder is named <c>folder/name</c>, and each
/// component is opened in turn from the handle, a folder never through a link.
/// </summary>
public sealed class InboxDirectory : IDisposable
{
    /// <summary>Entries the worker renames an inbox file to while it removes it (see <see cref="RemoveIfUnchanged"/>).</summary>
    public const string TakenPrefix = ".planingest-taken-";

    /// <summary>Between a sub-folder's name and an entry in it, in the names this class hands out.</summary>
    public const char Separator = '/';

    /// <summary>How deep sub-folders are entered; deeper ones are reported and left alone.</summary>
    public const int MaxDepth = 8;

    private readonly SafeFileHandle handle;

    private InboxDirectory(string path, SafeFileHandle handle)
    {
        Path = path;
        this.handle = handle;
    }

    public string Path { get; }

    /// <summary>Opens the inbox, creating it when it does not exist yet.</summary>
    public static InboxDirectory Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(full);
        return new InboxDirectory(full, Posix.OpenDirectory(full));
    }

    /// <summary>
    /// The entries in the folder now, and in its sub-folders as <c>folder/name</c> (down to
    /// <see cref="MaxDepth"/> folders). Listed through <c>/proc/self/fd</c>, so that they are the entries
    /// of the directories these handles hold even if a path was swapped since. A sub-folder is entered only
    /// when it is a folder itself, opened with <c>O_NOFOLLOW</c>: a link to a folder is listed as the link
    /// it is (and refused by the scanner), never entered; hidden folders are not entered either.
    /// </summary>
    public IReadOnlyList<string> ListNames()
    {
        var names = new List<string>();
        List(handle, string.Empty, 0, names);
        return names;
    }

    private static void List(SafeFileHandle folder, string prefix, int depth, List<string> names)
    {
        var self = $"/proc/self/fd/{folder.DangerousGetHandle()}";
        foreach (var leaf in Directory.EnumerateFileSystemEntries(self).Select(p => p[(self.Length + 1)..]).ToList())
        {
            var name = prefix + leaf;
            names.Add(name);
            if (depth >= MaxDepth || leaf.StartsWith('.') || leaf.Contains('\uFFFD'))
            {
                continue;
            }

            try
            {
                if (Posix.StatEntry(folder, leaf) is not { Kind: FileKind.Directory })
                {
                    continue;
                }

                using var sub = Posix.OpenSubdirectory(folder, leaf);
                if (sub is not null)
                {
                    List(sub, name + Separator, depth + 1, names);
                }
            }
            catch (IOException)
            {
                // Unreadable now (permissions, a folder being removed): the scanner's look at the entry reports it.
            }
        }
    }

    /// <summary>How many folders deep an entry lies (0 directly in the inbox).</summary>
    public static int Depth(string name) => name.Count(c => c == Separator);

    /// <summary>The entry's own name, without the folders it lies in.</summary>
    public static string Leaf(string name) => name[(name.LastIndexOf(Separator) + 1)..];

    /// <summary>The entry itself, not what it may point to; null when it is gone (or a folder on its way is).</summary>
    public FileIdentity? Look(string name) => InFolder(name, Posix.StatEntry, () => null);

    /// <summary>Where a symbolic link points, for the report; the target is never touched.</summary>
    public string LinkTarget(string name) => InFolder(name, Posix.ReadLink, () => throw Gone(name));

    /// <summary>
    /// Opens a regular file for reading. A name that became a symbolic link since it was looked at
    /// fails with ELOOP instead of being followed; a FIFO or device is refused after opening (without blocking).
    /// </summary>
    public InboxFile OpenRegular(string name)
    {
        var file = InFolder(name, Posix.OpenNoFollow, () => throw Gone(name));
        try
        {
            var identity = Posix.Stat(file);
            if (identity.Kind != FileKind.Regular)
            {
                throw new IOException($"{name}: is a {identity.Kind}, not a regular file");
            }

            return new InboxFile(this, name, file, identity);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Removes <paramref name="name"/> only if it is still the file described by
    /// <paramref name="expected"/>. The entry is first renamed to a private name, so that a file
    /// that replaced it at the last instant is seen and put back rather than deleted unread.
    /// </summary>
    public RemoveOutcome RemoveIfUnchanged(string name, FileIdentity expected) =>
        InFolder(name, (folder, leaf) => RemoveIfUnchanged(folder, leaf, expected), () => RemoveOutcome.AlreadyGone);

    private static RemoveOutcome RemoveIfUnchanged(SafeFileHandle folder, string leaf, FileIdentity expected)
    {
        var taken = TakenPrefix + Guid.NewGuid().ToString("N");
        if (!Posix.RenameNoReplace(folder, leaf, taken))
        {
            return RemoveOutcome.AlreadyGone;
        }

        // The rename itself moves the inode's change time, so only content and identity are compared here.
        var now = Posix.StatEntry(folder, taken);
        if (now is { } found && found.IsSameFile(expected) && found.Kind == expected.Kind && found.Size == expected.Size && found.ModifiedNanoseconds == expected.ModifiedNanoseconds)
        {
            Posix.Unlink(folder, taken);
            return RemoveOutcome.Removed;
        }

        // Put the newcomer back where it was dropped; if that name was taken meanwhile, under the private name it stays in the inbox and is read on the next pass.
        Posix.RenameNoReplace(folder, taken, leaf);
        return RemoveOutcome.ReplacedMeanwhile;
    }

    /// <summary>Removes an entry whatever it is (a symbolic link itself, never its target).</summary>
    public bool Remove(string name) => InFolder(name, Posix.Unlink, () => false);

    public void Dispose() => handle.Dispose();

    internal static bool Unchanged(FileIdentity now, FileIdentity before) =>
        now.IsSameFile(before) && now.Kind == before.Kind && now.Size == before.Size
        && now.ModifiedNanoseconds == before.ModifiedNanoseconds && now.ChangedNanoseconds == before.ChangedNanoseconds;

    internal SafeFileHandle Handle => handle;

    /// <summary>
    /// Runs <paramref name="action"/> on the entry's own name inside the folder that holds it, each folder on
    /// the way opened with <c>O_NOFOLLOW</c> from the one before: a folder swapped for a link since it was
    /// listed is never entered (<paramref name="gone"/> answers instead, as for a folder that is gone).
    /// </summary>
    private T InFolder<T>(string name, Func<SafeFileHandle, string, T> action, Func<T> gone)
    {
        var parts = CheckName(name);
        var opened = new List<SafeFileHandle>();
        try
        {
            var folder = handle;
            foreach (var part in parts[..^1])
            {
                if (Posix.OpenSubdirectory(folder, part) is not { } sub)
                {
                    return gone();
                }

                opened.Add(sub);
                folder = sub;
            }

            return action(folder, parts[^1]);
        }
        finally
        {
            opened.ForEach(h => h.Dispose());
        }
    }

    private static IOException Gone(string name) => Posix.Error(Posix.ENOENT, name);

    // An entry is named by its components under the inbox, each a real directory entry: never empty, '.' or '..'.
    private static string[] CheckName(string name)
    {
        var parts = name.Split(Separator);
        return parts.Length > MaxDepth + 1 || parts.Any(p => p.Length == 0 || p.Contains('\0') || p is "." or "..")
            ? throw new ArgumentException($"not a name of an entry: '{name}'", nameof(name))
            : parts;
    }
}
