using System.Diagnostics;
using System.Text;

namespace PlanIngest.Web.Tests.Security;

/// <summary>
/// A network namespace of the test's own, made with <c>unshare -n</c>, whose only interface is its own
/// loopback carrying one more address, 192.0.2.10 (TEST-NET-1: never routed anywhere). A server bound
/// there listens on a non-loopback address, yet nothing outside this machine — or outside the namespace —
/// can reach it; requests are sent from inside it with <c>nsenter</c> and curl.
/// </summary>
internal static class NetworkNamespace
{
    public const string Address = "192.0.2.10";

    /// <summary>The wrapper that starts a program in a new namespace with <see cref="Address"/> up.</summary>
    public static IReadOnlyList<string> Wrapper { get; } =
        ["unshare", "--net", "--", "sh", "-c", $"ip link set lo up && ip addr add {Address}/32 dev lo && exec \"$@\"", "sh"];

    /// <summary>curl run inside the namespace of process <paramref name="pid"/>: the status, the headers (lower-case names) and the body.</summary>
    public static async Task<(int Status, IReadOnlyDictionary<string, string> Headers, string Body)> CurlAsync(int pid, string url, params string[] curlArgs)
    {
        var start = new ProcessStartInfo("nsenter")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in (string[])[$"--net=/proc/{pid}/ns/net", "curl", "-s", "-i", "--max-time", "20", .. curlArgs, url])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"curl {url} in the namespace failed ({process.ExitCode}): {error}");
        var split = output.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = output[..split].Split("\r\n");
        var headers = head.Skip(1).Select(h => h.Split(':', 2)).ToDictionary(h => h[0].Trim().ToLowerInvariant(), h => h[1].Trim());
        return (int.Parse(head[0].Split(' ')[1]), headers, output[(split + 4)..]);
    }
}
