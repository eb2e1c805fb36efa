using System.Text.Json.Nodes;
using PlanIngest.Worker.Tests.Cli;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>What <c>planingest search</c> (the real command) finds in a data folder's index.</summary>
internal static class Search
{
    /// <summary>The ids of every indexed document (an empty query matches them all).</summary>
    public static Task<IReadOnlyList<string>> AllAsync(string data) => IdsAsync(data, string.Empty);

    public static async Task<IReadOnlyList<string>> IdsAsync(string data, string query)
    {
        var result = await CliRunner.RunAsync("search", query, "--data", data, "--json", "--limit", "1000");
        Assert.True(result.ExitCode == 0, $"search failed: {result.Stderr}");
        var json = JsonNode.Parse(result.Stdout)!;
        var ids = json["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(json["total"]!.GetValue<int>(), ids.Count);
        return ids;
    }
}
