using PlanIngest.Extraction.Model;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Tests.Facets;

/// <summary>
/// Facet ordinals are built once per opened commit (searcher generation) and reused per segment: the counts
/// must follow every commit — new documents, replaced documents, deletions — whether the query matches
/// everything (counts made at opening) or some documents (counted per match).
/// </summary>
public sealed class FacetGenerationTests : IDisposable
{
    private static readonly string[] Facets = ["level", "year", "cites", "issuer"];

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-facets-");

    private string IndexPath => Path.Combine(folder.FullName, "index");

    [Fact]
    public void Counts_follow_a_new_commit_a_replaced_document_and_a_deletion()
    {
        using var index = DocumentIndex.OpenForWriting(IndexPath);
        var searcher = new PlanSearcher(index);
        index.Upsert(Plan("a", IssuerLevel.Province, 2022, "13/CT-UBND"));
        index.Upsert(Plan("b", IssuerLevel.District, 2022, "13/CT-UBND", "45-CT/TW"));
        index.Commit("catalog", 2);

        Assert.Equal([("huyện", 1), ("tỉnh", 1)], Level(searcher, ""));
        Assert.Equal([("13/CT-UBND", 2), ("45-CT/TW", 1)], Cites(searcher, ""));

        // A second segment, and "a" replaced (its old version deleted in the first segment).
        index.Upsert(Plan("a", IssuerLevel.Commune, 2023, "45-CT/TW"));
        index.Upsert(Plan("c", IssuerLevel.Commune, 2023, "05-CT/TW"));
        index.Commit("catalog", 4);

        Assert.Equal([("xã", 2), ("huyện", 1)], Level(searcher, ""));
        Assert.Equal([("xã", 2), ("huyện", 1)], Level(searcher, "kế hoạch"));
        Assert.Equal([("45-CT/TW", 2), ("05-CT/TW", 1), ("13/CT-UBND", 1)], Cites(searcher, ""));
        Assert.Equal([("45-CT/TW", 2), ("05-CT/TW", 1), ("13/CT-UBND", 1)], Cites(searcher, "kế hoạch"));
        Assert.Equal([("2023", 2), ("2022", 1)], Year(searcher, ""));

        index.Delete("b");
        index.Commit("catalog", 5);

        Assert.Equal([("xã", 2)], Level(searcher, ""));
        Assert.Equal([("xã", 2)], Level(searcher, "kế hoạch"));
        Assert.Equal([("05-CT/TW", 1), ("45-CT/TW", 1)], Cites(searcher, ""));
        Assert.Equal(2, searcher.Search(new SearchRequest { Facets = Facets }).Total);
    }

    [Fact]
    public void Changes_not_yet_committed_are_counted_once_the_searcher_refreshes()
    {
        using var index = DocumentIndex.OpenForWriting(IndexPath);
        var searcher = new PlanSearcher(index);
        index.Upsert(Plan("a", IssuerLevel.Province, 2022, "13/CT-UBND"));
        index.Commit("catalog", 1);
        Assert.Equal([("tỉnh", 1)], Level(searcher, ""));

        // The near-real-time reader sees the writer's uncommitted document on the next search.
        index.Upsert(Plan("b", IssuerLevel.Province, 2024, "13/CT-UBND"));

        Assert.Equal([("tỉnh", 2)], Level(searcher, ""));
        Assert.Equal([("13/CT-UBND", 2)], Cites(searcher, "kế hoạch"));
    }

    [Fact]
    public void A_reader_in_another_process_role_sees_the_next_commit()
    {
        using var writer = DocumentIndex.OpenForWriting(IndexPath);
        writer.Upsert(Plan("a", IssuerLevel.Province, 2022, "13/CT-UBND"));
        writer.Commit("catalog", 1);
        using var reader = DocumentIndex.OpenForReading(IndexPath)!;
        var searcher = new PlanSearcher(reader);
        Assert.Equal([("tỉnh", 1)], Level(searcher, ""));

        writer.Upsert(Plan("b", IssuerLevel.District, 2022, "13/CT-UBND"));
        writer.Commit("catalog", 2);

        Assert.Equal([("huyện", 1), ("tỉnh", 1)], Level(searcher, ""));
        Assert.Equal([("13/CT-UBND", 2)], Cites(searcher, "kế hoạch"));
    }

    [Fact]
    public void A_segment_is_read_out_once_and_reused_by_the_next_generation()
    {
        using var index = DocumentIndex.OpenForWriting(IndexPath);
        index.Upsert(Plan("a", IssuerLevel.Province, 2022, "13/CT-UBND"));
        index.Commit("catalog", 1);
        var cache = new SegmentOrdinalCache();
        using var first = Lucene.Net.Index.DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(IndexPath));
        var level = FacetDimension.Level.CountField;
        var old = cache.Get(first.Leaves[0].AtomicReader, level);
        Assert.Same(old, cache.Get(first.Leaves[0].AtomicReader, level));

        index.Upsert(Plan("b", IssuerLevel.District, 2022, "13/CT-UBND"));
        index.Commit("catalog", 2);
        using var second = Lucene.Net.Index.DirectoryReader.OpenIfChanged(first)!;

        Assert.Equal(2, second.Leaves.Count);
        Assert.Same(old, cache.Get(second.Leaves[0].AtomicReader, level));
        Assert.NotSame(old, cache.Get(second.Leaves[1].AtomicReader, level));
        Assert.Equal(1, cache.Get(second.Leaves[1].AtomicReader, level).ValueCount);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static List<(string, int)> Level(PlanSearcher searcher, string text) => Facet(searcher, text, "level");

    private static List<(string, int)> Year(PlanSearcher searcher, string text) => Facet(searcher, text, "year");

    private static List<(string, int)> Cites(PlanSearcher searcher, string text) => Facet(searcher, text, "cites");

    private static List<(string, int)> Facet(PlanSearcher searcher, string text, string name) =>
        searcher.Search(new SearchRequest { Text = text, Facets = Facets, Limit = 0 }).Facets[name].Select(v => (v.Value, v.Count)).ToList();

    private static IndexedDocument Plan(string id, IssuerLevel level, int year, params string[] cites) =>
        TestPlans.Plan(id, level, year, $"KẾ HOẠCH\nThực hiện năm {year}\n" + string.Concat(cites.Select(c => $"Căn cứ Chỉ thị số {c};\n")), cites);
}
