using PlanIngest.Search.Query;

namespace PlanIngest.Bench;

/// <summary>
/// The benchmark's fixed query mix (issue 8): common words matching nearly every generated plan, words
/// with a filter, the empty query (everything, as the web page's first view), a cited number, a phrase
/// and a wildcard. Each is asked for 10 hits with snippets.
/// </summary>
internal static class QueryMix
{
    /// <summary>The three facets every query of the mix counts.</summary>
    public static readonly string[] BenchFacets = ["doc_type", "level", "year"];

    /// <summary>Every facet, as the web page asks for them.</summary>
    public static readonly string[] AllFacets = ["doc_type", "issuer", "province", "level", "year", "cites", "campaign"];

    public static IReadOnlyList<SearchRequest> Requests { get; } =
    [
        new() { Text = "gia đình văn hóa" },
        new() { Text = "phong trao thi dua" },
        new() { Text = "nông thôn mới", Filters = [("level", "xã")] },
        new() { Text = string.Empty },
        new() { Cites = "13/CT-UBND" },
        new() { Text = "bao hiem y te", Filters = [("year", "2023")] },
        new() { Text = "\"chuyển đổi số\"" },
        new() { Text = "phòng chống thiên tai", Filters = [("province", "Nghệ An")] },
        new() { Text = "tuyên truyền pháp luật", Filters = [("doc_type", "Kế hoạch"), ("level", "huyện")] },
        new() { Text = "tiem chung*" },
    ];

    public static SearchRequest[] WithFacets(string[] facets) => Requests.Select(r => r with { Facets = facets }).ToArray();

    public static string Label(SearchRequest request) =>
        request.Cites is { } c ? "--cites " + c : "\"" + request.Text + "\"" + string.Concat(request.Filters.Select(f => $" {f.Name}={f.Value}"));
}

/// <summary>The machine's load average, printed beside every figure: on a shared machine it says what a figure is worth.</summary>
internal static class Load
{
    public static string Average()
    {
        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return $"load {parts[0]} {parts[1]} {parts[2]}";
    }
}
