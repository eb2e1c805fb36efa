using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PlanIngest.Tests;

namespace PlanIngest.Web.Tests.Infrastructure;

/// <summary>
/// A real data folder built by <c>planingest ingest</c> over the search fixtures, the five seeds and the
/// web fixtures — except s01, which is dropped into the inbox and taken in by the worker, so that its
/// original is in the archive as the worker keeps it — two traps planted in the archive (a link to
/// /etc/passwd, a file whose bytes are not its name's), and <c>planingest watch INBOX --serve</c> running
/// on it on a free loopback port: the worker and the page in one process, as the main job runs them.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("planingest-web-");
    private ServerProcess? server;

    public string Data => Path.Combine(root.FullName, "data");

    public string Inbox => Path.Combine(root.FullName, "inbox");

    /// <summary>Document id by the stem of its fixture's file name ("s01", "000", "w01").</summary>
    public IReadOnlyDictionary<string, string> Ids { get; private set; } = new Dictionary<string, string>();

    /// <summary>The fixture file each id was ingested from.</summary>
    public IReadOnlyDictionary<string, string> Files { get; private set; } = new Dictionary<string, string>();

    public Uri Address => server?.Address ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; private set; } = default!;

    /// <summary>Taken in by the worker: its original is in the archive.</summary>
    public string ArchivedId => Ids["s01"];

    /// <summary>Its "original" in the archive is a symbolic link to /etc/passwd.</summary>
    public string LinkTrapId => Ids["s03"];

    /// <summary>Its "original" in the archive holds other bytes than the ones its id is the hash of.</summary>
    public string SwappedId => Ids["s04"];

    public static IReadOnlyList<string> FixtureFiles { get; } =
    [
        .. Directory.GetFiles(RepoPaths.TestData("search"), "*.txt"),
        .. Directory.GetFiles(RepoPaths.TestData("seeds"), "*.txt"),
        .. Directory.GetFiles(RepoPaths.TestData("web"), "*.txt"),
    ];

    public async Task InitializeAsync()
    {
        var dropped = FixtureFiles.Single(f => Path.GetFileName(f).StartsWith("s01_", StringComparison.Ordinal));
        var (code, stdout, stderr) = await CliRunner.RunAsync(["ingest", .. FixtureFiles.Where(f => f != dropped), "--data", Data, "--json"]);
        Assert.True(code == 0, $"ingest failed ({code}): {stderr}");
        var ids = new Dictionary<string, string>();
        var files = new Dictionary<string, string>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var result = JsonNode.Parse(line)!;
            var path = result["path"]!.GetValue<string>();
            var id = result["id"]!.GetValue<string>();
            ids[Path.GetFileName(path).Split('_')[0]] = id;
            files[id] = path;
        }

        var droppedId = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(dropped)));
        ids["s01"] = droppedId;
        files[droppedId] = dropped;
        Ids = ids;
        Files = files;
        PlantArchive();
        Directory.CreateDirectory(Inbox);
        File.Copy(dropped, Path.Combine(Inbox, Path.GetFileName(dropped)));
        server = await ServerProcess.StartAsync(["watch", Inbox, "--data", Data, "--stability", "0.3", "--serve", "--urls", "http://127.0.0.1:0"]);
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        await WaitUntilSearchableAsync(droppedId, TimeSpan.FromSeconds(90));
    }

    /// <summary>Waits until the worker has taken a document in and the page finds it.</summary>
    public async Task WaitUntilSearchableAsync(string id, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            using var response = await Http.GetAsync($"api/documents/{id}?pages=false");
            if (response.IsSuccessStatusCode && (await Http.GetStringAsync("api/search?limit=100")).Contains(id, StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"document {id} not searchable after {limit}; worker log: {ServerLog}");
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        root.Delete(recursive: true);
    }

    /// <summary>The server's stderr so far, for a failing assertion's message.</summary>
    public string ServerLog => server?.Stderr ?? string.Empty;

    public string ArchivePathOf(string id, string extension) => Path.Combine(Data, "archive", id[..2], id + extension);

    private void PlantArchive()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ArchivePathOf(LinkTrapId, ".txt"))!);
        File.CreateSymbolicLink(ArchivePathOf(LinkTrapId, ".txt"), "/etc/passwd");

        Directory.CreateDirectory(Path.GetDirectoryName(ArchivePathOf(SwappedId, ".txt"))!);
        File.WriteAllText(ArchivePathOf(SwappedId, ".txt"), "root:x:0:0:root:/root:/bin/bash\n");
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "web server";
}
