using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlanIngest.Tests;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Catalog.Postgres;
using PlanIngest.Worker.Tests.Worker;
using Xunit.Abstractions;

namespace PlanIngest.Worker.Tests.Postgres;

/// <summary>
/// Two real <c>planingest serve</c> processes, each with its own index folder, on one PostgreSQL catalog that
/// two <c>watch</c> processes feed: both answer the API byte for byte alike; documents committed while they run
/// reach both; a node killed with SIGKILL whose index folder is deleted comes back, rebuilds and answers alike again.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ServeNodesTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const string Directive = "13/CT-UBND";
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(60);

    private readonly TempFolder temp = new("planingest-serve-");
    private readonly List<WorkerProcess> processes = [];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        processes.ForEach(p => p.Dispose());
        http.Dispose();
        temp.Dispose();
    }

    [SkippableFact]
    public async Task Two_serve_nodes_on_one_catalog_answer_alike_follow_new_documents_and_one_rebuilds_a_lost_index()
    {
        var catalog = server.CreateDatabase("serve");
        var inbox = temp.Sub("inbox");
        var shared = temp.Sub("shared");
        var staging = temp.Sub("staging");
        var clock = Stopwatch.StartNew();
        var workers = new[] { StartWorker(inbox, shared, catalog, "w1"), StartWorker(inbox, shared, catalog, "w2") };
        await Task.WhenAll(workers.Select(w => w.WaitUntilReadyAsync()));

        // The directive every plan cites (its cited-by list), then 30 plans; 10 more come while both nodes serve.
        Write(staging, "directive.txt", DirectiveText);
        for (var n = 0; n < 30; n++)
        {
            Write(staging, $"plan-{n:00}.txt", Drop.PlanText(7000 + n));
        }

        MoveAll(staging, inbox);
        await WaitUntilSettledAsync(catalog, 31);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: 31 documents catalogued by two workers");

        var nodeA = Path.Combine(temp.Path, "node-a");
        var nodeB = Path.Combine(temp.Path, "node-b");
        var a = StartServe(catalog, shared, nodeA);
        var b = StartServe(catalog, shared, nodeB);
        var (addressA, addressB) = (await AddressOf(a), await AddressOf(b));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: two serve nodes listen at {addressA} and {addressB}");

        var directiveId = await DocumentIdAsync(catalog, "directive.txt");
        var queries = Queries(directiveId);
        var first = await AnswersAlikeAsync(addressA, addressB, queries);
        Assert.Equal(30, TotalOf(first[1]));
        Assert.Equal(30, JsonNode.Parse(first[3])!["cited_by"]!.AsArray().Count);
        Assert.Equal(2, JsonNode.Parse(await GetAsync(addressB, "/api/status"))!["workers"]!.AsArray().Count);

        // Ten more plans while both nodes run: each node's follower takes them from the catalog's change sequence.
        for (var n = 30; n < 40; n++)
        {
            Write(staging, $"plan-{n:00}.txt", Drop.PlanText(7000 + n));
        }

        var dropped = Stopwatch.StartNew();
        MoveAll(staging, inbox);
        await WaitUntilSettledAsync(catalog, 41);
        var settled = dropped.Elapsed;
        await Task.WhenAll(WaitForTotalAsync(addressA, 40), WaitForTotalAsync(addressB, 40));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the 10 new plans catalogued {settled.TotalSeconds:0.0} s after the drop and searchable on both nodes {dropped.Elapsed.TotalSeconds:0.0} s after it");
        var second = await AnswersAlikeAsync(addressA, addressB, queries);
        Assert.Equal(40, JsonNode.Parse(second[3])!["cited_by"]!.AsArray().Count);
        Assert.NotEqual(first[0], second[0]);

        // Node A dies (SIGKILL) and loses its index folder; restarted, it rebuilds from the catalog and answers as B does.
        a.Kill();
        Directory.Delete(nodeA, recursive: true);
        var restartedAt = Stopwatch.StartNew();
        var restarted = StartServe(catalog, shared, nodeA);
        var addressRestarted = await AddressOf(restarted);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: node A restarted on an empty index folder, listening {restartedAt.Elapsed.TotalSeconds:0.0} s later");
        Assert.Equal(second, await AnswersAlikeAsync(addressRestarted, addressB, queries));
        var health = JsonNode.Parse(await GetAsync(addressRestarted, "/health"))!;
        Assert.Equal(41, (int)health["documents"]!);
        Assert.Equal(41, (int)health["indexed"]!);

        // SIGTERM: both nodes and both workers stop in good order.
        foreach (var process in (WorkerProcess[])[restarted, b, .. workers])
        {
            process.Signal(15);
        }

        foreach (var process in (WorkerProcess[])[restarted, b, .. workers])
        {
            Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)), process.Transcript());
            Assert.True(process.ExitCode == 0, process.Transcript());
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: nodes and workers stopped");
    }

    /// <summary>A ranked text search with facets, a citation search, a page of a filtered search, and a document with its cited-by list.</summary>
    private static string[] Queries(string directiveId) =>
    [
        "/api/search?q=" + Uri.EscapeDataString("chuyển đổi số") + "&facet=year&facet=issuer&facet=province&limit=100",
        "/api/search?cites=" + Uri.EscapeDataString(Directive) + "&facet=cites&facet=doc_type&limit=5",
        "/api/search?q=" + Uri.EscapeDataString("\"hội nghị\"") + "&filter=year:2024&limit=7&offset=3",
        $"/api/documents/{directiveId}?pages=false",
    ];

    private async Task<string[]> AnswersAlikeAsync(Uri one, Uri other, string[] queries)
    {
        var answers = new string[queries.Length];
        for (var q = 0; q < queries.Length; q++)
        {
            var (x, y) = (await GetAsync(one, queries[q]), await GetAsync(other, queries[q]));
            Assert.True(x == y, $"{queries[q]}: the nodes differ\n{x}\n---\n{y}");
            answers[q] = x;
        }

        return answers;
    }

    private static int TotalOf(string json) => (int)JsonNode.Parse(json)!["total"]!;

    /// <summary>Polls the node until its citation search counts <paramref name="expected"/> plans; fails after <see cref="CatchUpLimit"/>.</summary>
    private async Task WaitForTotalAsync(Uri node, int expected)
    {
        var watch = Stopwatch.StartNew();
        var query = "/api/search?cites=" + Uri.EscapeDataString(Directive) + "&limit=1";
        int total;
        while ((total = TotalOf(await GetAsync(node, query))) != expected)
        {
            Assert.True(watch.Elapsed < CatchUpLimit, $"{node}: {total} of {expected} plans searchable after {CatchUpLimit.TotalSeconds:0} s");
            await Task.Delay(100);
        }
    }

    private async Task<string> GetAsync(Uri node, string path)
    {
        using var response = await http.GetAsync(new Uri(node, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} on {node}: {(int)response.StatusCode} {body}");
        return body;
    }

    private WorkerProcess StartWorker(string inbox, string shared, string catalog, string name)
    {
        var worker = WorkerProcess.Start(
            inbox,
            shared,
            "--catalog", catalog,
            "--index", Path.Combine(temp.Path, "index-" + name),
            "--parallelism", "1",
            "--Worker:PollInterval=00:00:00.200",
            "--Worker:FollowInterval=00:00:00.500",
            "--Worker:ShutdownGrace=00:00:02",
            "--Worker:StabilityInterval=00:00:00.300");
        processes.Add(worker);
        return worker;
    }

    private WorkerProcess StartServe(string catalog, string shared, string index)
    {
        var node = WorkerProcess.Run("serve", "--catalog", catalog, "--data", shared, "--index", index, "--urls", "http://127.0.0.1:0");
        processes.Add(node);
        return node;
    }

    private static async Task<Uri> AddressOf(WorkerProcess node)
    {
        await node.WaitForLineAsync(l => AddressLine().IsMatch(l), TimeSpan.FromSeconds(90), "'planingest serve: http://…'");
        return new Uri(AddressLine().Match(node.Output.First(l => AddressLine().IsMatch(l))).Groups[1].Value + "/");
    }

    private static async Task WaitUntilSettledAsync(string catalog, int files)
    {
        using var jobs = await PostgresCatalog.OpenAsync(catalog);
        var watch = Stopwatch.StartNew();
        QueueStatus status;
        while (!Status.Settled(status = await jobs.GetStatusAsync(5, CancellationToken.None), files))
        {
            Assert.True(watch.Elapsed < Status.Patience, $"not settled: {string.Join(", ", status.Counts.Select(c => $"{c.Value} {c.Key}"))}");
            await Task.Delay(200);
        }

        Assert.Equal(files, status.Counts[JobState.Indexed]);
    }

    private static async Task<string> DocumentIdAsync(string catalog, string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(catalog);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT id FROM documents WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static void Write(string folder, string name, string text) => File.WriteAllText(Path.Combine(folder, name), text, new UTF8Encoding(false));

    /// <summary>By rename, as a copy tool finishing a batch would.</summary>
    private static void MoveAll(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            File.Move(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private const string DirectiveText = """
        ỦY BAN NHÂN DÂN
        TỈNH THỬ NGHIỆM
        Số: 13/CT-UBND
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Thử Nghiệm, ngày 29 tháng 12 năm 2020

        CHỈ THỊ
        Về đẩy mạnh chuyển đổi số trong cơ quan nhà nước

        Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành số hóa hồ sơ lưu trữ.
        """;

    [GeneratedRegex(@"^planingest serve: (http://\S+?)/? ")]
    private static partial Regex AddressLine();
}
