using System.Text;
using System.Text.Json;
using PlanIngest.Extraction.Text;
using PlanIngest.Search.Query;

namespace PlanIngest.Bench;

/// <summary>
/// A fixed, varied set of searches whose full answers (total, hits with scores and snippets, every facet)
/// are written one JSON line each: run before and after a change to the search, and the two files must be
/// identical (<c>SearchBench answers DIR FILE</c>; <c>cmp</c> the files). Words, accent-stripped words,
/// phrases, wildcards, OR and NOT, filters, cited numbers, the empty query, pages past the first.
/// </summary>
internal static class AnswerSet
{
    private static readonly string[] Words =
    [
        "gia đình văn hóa", "phong trào thi đua", "nông thôn mới", "bảo hiểm y tế", "chuyển đổi số", "thiên tai", "tuyên truyền",
        "pháp luật", "tiêm chủng", "đảng viên", "môi trường", "rác thải", "an toàn giao thông", "hộ nghèo", "nước sạch", "kế hoạch",
        "cải cách hành chính", "khu dân cư", "giám sát", "khen thưởng", "kinh phí", "mặt trận", "đoàn viên", "xã hội hóa", "báo cáo",
        "ủy ban nhân dân", "huyện ủy", "sức khỏe", "việc làm", "cứu nạn", "trong sạch vững mạnh", "dân vận khéo", "chủ nhật xanh",
    ];

    private static readonly (string Name, string[] Values)[] Filters =
    [
        ("level", ["xã", "huyện", "tỉnh", "trung ương"]),
        ("year", ["2018", "2020", "2022", "2023", "2025"]),
        ("doc_type", ["Kế hoạch", "Báo cáo", "Hướng dẫn", "Chương trình"]),
        ("province", ["Nghệ An", "Phú Thọ", "Cà Mau", "Lào Cai"]),
        ("cites", ["13/CT-UBND", "45-CT/TW", "43-NQ/TW"]),
        ("campaign", ["Dân vận khéo", "Ngày Chủ nhật xanh"]),
    ];

    private static readonly string[] AllFacets = ["doc_type", "issuer", "province", "level", "year", "cites", "campaign"];

    public static IReadOnlyList<SearchRequest> Requests(int count, int seed = 10)
    {
        var random = new Random(seed);
        var requests = new List<SearchRequest>();
        for (var i = 0; i < count; i++)
        {
            var text = (random.Next(12)) switch
            {
                0 => string.Empty,
                1 => "\"" + Pick(random, Words) + "\"",
                2 => Pick(random, Words) + " OR " + Pick(random, Words),
                3 => Pick(random, Words) + " NOT " + Pick(random, Words).Split(' ')[0],
                4 => Prefix(Pick(random, Words)) + "*",
                5 or 6 => TextFolding.Fold(Pick(random, Words)),
                _ => Pick(random, Words),
            };
            var filters = new List<(string, string)>();
            for (var f = random.Next(4) - 1; f > 0; f--)
            {
                var (name, values) = Pick(random, Filters);
                filters.Add((name, Pick(random, values)));
            }

            var cites = random.Next(10) == 0 ? Pick(random, Filters[4].Values) : null;
            var facets = random.Next(3) == 0 ? AllFacets : AllFacets.Where(_ => random.Next(2) == 0).ToArray();
            requests.Add(new SearchRequest
            {
                Text = text,
                Cites = cites,
                Filters = filters,
                Facets = facets,
                Offset = random.Next(6) switch { 0 => 10, 1 => 37, _ => 0 },
                Limit = random.Next(6) switch { 0 => 0, 1 => 25, _ => 10 },
            });
        }

        return requests;
    }

    /// <summary>One line per request: the request, then its answer or its error.</summary>
    public static void Write(PlanSearcher searcher, IReadOnlyList<SearchRequest> requests, TextWriter output)
    {
        foreach (var request in requests)
        {
            var line = new StringBuilder(JsonSerializer.Serialize(new { request.Text, request.Cites, Filters = request.Filters.Select(f => f.Name + ":" + f.Value), request.Facets, request.Offset, request.Limit }));
            try
            {
                line.Append('\t').Append(JsonSerializer.Serialize(searcher.Search(request)));
            }
            catch (BadQueryException e)
            {
                line.Append("\terror: ").Append(e.Message);
            }

            output.WriteLine(line.ToString());
        }
    }

    private static string Prefix(string words)
    {
        var first = words.Split(' ')[0];
        return first[..Math.Min(3, first.Length)];
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
