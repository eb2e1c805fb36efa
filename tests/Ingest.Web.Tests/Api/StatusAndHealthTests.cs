using System.Net;
using PlanIngest.Web.Tests.Infrastructure;

namespace PlanIngest.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class StatusAndHealthTests(WebFixture web)
{
    [Fact]
    public async Task Health_is_200_once_serving_and_counts_what_is_there()
    {
        var health = await web.Http.JsonAsync("health");
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        // An upload test may have added one by now.
        Assert.InRange(health["documents"]!.GetValue<int>(), web.Ids.Count, web.Ids.Count + 1);
        Assert.Equal(health["documents"]!.GetValue<int>(), health["indexed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Status_is_what_status_json_prints_and_shows_the_worker_running()
    {
        var status = await web.Http.JsonAsync("api/status");
        Assert.True(status["worker"]!["running"]!.GetValue<bool>());
        Assert.Equal(web.Inbox, status["inbox"]!["path"]!.GetValue<string>());
        Assert.InRange(status["documents"]!.GetValue<int>(), web.Ids.Count, web.Ids.Count + 1);
        Assert.True(status["counts"]!["indexed"]!.GetValue<int>() >= 1, "s01 went through the worker");
        var (code, cli, stderr) = await Planingest.RunAsync("status", "--data", web.Data, "--json");
        Assert.True(code == 0, stderr);
        // Same shape and the same facts (free bytes and the inbox's waiting count can move between the two reads).
        var fromCli = System.Text.Json.Nodes.JsonNode.Parse(cli)!;
        Assert.Equal(fromCli["counts"]!.ToJsonString(), (await web.Http.JsonAsync("api/status"))["counts"]!.ToJsonString());
        Assert.Equal(fromCli["worker"]!["pid"]!.GetValue<int>(), status["worker"]!["pid"]!.GetValue<int>());
        Assert.Contains("unknown parameter", await web.Http.ErrorAsync("api/status?verbose=1"));
    }

    [Fact]
    public async Task Every_answer_carries_a_policy_that_runs_no_inline_script()
    {
        foreach (var path in new[] { "", "api/search", "compare", "status", "no-such-page" })
        {
            using var response = await web.Http.GetAsync(path);
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task A_loopback_server_answers_only_to_loopback_names()
    {
        // A page elsewhere that rebinds its own name to 127.0.0.1 would send its name as Host.
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/search");
        request.Headers.Host = "evil.example";
        using var response = await web.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var localhost = new HttpRequestMessage(HttpMethod.Get, "health");
        localhost.Headers.Host = "localhost";
        Assert.Equal(HttpStatusCode.OK, (await web.Http.SendAsync(localhost)).StatusCode);
    }

    [Fact]
    public async Task An_upload_without_the_forms_token_is_refused_and_nothing_reaches_the_inbox()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("KẾ HOẠCH thử"u8.ToArray()), "files", "forged.txt" } };
        using var response = await web.Http.PostAsync("upload", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Directory.EnumerateFiles(web.Inbox), f => Path.GetFileName(f).StartsWith("forged", StringComparison.Ordinal));
    }
}
