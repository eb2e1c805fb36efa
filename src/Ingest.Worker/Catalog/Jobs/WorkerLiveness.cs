using System.Diagnostics;

namespace PlanIngest.Worker.Catalog.Jobs;

/// <summary>
/// Whether a worker that registered from this machine is gone: no process has its pid any more, or
/// one does but started at another time (the pid was reused, e.g. by a restarted container). A
/// worker on another machine is never judged from here: its leases simply run out.
/// </summary>
internal static class WorkerLiveness
{
    private static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(2);

    public static string ThisHost => Environment.MachineName;

    public static DateTimeOffset ThisProcessStarted { get; } = StartTimeOf(Process.GetCurrentProcess()) ?? DateTimeOffset.UtcNow;

    public static bool IsGoneFromThisHost(string host, int pid, DateTimeOffset startedAt)
    {
        if (host != ThisHost)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return StartTimeOf(process) is not { } started || (started - startedAt).Duration() > StartTolerance;
        }
        catch (ArgumentException)
        {
            // No process with that id.
            return true;
        }
    }

    private static DateTimeOffset? StartTimeOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
