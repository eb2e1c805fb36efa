using System.Diagnostics;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>
/// Real file systems for the storage tests: a small tmpfs (a disk that fills up) and read-only bind
/// mounts. Needs root. A test holds one and disposes it, which undoes what is still mounted, newest first.
/// </summary>
internal sealed class Mounts : IDisposable
{
    private readonly List<string> mounted = [];

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> at <paramref name="path"/>; the reason when that is impossible here.</summary>
    public string? TryTmpfs(string path, int megabytes)
    {
        Directory.CreateDirectory(path);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code != 0)
        {
            return $"cannot mount a tmpfs here (root and mount rights needed): {error.Trim()}";
        }

        mounted.Add(path);
        return null;
    }

    /// <summary>Lays a read-only view over <paramref name="path"/>: new opens fail with EROFS, as on a disk remounted read-only.</summary>
    public void BindReadOnly(string path)
    {
        Assert.Equal(0, Run("mount", "--bind", path, path).Code);
        mounted.Add(path);
        Assert.Equal(0, Run("mount", "-o", "remount,bind,ro", path).Code);
    }

    /// <summary>Unmounts the top mount at <paramref name="path"/> (lazily, so that a process still inside does not block it).</summary>
    public void Unmount(string path)
    {
        Run("umount", "-l", path);
        mounted.RemoveAt(mounted.LastIndexOf(path));
    }

    public void Dispose()
    {
        for (var i = mounted.Count - 1; i >= 0; i--)
        {
            Run("umount", "-l", mounted[i]);
        }

        mounted.Clear();
    }

    /// <summary>Fills the disk under <paramref name="path"/> down to its last page, so that even the small files of a Lucene commit or a SQLite journal are refused.</summary>
    public static void FillUp(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        foreach (var block in new[] { 1 << 20, 4096 })
        {
            var bytes = new byte[block];
            try
            {
                while (true)
                {
                    stream.Write(bytes);
                }
            }
            catch (IOException)
            {
                // That size no longer fits.
            }
        }
    }

    private static (int Code, string Error) Run(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            args.ToList().ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
