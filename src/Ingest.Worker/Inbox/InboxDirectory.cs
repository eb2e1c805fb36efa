using Microsoft.Win32.SafeHandles;
using PlanIngest.Worker.Inbox.Native;

namespace PlanIngest.Worker.Inbox;

/// <summary>
/// The watched folder, held open by a directory handle. Everything in it is untrusted: an entry is
/// looked at without being followed, opened relative to the handle with <c>O_NOFOLLOW</c>, and its
/// name is only ever one component under this handle, never a path to join.
/// </summary>
public sealed class InboxDirectory : IDisposable
{
    /// <summary>Entries the worker renames an inbox file to while it removes it (see <see cref="RemoveIfUnchanged"/>).</summary>
    public const string TakenPrefix = ".planingest-taken-";

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
    /// The names in the folder now. Listed through <c>/proc/self/fd</c>, so that they are the
    /// entries of the directory this handle holds even if the folder's path was swapped since.
    /// </summary>
    public IReadOnlyList<string> ListNames()
    {
        var self = $"/proc/self/fd/{handle.DangerousGetHandle()}";
        return Directory.EnumerateFileSystemEntries(self).Select(p => p[(self.Length + 1)..]).ToList();
    }

    /// <summary>The entry itself, not what it may point to; null when it is gone.</summary>
    public FileIdentity? Look(string name) => Posix.StatEntry(handle, CheckName(name));

    /// <summary>Where a symbolic link points, for the report; the target is never touched.</summary>
    public string LinkTarget(string name) => Posix.ReadLink(handle, CheckName(name));

    /// <summary>
    /// Opens a regular file for reading. A name that became a symbolic link since it was looked at
    /// fails with ELOOP instead of being followed; a FIFO or device is refused after opening (without blocking).
    /// </summary>
    public InboxFile OpenRegular(string name)
    {
        var file = Posix.OpenNoFollow(handle, CheckName(name));
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
    public RemoveOutcome RemoveIfUnchanged(string name, FileIdentity expected)
    {
        var taken = TakenPrefix + Guid.NewGuid().ToString("N");
        if (!Posix.RenameNoReplace(handle, CheckName(name), taken))
        {
            return RemoveOutcome.AlreadyGone;
        }

        // The rename itself moves the inode's change time, so only content and identity are compared here.
        var now = Posix.StatEntry(handle, taken);
        if (now is { } found && found.IsSameFile(expected) && found.Kind == expected.Kind && found.Size == expected.Size && found.ModifiedNanoseconds == expected.ModifiedNanoseconds)
        {
            Posix.Unlink(handle, taken);
            return RemoveOutcome.Removed;
        }

        // Put the newcomer back where it was dropped; if that name was taken meanwhile, under the private name it stays in the inbox and is read on the next pass.
        Posix.RenameNoReplace(handle, taken, name);
        return RemoveOutcome.ReplacedMeanwhile;
    }

    /// <summary>Removes an entry whatever it is (a symbolic link itself, never its target).</summary>
    public bool Remove(string name) => Posix.Unlink(handle, CheckName(name));

    public void Dispose() => handle.Dispose();

    internal static bool Unchanged(FileIdentity now, FileIdentity before) =>
        now.IsSameFile(before) && now.Kind == before.Kind && now.Size == before.Size
        && now.ModifiedNanoseconds == before.ModifiedNanoseconds && now.ChangedNanoseconds == before.ChangedNanoseconds;

    internal SafeFileHandle Handle => handle;

    private static string CheckName(string name) =>
        name.Length == 0 || name.Contains('/') || name.Contains('\0') || name is "." or ".."
            ? throw new ArgumentException($"not a name of an entry: '{name}'", nameof(name))
            : name;
}
