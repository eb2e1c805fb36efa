using System.Diagnostics;
using System.Text.Json.Nodes;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Tests.Cli;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>
/// What a test reads of the worker's state: <c>planingest status --json</c> (the real command), and a
/// cheap in-process read of the same catalog for polling while the worker runs.
/// </summary>
internal static class Status
{
    /// <summary>
    /// How long a test waits for the worker to settle before failing. Generous, because CI and this
    /// machine are shared: a healthy run settles in seconds, and only a failing one waits this long.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public static async Task<JsonNode> ReadAsync(string data)
    {
        var result = await CliRunner.RunAsync("status", "--data", data, "--json");
        Assert.True(result.ExitCode == 0, $"status failed: {result.Stderr}");
        return JsonNode.Parse(result.Stdout)!;
    }

    public static int Count(JsonNode status, string state) => status["counts"]![state]!.GetValue<int>();

    public static async Task<QueueStatus?> PeekAsync(string data) =>
        SqliteCatalog.OpenForReading(Path.Combine(data, "catalog.db")) is { } catalog
            ? await StatusOf(catalog)
            : null;

    private static async Task<QueueStatus> StatusOf(SqliteCatalog catalog)
    {
        using (catalog)
        {
            return await catalog.GetStatusAsync(50, CancellationToken.None);
        }
    }

    /// <summary>Every name each content was dropped under, by SHA-256.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> NamesAsync(string data)
    {
        using var catalog = SqliteCatalog.OpenForReading(Path.Combine(data, "catalog.db"))!;
        return await catalog.NamesAsync(CancellationToken.None);
    }

    /// <summary>Polls until <paramref name="done"/> holds; fails with the worker's output when it does not.</summary>
    public static async Task<QueueStatus> WaitUntilAsync(string data, Func<QueueStatus, bool> done, TimeSpan timeout, WorkerProcess? worker = null)
    {
        var watch = Stopwatch.StartNew();
        QueueStatus? last = null;
        while (watch.Elapsed < timeout)
        {
            try
            {
                last = await PeekAsync(data);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The schema is being created by the worker at this moment.
            }

            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(250);
        }

        var counts = last is null ? "no catalog" : string.Join(", ", last.Counts.Select(c => $"{c.Value} {c.Key}"));
        throw new Xunit.Sdk.XunitException($"not settled within {timeout.TotalSeconds:0} s; last counts: {counts}\n{worker?.Transcript()}");
    }

    /// <summary>Nothing queued or in flight, and at least <paramref name="finished"/> jobs indexed or failed.</summary>
    public static bool Settled(QueueStatus status, int finished) =>
        status.Counts[JobState.Queued] + status.Counts[JobState.Reading] + status.Counts[JobState.Extracted] == 0
        && status.Counts[JobState.Indexed] + status.Counts[JobState.Failed] >= finished;
}
