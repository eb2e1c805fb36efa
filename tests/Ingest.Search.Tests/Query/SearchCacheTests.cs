using PlanIngest.Extraction.Model;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Tests.Query;

/// <summary>
/// The searcher's caches (filters as bitsets per segment, <see cref="FilterCache"/>; answers per index generation,
/// <see cref="ResultCache"/>) must never answer differently from a search without them: a filter asked again
/// after documents were deleted, replaced and added in new segments counts what is there now, and a cached
/// answer is dropped at the next commit.
/// </summary>
public sealed class SearchCacheTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-cache-");
    private readonly DocumentIndex index;
    private int sequence;

    public SearchCacheTests()
    {
        index = DocumentIndex.OpenForWriting(Path.Combine(folder.FullName, "index"));
        for (var commit = 0; commit < 3; commit++)
        {
            for (var i = 0; i < 12; i++)
            {
                Add($"p{commit}-{i}", i % 2 == 0 ? IssuerLevel.Commune : IssuerLevel.District, 2022 + (i % 3), i % 3 == 0 ? ["13/CT-UBND"] : []);
            }

            index.Commit("catalog", sequence);
        }
    }

    [Fact]
    public void A_cached_filter_follows_deletions_replacements_and_new_segments()
    {
        var cached = new PlanSearcher(index);
        SearchRequest[] requests =
        [
            new() { Text = "tiêm chủng", Filters = [("level", "xã")], Facets = ["year", "cites"], Limit = 100 },
            new() { Cites = "13/CT-UBND", Facets = ["level"], Limit = 100 },
            new() { Filters = [("year", "2023"), ("level", "huyện")], Facets = ["level"], Limit = 100 },
        ];
        foreach (var request in requests)
        {
            Assert.Equal(Answer(new PlanSearcher(index).Search(request)), Answer(cached.Search(request)));
        }

        Assert.Equal(18, cached.Search(requests[0]).Total);

        index.Delete("p0-0");
        index.Upsert(TestPlans.Plan("p1-2", IssuerLevel.District, 2023, "Kế hoạch tiêm chủng mở rộng năm 2023", ["13/CT-UBND"]));
        Add("p9-0", IssuerLevel.Commune, 2023, ["13/CT-UBND"]);
        index.Commit("catalog", ++sequence);

        foreach (var request in requests)
        {
            // A fresh searcher (no cache) reads the postings again; the cached one reuses the bitsets of the old segments.
            var expected = Answer(new PlanSearcher(index).Search(request));
            Assert.Equal(expected, Answer(cached.Search(request)));
        }

        // 18 communes' plans less the deleted one and the one replaced by a district's, plus the new one.
        Assert.Equal(17, cached.Search(requests[0]).Total);
    }

    [Fact]
    public void A_cached_answer_is_the_same_until_the_next_commit()
    {
        var searcher = new PlanSearcher(index, cachedResults: 8);
        var request = new SearchRequest { Text = "tiêm chủng", Facets = ["level", "year"], Limit = 100 };
        var first = searcher.Search(request);
        Assert.Same(first, searcher.Search(request));
        Assert.NotSame(first, searcher.Search(request with { Limit = 5 }));
        Assert.NotSame(first, searcher.Search(request with { Facets = ["level"] }));

        Add("p9-1", IssuerLevel.Commune, 2024, []);
        index.Commit("catalog", sequence);
        var after = searcher.Search(request);
        Assert.Equal(first.Total + 1, after.Total);
        Assert.Equal(Answer(new PlanSearcher(index).Search(request)), Answer(after));
    }

    [Fact]
    public void At_most_the_capacity_is_kept_and_the_least_recently_used_goes_first()
    {
        var searcher = new PlanSearcher(index, cachedResults: 2);
        SearchRequest a = new() { Text = "tiêm" }, b = new() { Text = "chủng" }, c = new() { Text = "kế hoạch" };
        var first = searcher.Search(a);
        searcher.Search(b);
        Assert.Same(first, searcher.Search(a));
        searcher.Search(c);
        Assert.Same(first, searcher.Search(a));
        var again = searcher.Search(b);
        Assert.NotSame(again, searcher.Search(c));
    }

    public void Dispose()
    {
        index.Dispose();
        folder.Delete(recursive: true);
    }

    private void Add(string id, IssuerLevel level, int year, string[] cites) =>
        index.Upsert(TestPlans.Plan(id, level, year, $"Kế hoạch tiêm chủng mở rộng năm {year}", cites) with { Sequence = ++sequence });

    // What a filter decides: which documents match and the facets over them. Not the scores: a background merge
    // (which drops deleted documents from the term statistics) may finish between two searches and change them.
    private static string Answer(SearchResponse response) =>
        $"{response.Total} " + string.Join(",", response.Hits.Select(h => h.Id).Order(StringComparer.Ordinal)) + " " +
        string.Join(";", response.Facets.Select(f => f.Key + "=" + string.Join(",", f.Value.Select(v => $"{v.Value}:{v.Count}"))));
}
