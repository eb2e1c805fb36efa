using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using PlanIngest.Tests;

namespace PlanIngest.Web.Tests.Infrastructure;

/// <summary>
/// <c>planingest serve</c> (or <c>watch --serve</c>) as a real process: started with port 0 (the kernel picks a free port), its
/// address read from the line it prints when it listens, stopped with SIGTERM as a service manager would.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(ProcessStartInfo start)
    {
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("planingest serve ended before it listened: " + Stderr));
            }
            else if (AddressLine().Match(e.Data) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value.TrimEnd('/') + "/"));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
    }

    public Uri Address { get; private set; } = default!;

    public int Pid => process.Id;

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <param name="wrapper">A program and its arguments to run planingest under (e.g. unshare, for a network namespace).</param>
    public static async Task<ServerProcess> StartAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? wrapper = null)
    {
        var start = CliRunner.StartInfo(environment ?? new Dictionary<string, string>(), args);
        if (wrapper is { Count: > 0 })
        {
            start.ArgumentList.Insert(0, start.FileName);
            for (var i = 1; i < wrapper.Count; i++)
            {
                start.ArgumentList.Insert(i - 1, wrapper[i]);
            }

            start.FileName = wrapper[0];
        }

        var server = new ServerProcess(start);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            server.Address = await server.listening.Task.WaitAsync(StartLimit);
        }
        catch
        {
            server.process.Kill(entireProcessTree: true);
            server.process.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>SIGTERM, then the exit code (a graceful stop is 0).</summary>
    public async Task<int> StopAsync()
    {
        if (!process.HasExited)
        {
            Signals.Terminate(process.Id);
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("planingest serve did not stop within 30 s of SIGTERM");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await StopAsync();
        }

        process.Dispose();
    }

    // serve's line, or watch --serve's.
    [GeneratedRegex(@"^planingest (?:serve: |watch: web page and API at )(http://\S+)")]
    private static partial Regex AddressLine();
}
