using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PlanIngest.Web.Tests.Infrastructure;
using PlanIngest.Tests;

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
        var (code, cli, stderr) = await CliRunner.RunAsync("status", "--data", web.Data, "--json");
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
    public async Task An_upload_needs_the_forms_token_and_the_cookie_it_came_with()
    {
        // A browser of its own: it keeps the anti-forgery cookie the status page sets.
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = web.Address };
        var token = Regex.Match(await browser.GetStringAsync("status"), "name=\"__planingest_token\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        // Without the token, and with the token copied into a request that lacks the form's cookie (what another
        // site's page could at best send: the cookie is SameSite=Strict): refused, nothing reaches the inbox.
        var (code, body) = await PostAsync(browser, "forged-no-token.pdf", token: null);
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("Biểu mẫu đã cũ hoặc không phải từ trang này", body);
        using var noCookies = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = web.Address };
        (code, body) = await PostAsync(noCookies, "forged-no-cookie.pdf", token);
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("Biểu mẫu đã cũ hoặc không phải từ trang này", body);
        Assert.DoesNotContain(Directory.EnumerateFiles(web.Inbox), f => Path.GetFileName(f).StartsWith("forged", StringComparison.Ordinal));

        // The form's own token with its cookie is taken (a PDF that is broken inside: the worker sets it aside, so no document is added).
        (code, body) = await PostAsync(browser, "token-and-cookie.pdf", token);
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Contains("<code>token-and-cookie.pdf</code>", body);
    }

    private async Task<(HttpStatusCode Code, string Body)> PostAsync(HttpClient client, string name, string? token)
    {
        var broken = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog " + Guid.NewGuid() + "\n");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(broken), "files", name } };
        if (token is not null)
        {
            form.Add(new StringContent(token), "__planingest_token");
        }

        using var response = await client.PostAsync("upload", form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
