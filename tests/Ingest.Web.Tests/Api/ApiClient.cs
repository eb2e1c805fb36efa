using System.Net;
using System.Text.Json.Nodes;

namespace PlanIngest.Web.Tests.Api;

/// <summary>Small helpers for asking the server and reading its JSON.</summary>
internal static class ApiClient
{
    public static async Task<JsonNode> JsonAsync(this HttpClient http, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonNode.Parse(body)!;
    }

    /// <summary>A 400 (or other error) whose body is the contract's <c>{ "error": "…" }</c>; returns the message.</summary>
    public static async Task<string> ErrorAsync(this HttpClient http, string path, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var json = await http.JsonAsync(path, expected);
        var error = json["error"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(error), $"GET {path}: no error message in {json.ToJsonString()}");
        Assert.DoesNotContain('\n', error);
        return error!;
    }

    public static IReadOnlyList<string> HitIds(this JsonNode search) => search["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();
}
