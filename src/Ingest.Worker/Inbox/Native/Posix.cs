using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace PlanIngest.Worker.Inbox.Native;

/// <summary>
/// The checked layer over <see cref="LibC"/>: each call either succeeds or throws an
/// <see cref="IOException"/> whose <see cref="Exception.HResult"/> is the errno (as .NET's own
/// file APIs do on Unix), with the system's message and the name involved.
/// </summary>
internal static class Posix
{
    public const int ENOENT = 2;
    public const int EEXIST = 17;
    public const int ELOOP = 40;
    public const int EINVAL = 22;
    public const int ENOSYS = 38;
    public const int ENOTDIR = 20;

    public static SafeFileHandle OpenDirectory(string path)
    {
        var fd = LibC.openat(LibC.AT_FDCWD, path, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
        return fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw LastError(path);
    }

    /// <summary>
    /// Opens the folder <paramref name="name"/> inside <paramref name="directory"/>, refusing a symbolic link
    /// (ELOOP) and anything that is not a folder (ENOTDIR); null when it is gone, or is a link or no folder now.
    /// </summary>
    public static SafeFileHandle? OpenSubdirectory(SafeFileHandle directory, string name)
    {
        var fd = WithFd(directory, dirfd => LibC.openat(dirfd, name, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_NOFOLLOW | LibC.O_CLOEXEC, 0));
        if (fd >= 0)
        {
            return new SafeFileHandle(fd, ownsHandle: true);
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is ENOENT or ELOOP or ENOTDIR ? null : throw Error(errno, name);
    }

    /// <summary>
    /// Opens (creating) a lock file directly, without .NET's own advisory locking on open, so that
    /// <see cref="TryLockExclusive"/> is the only lock on it.
    /// </summary>
    public static SafeFileHandle OpenLockFile(string path, bool create)
    {
        // flock does not care how the file was opened, so a reader opens it read-only and works on a read-only folder too.
        var flags = create ? LibC.O_RDWR | LibC.O_CREAT : LibC.O_RDONLY;
        var fd = LibC.openat(LibC.AT_FDCWD, path, flags | LibC.O_CLOEXEC, 0x1A4); // 0644
        return fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw LastError(path);
    }

    /// <summary>
    /// Opens <paramref name="name"/> inside <paramref name="directory"/> for reading, refusing a
    /// symbolic link (ELOOP) and never blocking on a FIFO that was swapped in after it was looked at.
    /// </summary>
    public static SafeFileHandle OpenNoFollow(SafeFileHandle directory, string name)
    {
        var fd = WithFd(directory, dirfd => LibC.openat(dirfd, name, LibC.O_RDONLY | LibC.O_NOFOLLOW | LibC.O_NONBLOCK | LibC.O_CLOEXEC, 0));
        return fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw LastError(name);
    }

    /// <summary>The entry itself (a link is described, not followed); null when there is no such entry.</summary>
    public static FileIdentity? StatEntry(SafeFileHandle directory, string name)
    {
        LibC.StatxBuffer buffer = default;
        var result = WithFd(directory, dirfd => LibC.statx(dirfd, name, LibC.AT_SYMLINK_NOFOLLOW, LibC.STATX_BASIC_STATS, out buffer));
        if (result == 0)
        {
            return ToIdentity(buffer);
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == ENOENT ? null : throw Error(errno, name);
    }

    /// <summary>What an open handle refers to now.</summary>
    public static FileIdentity Stat(SafeFileHandle file)
    {
        LibC.StatxBuffer buffer = default;
        var result = WithFd(file, fd => LibC.statx(fd, string.Empty, LibC.AT_EMPTY_PATH | LibC.AT_SYMLINK_NOFOLLOW, LibC.STATX_BASIC_STATS, out buffer));
        return result == 0 ? ToIdentity(buffer) : throw LastError("(open file)");
    }

    /// <summary>Removes a directory entry (a link itself, never its target); false when it was already gone.</summary>
    public static bool Unlink(SafeFileHandle directory, string name)
    {
        if (WithFd(directory, dirfd => LibC.unlinkat(dirfd, name, 0)) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == ENOENT ? false : throw Error(errno, name);
    }

    /// <summary>Renames within one directory without replacing anything; false when the source is gone or the target exists.</summary>
    public static bool RenameNoReplace(SafeFileHandle directory, string from, string to)
    {
        if (WithFd(directory, dirfd => LibC.renameat2(dirfd, from, dirfd, to, LibC.RENAME_NOREPLACE)) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno is EINVAL or ENOSYS)
        {
            return LinkThenUnlink(directory, from, to);
        }

        return errno is ENOENT or EEXIST ? false : throw Error(errno, from);
    }

    /// <summary>
    /// RENAME_NOREPLACE where the file system lacks it (NFS and SMB mounts answer EINVAL, the usual home of
    /// a shared inbox): a hard link fails if the new name exists, atomically even over NFS, and the old
    /// name is removed after it. For that instant the file has two names (and a link count of two).
    /// </summary>
    private static bool LinkThenUnlink(SafeFileHandle directory, string from, string to)
    {
        if (WithFd(directory, dirfd => LibC.linkat(dirfd, from, dirfd, to, 0)) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is ENOENT or EEXIST ? false : throw Error(errno, from);
        }

        Unlink(directory, from);
        return true;
    }

    /// <summary>The text of a symbolic link, to report where it pointed; the target is never opened.</summary>
    public static unsafe string ReadLink(SafeFileHandle directory, string name)
    {
        var buffer = new byte[4096];
        nint length;
        fixed (byte* p = buffer)
        {
            var pointer = p;
            length = WithFd(directory, dirfd => LibC.readlinkat(dirfd, name, pointer, buffer.Length));
        }

        return length >= 0 ? Encoding.UTF8.GetString(buffer, 0, (int)length) : throw LastError(name);
    }

    public static void Fsync(SafeFileHandle file)
    {
        if (WithFd(file, fd => LibC.fsync(fd)) != 0)
        {
            throw LastError("(fsync)");
        }
    }

    /// <summary>Makes the entries of a directory (a rename into it, a file created in it) survive a power cut.</summary>
    public static void FsyncDirectory(string path)
    {
        using var directory = OpenDirectory(path);
        if (WithFd(directory, fd => LibC.fsync(fd)) != 0)
        {
            throw LastError(path);
        }
    }

    /// <summary>Takes an exclusive advisory lock without waiting; false when another process holds it.</summary>
    public static bool TryLockExclusive(SafeFileHandle file)
    {
        if (WithFd(file, fd => LibC.flock(fd, LibC.LOCK_EX | LibC.LOCK_NB)) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == 11 ? false : throw Error(errno, "(lock)"); // EWOULDBLOCK
    }

    /// <summary>Bytes available to an unprivileged writer on the file system holding <paramref name="path"/>, and whether it is mounted read-only.</summary>
    public static (long AvailableBytes, bool ReadOnly) SpaceOf(string path)
    {
        if (LibC.statvfs(path, out var buffer) != 0)
        {
            throw LastError(path);
        }

        return ((long)Math.Min(long.MaxValue, buffer.Bavail * buffer.Frsize), (buffer.Flag & LibC.ST_RDONLY) != 0);
    }

    public static IOException Error(int errno, string name) => new($"{name}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);

    private static IOException LastError(string name) => Error(Marshal.GetLastPInvokeError(), name);

    // The descriptor is borrowed for the length of one call; AddRef keeps a concurrent Dispose from reusing it meanwhile.
    private static T WithFd<T>(SafeFileHandle handle, Func<int, T> call)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return call((int)handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static FileIdentity ToIdentity(in LibC.StatxBuffer s) => new(
        ((ulong)s.DevMajor << 32) | s.DevMinor,
        s.Ino,
        KindOf(s.Mode),
        (long)s.Size,
        (s.MtimeSec * 1_000_000_000L) + s.MtimeNsec,
        (s.CtimeSec * 1_000_000_000L) + s.CtimeNsec,
        s.Nlink);

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };
}
