using System.Runtime.InteropServices;

namespace PlanIngest.Web.Tests.Infrastructure;

/// <summary>Real signals to real processes (.NET's Process.Kill only sends SIGKILL).</summary>
internal static partial class Signals
{
    public const int SigTerm = 15;

    public static void Terminate(int pid)
    {
        if (Kill(pid, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
