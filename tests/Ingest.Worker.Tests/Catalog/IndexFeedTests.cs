using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Tests.Catalog;

[Collection(FixtureRecordsCollection.Name)]
public sealed class IndexFeedTests(FixtureRecords fixtures) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-feed-");

    private DataFolder Data => DataFolder.At(folder.FullName);

    [Fact]
    public async Task The_index_catches_up_from_the_sequence_its_last_commit_reached()
    {
        using var catalog = SqliteCatalog.Open(Data.CatalogPath);
        await catalog.CommitAsync([fixtures.Records["s01"], fixtures.Records["s02"]]);
        using (var index = DocumentIndex.OpenForWriting(Data.IndexPath))
        {
            Assert.Equal(2, await new IndexFeed(catalog, index).CatchUpAsync());
        }

        // Committed to the catalog while no index was open, as after a crash between the two.
        await catalog.CommitAsync([fixtures.Records["s03"]]);
        using var reopened = DocumentIndex.OpenForWriting(Data.IndexPath);
        Assert.Equal(2, reopened.Committed.Sequence);
        var feed = new IndexFeed(catalog, reopened);
        Assert.Equal(1, await feed.LagAsync());

        Assert.Equal(1, await feed.CatchUpAsync());
        Assert.Equal(3, reopened.Count);
        Assert.Equal(new IndexState(catalog.CatalogId, 3, IndexState.Empty.Schema), reopened.Committed);
    }

    [Fact]
    public async Task An_index_fed_from_another_catalog_is_rebuilt_not_appended_to()
    {
        using (var other = SqliteCatalog.Open(Path.Combine(folder.FullName, "other.db")))
        using (var index = DocumentIndex.OpenForWriting(Data.IndexPath))
        {
            await other.CommitAsync([fixtures.Records["s05"], fixtures.Records["s06"], fixtures.Records["s07"]]);
            await new IndexFeed(other, index).CatchUpAsync();
        }

        using var catalog = SqliteCatalog.Open(Data.CatalogPath);
        await catalog.CommitAsync([fixtures.Records["s01"]]);
        using var reopened = DocumentIndex.OpenForWriting(Data.IndexPath);
        await new IndexFeed(catalog, reopened).CatchUpAsync();

        Assert.Equal(1, reopened.Count);
        Assert.Equal([fixtures.Records["s01"].Source.Sha256], new PlanSearcher(reopened).Search(new SearchRequest()).Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task An_index_written_in_an_older_schema_is_rebuilt_in_the_current_one()
    {
        using var catalog = SqliteCatalog.Open(Data.CatalogPath);
        await catalog.CommitAsync([fixtures.Records["s01"], fixtures.Records["s02"]]);
        using (var index = DocumentIndex.OpenForWriting(Data.IndexPath))
        {
            await new IndexFeed(catalog, index).CatchUpAsync();
        }

        // Same catalog, same sequence, but the commit says schema 2 (as an index from before a field change),
        // and it holds a document the catalog does not have: appending would keep it, a rebuild drops it.
        StampOlderSchema(Data.IndexPath, "2");
        using var reopened = DocumentIndex.OpenForWriting(Data.IndexPath);
        Assert.Equal("2", reopened.Committed.Schema);
        Assert.Equal(3, reopened.Count);

        Assert.Equal(2, await new IndexFeed(catalog, reopened).CatchUpAsync());

        Assert.Equal(new IndexState(catalog.CatalogId, 2, IndexState.Empty.Schema), reopened.Committed);
        Assert.Equal(2, reopened.Count);
        Assert.Equal(
            new[] { fixtures.Records["s01"].Source.Sha256, fixtures.Records["s02"].Source.Sha256 }.Order(),
            new PlanSearcher(reopened).Search(new SearchRequest()).Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_search_results()
    {
        using var store = await DataStore.OpenAsync(Data);
        await store.Catalog.CommitAsync([.. fixtures.Records.Values]);
        await store.Feed!.CatchUpAsync();
        var before = Describe(new PlanSearcher(store.Index).Search(Request));

        Assert.Equal(fixtures.Records.Count, await store.Feed.RebuildAsync());

        Assert.Equal(before, Describe(new PlanSearcher(store.Index).Search(Request)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static void StampOlderSchema(string indexPath, string schema)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(indexPath));
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)));
        writer.AddDocument([new StringField("id", "stale-document", Field.Store.YES)]);
        var data = new Dictionary<string, string>(writer.CommitData) { ["schema"] = schema };
        writer.SetCommitData(data);
        writer.Commit();
    }

    private static SearchRequest Request => new() { Text = "văn hóa", Facets = ["issuer", "year", "cites"], Limit = 100 };

    private static string Describe(SearchResponse response) =>
        string.Join("\n", response.Hits.Select(h => $"{h.Id} {h.Score}").Concat(response.Facets.SelectMany(f => f.Value.Select(v => $"{f.Key}:{v.Value}={v.Count}"))));
}
