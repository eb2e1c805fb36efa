using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using PlanIngest.Tests;
using PlanIngest.Web.Tests.Infrastructure;

namespace PlanIngest.Web.Tests.Security;

/// <summary>Where the server may listen and what it then asks of a request, each on a real <c>serve</c> process.</summary>
public sealed class BindingTests(OneDocumentData folder) : IClassFixture<OneDocumentData>
{
    private const string Key = "a-long-test-key-0123456789";

    private string Data => folder.Data;

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://" + NetworkNamespace.Address + ":0")]
    [InlineData("http://127.0.0.1:0;http://[::]:0")]
    public async Task Without_a_key_it_refuses_to_listen_beyond_loopback(string urls)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(NoKey, "serve", "--data", Data, "--urls", urls);
        Assert.Equal(2, code);
        Assert.Contains("PLANINGEST_API_KEY", stderr);
        Assert.DoesNotContain("planingest serve: http", stdout);
    }

    [Fact]
    public async Task A_short_key_is_refused()
    {
        var (code, _, stderr) = await CliRunner.RunAsync(new Dictionary<string, string> { ["PLANINGEST_API_KEY"] = "secret" }, "serve", "--data", Data, "--urls", "http://0.0.0.0:0");
        Assert.Equal(2, code);
        Assert.Contains("at least 16 characters", stderr);
    }

    [Fact]
    public async Task A_folder_without_a_catalog_is_a_clear_error()
    {
        var (code, _, stderr) = await CliRunner.RunAsync(NoKey, "serve", "--data", Path.Combine(folder.Root, "nothing"), "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, code);
        Assert.Contains("no catalog here", stderr);
    }

    [Fact]
    public async Task A_port_in_use_is_a_clear_error()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (code, _, stderr) = await CliRunner.RunAsync(NoKey, "serve", "--data", Data, "--urls", $"http://127.0.0.1:{port}");
        Assert.Equal(1, code);
        Assert.Contains($"cannot listen on http://127.0.0.1:{port}", stderr);
    }

    [Fact]
    public async Task On_a_non_loopback_address_every_request_needs_the_key()
    {
        await using var server = await ServerProcess.StartAsync(
            ["serve", "--data", Data, "--urls", $"http://{NetworkNamespace.Address}:5080"],
            new Dictionary<string, string> { ["PLANINGEST_API_KEY"] = Key },
            NetworkNamespace.Wrapper);
        var url = $"http://{NetworkNamespace.Address}:5080";

        var bare = await NetworkNamespace.CurlAsync(server.Pid, url + "/api/search?q=van+hoa");
        Assert.Equal(401, bare.Status);
        Assert.StartsWith("Basic", bare.Headers["www-authenticate"]);
        Assert.Contains("API key", JsonNode.Parse(bare.Body)!["error"]!.GetValue<string>());
        Assert.Equal(401, (await NetworkNamespace.CurlAsync(server.Pid, url + "/")).Status);
        Assert.Equal(401, (await NetworkNamespace.CurlAsync(server.Pid, url + "/static/site.css")).Status);
        Assert.Equal(401, (await NetworkNamespace.CurlAsync(server.Pid, url + "/api/search", "-H", "X-Api-Key: wrong-key-0123456789")).Status);

        var withHeader = await NetworkNamespace.CurlAsync(server.Pid, url + "/api/search?q=van+hoa", "-H", $"X-Api-Key: {Key}");
        Assert.Equal(200, withHeader.Status);
        Assert.Equal(1, JsonNode.Parse(withHeader.Body)!["total"]!.GetValue<int>());
        Assert.Equal(200, (await NetworkNamespace.CurlAsync(server.Pid, url + "/api/search", "-H", $"Authorization: Bearer {Key}")).Status);
        // What a browser sends after its login prompt: any user name, the key as password.
        Assert.Equal(200, (await NetworkNamespace.CurlAsync(server.Pid, url + "/", "-u", $"can-bo:{Key}")).Status);
        // Probes need no key, and learn nothing but that it is up.
        Assert.Equal(200, (await NetworkNamespace.CurlAsync(server.Pid, url + "/health")).Status);

        Assert.Equal(0, await server.StopAsync());
    }

    [Fact]
    public async Task While_it_serves_an_ingest_can_write_and_the_page_sees_it_then_sigterm_stops_it_cleanly()
    {
        // A folder of its own, since this test adds a document.
        var data = Path.Combine(folder.Root, "written");
        var (first, _, error) = await CliRunner.RunAsync("ingest", RepoPaths.TestData("search", "s01_ubnd_huyen_thanh_son_van_hoa_2022.txt"), "--data", data);
        Assert.True(first == 0, error);
        await using var server = await ServerProcess.StartAsync(["serve", "--data", data, "--urls", "http://127.0.0.1:0"], NoKey);
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(1, JsonNode.Parse(await http.GetStringAsync("api/search?limit=0"))!["total"]!.GetValue<int>());

        // serve holds no write lock: a writer gets in while it runs, and its commit is searchable without a restart.
        var (code, _, stderr) = await CliRunner.RunAsync("ingest", RepoPaths.TestData("search", "s02_ubnd_huyen_thanh_son_van_hoa_2023.txt"), "--data", data);
        Assert.True(code == 0, stderr);
        Assert.Equal(2, JsonNode.Parse(await http.GetStringAsync("api/search?limit=0"))!["total"]!.GetValue<int>());

        Assert.Equal(0, await server.StopAsync());
    }

    private static Dictionary<string, string> NoKey => new() { ["PLANINGEST_API_KEY"] = string.Empty };
}

/// <summary>A data folder holding one plan (s01), made once for the binding tests.</summary>
public sealed class OneDocumentData : IAsyncLifetime
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("planingest-web-security-");

    public string Root => root.FullName;

    public string Data => Path.Combine(Root, "data");

    public async Task InitializeAsync()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("ingest", RepoPaths.TestData("search", "s01_ubnd_huyen_thanh_son_van_hoa_2022.txt"), "--data", Data);
        Assert.True(code == 0, stderr);
    }

    public Task DisposeAsync()
    {
        root.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
