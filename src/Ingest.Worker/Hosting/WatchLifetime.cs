using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// SIGTERM / SIGINT (Ctrl+C) / SIGQUIT: the first asks for a graceful stop (documents being read
/// finish within the grace, or go back to the queue); a second stops the process at once. That is
/// safe because every step is (it survives SIGKILL): the catalog is a WAL database, the archive is
/// written by rename, and the inbox copy is removed last.
/// </summary>
public sealed partial class WatchLifetime(IHostApplicationLifetime application, ILogger<WatchLifetime> log) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> registrations = [];
    private int signals;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => registrations.ForEach(r => r.Dispose());

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref signals) == 1)
        {
            log.LogInformation("stopping: documents being read finish or go back to the queue (signal again to stop at once)");
            application.StopApplication();
            return;
        }

        // Straight to the kernel: no finalisers or shutdown hooks that could wait on the work being abandoned.
        Console.Error.WriteLine("planingest: stopping at once; unfinished documents are taken up again on the next start");
        _exit(128 + SignalNumber(context.Signal));
    }

    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        _ => 15,
    };

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void _exit(int status);
}
