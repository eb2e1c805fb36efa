using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Npgsql;
using PlanIngest.Search.Index;
using PlanIngest.Worker.Catalog.Postgres;
using PlanIngest.Worker.Tests.Cli;
using PlanIngest.Worker.Tests.Worker;
using Xunit.Abstractions;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Postgres;

/// <summary>
/// Several real <c>planingest watch</c> processes on one PostgreSQL catalog and one shared inbox, each
/// with its own index; one is killed with SIGKILL in the middle of an OCR job; then two search nodes
/// with their own index folders. Leases are a few seconds long here so that a take-over is quick.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const int TextFiles = 197;
    private static readonly string[] Scans = ["004.tif", "003-p1.png", "003-p6.jpg"];
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    private readonly TempFolder temp = new("planingest-scale-");
    private readonly List<WorkerProcess> workers = [];
    private readonly Dictionary<WorkerProcess, string> indexOf = [];

    public void Dispose()
    {
        workers.ForEach(w => w.Dispose());
        temp.Dispose();
    }

    [SkippableFact]
    public async Task Three_workers_share_one_inbox_and_a_killed_worker_s_ocr_job_is_finished_by_another()
    {
        var catalog = server.CreateDatabase("scale");
        var inbox = temp.Sub("inbox");
        var shared = temp.Sub("shared");
        var staging = temp.Sub("staging");
        var files = new List<(string Name, string Sha)>();
        foreach (var scan in Scans)
        {
            files.Add(Stage(File.ReadAllBytes(Drop.Fixture("scans", scan)), staging, "scan-" + scan));
        }

        for (var n = 0; n < TextFiles; n++)
        {
            files.Add(Stage(System.Text.Encoding.UTF8.GetBytes(Drop.PlanText(5000 + n)), staging, $"plan-{n:000}.txt"));
        }

        var indexes = Enumerable.Range(1, 3).Select(n => Path.Combine(temp.Path, $"index-{n}")).ToList();
        for (var n = 0; n < 3; n++)
        {
            workers.Add(StartWorker(inbox, shared, indexes[n], catalog));
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(w => w.WaitUntilReadyAsync()));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: three workers ready");

        // All at once, by rename, as a copy tool finishing a batch would; the multi-page scan first, so it is claimed early.
        foreach (var file in files)
        {
            File.Move(Path.Combine(staging, file.Name), Path.Combine(inbox, file.Name));
        }

        // The worker that holds the 5-page scan is killed while it is being read.
        var (owner, leased) = await WaitForAsync(catalog, "SELECT lease_owner FROM jobs WHERE name = 'scan-004.tif' AND state = 'reading'", TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var victimPid = int.Parse(owner.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);
        var victim = workers.Single(w => w.Pid == victimPid);
        Assert.Equal("reading", await ScalarAsync<string>(catalog, "SELECT state FROM jobs WHERE name = 'scan-004.tif'"));
        victim.Kill();
        output.WriteLine($"killed {owner} {leased.TotalSeconds:0.0} s after the drop; it held: {await ScalarAsync<string>(catalog, $"SELECT string_agg(name, ', ') FROM jobs WHERE lease_owner = '{owner}' AND state IN ('reading', 'extracted')")}");

        var settled = Stopwatch.StartNew();
        var status = await WaitUntilSettledAsync(catalog, files.Count);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: settled, {settled.Elapsed.TotalSeconds:0.0} s after the kill");

        // The scan's lease ran out and another worker finished it; nothing lost, nothing doubled.
        Assert.Equal(files.Count, status.Counts[PlanIngest.Worker.Catalog.Jobs.JobState.Indexed]);
        Assert.True(await ScalarAsync<int>(catalog, "SELECT interruptions FROM jobs WHERE name = 'scan-004.tif'") >= 1, "the killed worker's scan was not taken over after its lease ran out");
        Assert.Equal(5, await ScalarAsync<int>(catalog, "SELECT pages FROM jobs WHERE name = 'scan-004.tif'"));
        Assert.Equal(files.Count, await ScalarAsync<long>(catalog, "SELECT count(*) FROM documents"));
        Assert.Equal(files.Count, await ScalarAsync<long>(catalog, "SELECT count(*) FROM jobs"));
        Assert.Equal(files.Count, await ScalarAsync<long>(catalog, "SELECT value FROM change_counter"));
        var catalogued = (await QueryAsync(catalog, "SELECT d.id || ' ' || d.name FROM documents d")).ToHashSet();
        Assert.Equal(files.Select(f => $"{f.Sha} {f.Name}").ToHashSet(), catalogued);
        Assert.Empty(Directory.GetFileSystemEntries(inbox));
        foreach (var file in files)
        {
            Assert.Single(Directory.GetFiles(Path.Combine(shared, "archive", file.Sha[..2]), file.Sha + "*"));
        }

        // The killed worker comes back on its own index and catches up; every node's index then holds exactly the catalog.
        workers.Remove(victim);
        victim.Dispose();
        var restarted = StartWorker(inbox, shared, indexOf[victim], catalog);
        workers.Add(restarted);
        await restarted.WaitUntilReadyAsync();
        await WaitForAsync(catalog, $"SELECT 'ok' WHERE (SELECT count(*) FROM workers WHERE index_seq = {files.Count} AND heartbeat > now() - interval '3 seconds') = 3", Settle);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the restarted worker and the others have every change in their indexes");
        var statusJson = JsonNode.Parse((await CliRunner.RunAsync("status", "--catalog", catalog, "--data", shared, "--json")).Stdout)!;
        Assert.Equal(3, statusJson["workers"]!.AsArray().Count);
        Assert.All(statusJson["workers"]!.AsArray(), w => Assert.Equal(files.Count, w!["index_sequence"]!.GetValue<long>()));
        Assert.Single(statusJson["workers"]!.AsArray(), w => w!["scans_inbox"]!.GetValue<bool>());

        foreach (var worker in workers)
        {
            worker.Signal(15);
        }

        foreach (var worker in workers)
        {
            Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(60)), worker.Transcript());
            Assert.Equal(0, worker.ExitCode);
        }

        Assert.Equal(0, await ScalarAsync<long>(catalog, "SELECT count(*) FROM workers"));
        var ids = catalogued.Select(c => c.Split(' ')[0]).ToHashSet();
        foreach (var index in indexes)
        {
            using var opened = DocumentIndex.OpenForReading(index)!;
            Assert.Equal(files.Count, opened.Committed.Sequence);
            Assert.Equal(ids, new PlanIngest.Search.Query.PlanSearcher(opened).Search(new PlanIngest.Search.Query.SearchRequest { Limit = 1000 }).Hits.Select(h => h.Id).ToHashSet());
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: workers stopped, indexes checked");

        // Two search nodes, each with its own index folder fed from the catalog, answer alike; one loses its index and catches up.
        string[] query = ["search", "chuyển đổi số", "--facet", "year", "--facet", "issuer", "--limit", "50", "--json", "--catalog", catalog, "--data", shared];
        var nodeA = Path.Combine(temp.Path, "node-a");
        var nodeB = Path.Combine(temp.Path, "node-b");
        var nodes = await Task.WhenAll(SearchAsync([.. query, "--index", nodeA]), SearchAsync([.. query, "--index", nodeB]));
        var first = nodes[0];
        Assert.Equal(first, nodes[1]);
        Assert.InRange(JsonNode.Parse(first)!["total"]!.GetValue<int>(), TextFiles, files.Count);
        Directory.Delete(nodeA, recursive: true);
        Assert.Equal(first, await SearchAsync([.. query, "--index", nodeA]));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: two search nodes agree, also after one lost its index");
    }

    private WorkerProcess StartWorker(string inbox, string shared, string index, string catalog)
    {
        var worker = WorkerProcess.Start(
            inbox,
            shared,
            "--catalog", catalog,
            "--index", index,
            "--parallelism", "1",
            "--Worker:LeaseDuration=00:00:06",
            "--Worker:HeartbeatInterval=00:00:01",
            "--Worker:PollInterval=00:00:00.200",
            "--Worker:FollowInterval=00:00:00.500",
            "--Worker:ShutdownGrace=00:00:02",
            "--Worker:StabilityInterval=00:00:00.300");
        indexOf[worker] = index;
        return worker;
    }

    private static (string Name, string Sha) Stage(byte[] bytes, string folder, string name)
    {
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
        return (name, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static async Task<string> SearchAsync(string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"search failed: {result.Stderr}");
        return result.Stdout;
    }

    private async Task<PlanIngest.Worker.Catalog.Jobs.QueueStatus> WaitUntilSettledAsync(string catalog, int files)
    {
        using var jobs = await PostgresCatalog.OpenAsync(catalog);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var status = await jobs.GetStatusAsync(5, CancellationToken.None);
            if (Status.Settled(status, files))
            {
                return status;
            }

            if (watch.Elapsed > Settle)
            {
                throw new Xunit.Sdk.XunitException($"not settled: {string.Join(", ", status.Counts.Select(c => $"{c.Value} {c.Key}"))}\n{string.Join("\n---\n", workers.Select(w => w.Transcript()))}");
            }

            await Task.Delay(250);
        }
    }

    private async Task<(string Value, TimeSpan After)> WaitForAsync(string catalog, string sql, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await ScalarAsync<string?>(catalog, sql) is { } value)
            {
                return (value, watch.Elapsed);
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"no row for {sql} within {timeout.TotalSeconds:0} s\n{string.Join("\n---\n", workers.Select(w => w.Transcript()))}");
    }

    private static async Task<T> ScalarAsync<T>(string catalog, string sql)
    {
        await using var connection = new NpgsqlConnection(catalog);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }

    private static async Task<List<string>> QueryAsync(string catalog, string sql)
    {
        await using var connection = new NpgsqlConnection(catalog);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
