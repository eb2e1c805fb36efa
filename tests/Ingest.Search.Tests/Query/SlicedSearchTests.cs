using PlanIngest.Extraction.Model;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Tests.Query;

/// <summary>
/// A large index is searched in slices of segments at the same time, each with its own collectors, then
/// merged. Over one index of several segments, a search cut into three slices must answer exactly as the
/// same search in one: the same total, the same hits in the same order with the same scores (ties by id,
/// across slices), the same pages, the same facet counts.
/// </summary>
public sealed class SlicedSearchTests : IDisposable
{
    private static readonly string[] Facets = ["level", "year", "cites", "issuer"];

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-slices-");

    private string IndexPath => Path.Combine(folder.FullName, "index");

    public static TheoryData<string, string?, int, int> Requests => new()
    {
        { "kế hoạch", null, 0, 10 },
        { "phòng chống dịch", null, 0, 5 },
        { "phong chong dich", null, 3, 7 },
        { "\"tiêm chủng\"", null, 0, 50 },
        { "tiem*", "2023", 0, 10 },
        { "", null, 0, 10 },
        { "", "2022", 5, 10 },
        { "thiên tai OR tiêm", null, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Three_slices_answer_as_one(string text, string? year, int offset, int limit)
    {
        Build();
        using var whole = DocumentIndex.OpenForReading(IndexPath, slices: 1)!;
        using var sliced = DocumentIndex.OpenForReading(IndexPath, slices: 3)!;
        Assert.Equal(3, SliceCount(sliced));
        Assert.Equal(1, SliceCount(whole));
        var request = new SearchRequest
        {
            Text = text,
            Filters = year is null ? [] : [("year", year)],
            Facets = Facets,
            Offset = offset,
            Limit = limit,
        };

        var expected = new PlanSearcher(whole).Search(request);
        var actual = new PlanSearcher(sliced).Search(request);

        Assert.True(expected.Total > 0);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Hits.Select(h => (h.Id, h.Score, h.Snippet)), actual.Hits.Select(h => (h.Id, h.Score, h.Snippet)));
        foreach (var facet in Facets)
        {
            Assert.Equal(expected.Facets[facet].Select(v => (v.Value, v.Count)), actual.Facets[facet].Select(v => (v.Value, v.Count)));
        }
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static int SliceCount(DocumentIndex index)
    {
        var searcher = (PlanIndexSearcher)index.Searchers.Acquire();
        try
        {
            return searcher.Slices.Count;
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    // Five commits, so five segments of unequal size; texts repeat, so many scores tie and the id decides.
    private void Build()
    {
        string[] topics = ["phòng chống dịch bệnh và tiêm chủng", "phòng chống thiên tai", "tiêm chủng mở rộng", "kế hoạch chung"];
        using var index = DocumentIndex.OpenForWriting(IndexPath, slices: null, mergeSegments: false);
        var sequence = 0;
        for (var commit = 0; commit < 5; commit++)
        {
            for (var i = 0; i < 6 + commit * 3; i++)
            {
                var n = ++sequence;
                index.Upsert(Plan($"{n * 7919 % 1000:D4}-{n}", (IssuerLevel)(n % 3), 2021 + n % 3, topics[n % topics.Length], n % 4 == 0 ? "13/CT-UBND" : "45-CT/TW"));
            }

            index.Commit("catalog", sequence);
        }

        // A replaced document leaves a deletion behind in an older segment.
        index.Upsert(Plan("0919-1", IssuerLevel.Commune, 2023, topics[2], "05-CT/TW"));
        index.Commit("catalog", ++sequence);
    }

    private static IndexedDocument Plan(string id, IssuerLevel level, int year, string topic, string cite) =>
        TestPlans.Plan(id, level, year, $"KẾ HOẠCH\n{topic} năm {year}\nCăn cứ Chỉ thị số {cite};\nTổ chức {topic} trên địa bàn.\n", [cite]);
}
