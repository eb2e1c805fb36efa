using System.Runtime.InteropServices;
using System.Text;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// libpng, libjpeg, libtiff, Leptonica and Tesseract print their own diagnostics ("Premature end of
/// JPEG file") straight to file descriptor 2. The command line promises one line per failed file, so
/// descriptor 2 is pointed at /dev/null and .NET's Console.Error keeps a duplicate of the original.
/// PLANINGEST_NATIVE_STDERR=1 keeps the native output, for debugging.
/// </summary>
internal static partial class NativeStderr
{
    private const int StderrFd = 2;
    private const int WriteOnly = 1; // O_WRONLY

    public static void Silence()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("PLANINGEST_NATIVE_STDERR") == "1")
        {
            return;
        }

        var original = dup(StderrFd);
        var devNull = original < 0 ? -1 : open("/dev/null", WriteOnly);
        if (devNull < 0)
        {
            return;
        }

        // .NET caches whether stderr is a terminal on first ask: ask now, while descriptor 2 still says,
        // so that progress lines keep showing on a terminal.
        _ = Console.IsErrorRedirected;
        Console.Error.Flush();
        // Written with write(2) on the duplicate, which shares the shell's file offset (see DescriptorStream).
        Console.SetError(new StreamWriter(new DescriptorStream(original), new UTF8Encoding(false)) { AutoFlush = true });
        dup2(devNull, StderrFd);
        close(devNull);

        // The runtime reports a crash on descriptor 2; say it where it can still be seen.
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
            Console.Error.WriteLine($"planingest: internal error: {e.ExceptionObject}");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup2(int fd, int fd2);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
