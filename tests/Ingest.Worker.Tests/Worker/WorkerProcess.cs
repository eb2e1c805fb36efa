using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>
/// A real <c>planingest watch</c> process, started the way a user or systemd would, with its output
/// collected line by line, stopped with real signals (SIGTERM, SIGINT) or killed (SIGKILL).
/// </summary>
internal sealed partial class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> stdout = new();
    private readonly ConcurrentQueue<string> stderr = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process)
    {
        this.process = process;
    }

    public IEnumerable<string> Output => stdout.Concat(stderr);

    public IReadOnlyList<string> Errors => stderr.ToList();

    public bool HasExited => process.HasExited;

    public int Pid => process.Id;

    public int ExitCode => process.ExitCode;

    /// <summary>
    /// Starts the worker on <paramref name="inbox"/> and <paramref name="data"/> with settings that
    /// suit tests (a short stability interval, a fast rescan, frequent summaries) plus <paramref name="extra"/>.
    /// </summary>
    public static WorkerProcess Start(string inbox, string data, params string[] extra) =>
        Run(["watch", inbox, "--data", data, "--Worker:StabilityInterval=00:00:00.500", "--Worker:RescanInterval=00:00:01", "--Worker:SummaryInterval=00:00:02", .. extra]);

    /// <summary>Any long-running verb (<c>serve</c>, <c>watch</c>) as a process of its own, its output collected the same way.</summary>
    public static WorkerProcess Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = PlanIngest.Tests.RepoPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "planingest.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                worker.stdout.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                worker.stderr.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => worker.exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits until a line of output matches; fails with everything printed so far when it does not come.</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Any(match))
        {
            if (deadline.Elapsed > timeout || process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"no output line {what} within {timeout.TotalSeconds:0} s (exited: {process.HasExited}); output:\n{Transcript()}");
            }

            await Task.Delay(50);
        }
    }

    public Task WaitUntilReadyAsync() => WaitForLineAsync(l => l.Contains(" watching ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "'watching'");

    /// <summary>SIGKILL: no chance to clean up, as in a crash or a power cut of the process.</summary>
    public void Kill()
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.WaitForExit();
    }

    public void Signal(int signal)
    {
        if (!process.HasExited)
        {
            kill(process.Id, signal);
        }
    }

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(exited.Task, Task.Delay(timeout)) == exited.Task;
        if (done)
        {
            process.WaitForExit(); // drains the output readers
        }

        return done;
    }

    public string Transcript() => string.Join('\n', Output);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
