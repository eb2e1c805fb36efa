using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;

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

    [Fact]
    public async Task A_record_indexed_from_memory_is_stored_and_found_as_when_read_back_from_the_catalog()
    {
        // The worker's path: jobs claimed, their records group-committed (ExtractedCommit) and handed to the feed as
        // they are in memory, never read back from the catalog.
        using var store = await DataStore.OpenAsync(Data);
        var records = fixtures.Records.Values.ToList();
        await store.Catalog.EnqueueAsync([.. records.Select(r => new NewJob(r.Source.Sha256, r.Source.Path, "text/plain", 1, DateTimeOffset.UtcNow))], CancellationToken.None);
        var leases = await store.Catalog.ClaimAsync("w1", records.Count, TimeSpan.FromMinutes(10), JobSelection.Any, CancellationToken.None);
        Assert.Equal(records.Count, leases.Count);
        var ingestor = new DocumentIngestor(fixtures.Pipeline, store.Catalog, store.Feed!);
        var held = await ingestor.CommitExtractedAsync([.. leases.Select(l => new ExtractedJob(l.Lease, l.Sha256, records.Single(r => r.Source.Sha256 == l.Sha256), new JobOutcome(1, 1, TimeSpan.Zero)))]);
        Assert.All(held, Assert.True);
        await store.Feed!.CommitAsync();
        var fromMemory = StoredFields(Data.IndexPath);
        var searchedFromMemory = Searches.Select(r => Describe(new PlanSearcher(store.Index).Search(r))).ToList();

        // A rebuild reads every record back from the catalog (its JSON, its page texts) and indexes it again.
        Assert.Equal(records.Count, await store.Feed.RebuildAsync());

        Assert.Equal(records.Count, fromMemory.Count);
        Assert.Equal(fromMemory, StoredFields(Data.IndexPath));
        Assert.Equal(searchedFromMemory, Searches.Select(r => Describe(new PlanSearcher(store.Index).Search(r))).ToList());
        Assert.All(searchedFromMemory.Take(2), d => Assert.NotEqual(string.Empty, d));
    }

    [Fact]
    public async Task A_gap_in_the_records_handed_over_is_filled_from_the_catalog_and_nothing_is_lost()
    {
        using var catalog = SqliteCatalog.Open(Data.CatalogPath);
        using var index = DocumentIndex.OpenForWriting(Data.IndexPath);
        var feed = new IndexFeed(catalog, index);
        var first = await catalog.CommitAsync([fixtures.Records["s01"]]);
        Assert.Equal(1, await feed.ApplyAsync([Handed(first[0], "s01")]));

        // Sequence 2 is committed by another process (never handed to this feed); 3 and 4 are this process's own.
        var others = await catalog.CommitAsync([fixtures.Records["s02"]]);
        var own = await catalog.CommitAsync([fixtures.Records["s03"], fixtures.Records["s04"]]);
        Assert.Equal([2L, 3L, 4L], others.Concat(own).Select(c => c.Sequence));

        Assert.Equal(3, await feed.ApplyAsync([Handed(own[0], "s03"), Handed(own[1], "s04")]));
        await feed.CommitAsync();

        Assert.Equal(new IndexState(catalog.CatalogId, 4, IndexState.Empty.Schema), index.Committed);
        Assert.Equal(0, await feed.LagAsync());
        Assert.Equal(
            new[] { "s01", "s02", "s03", "s04" }.Select(s => fixtures.Records[s].Source.Sha256).Order(),
            new PlanSearcher(index).Search(new SearchRequest { Limit = 100 }).Hits.Select(h => h.Id).Order());

        // Handed-over records that the catalog already gave it (applied) are not written twice; the next one is.
        var next = await catalog.CommitAsync([fixtures.Records["s05"]]);
        Assert.Equal(1, await feed.ApplyAsync([Handed(own[1], "s04"), Handed(next[0], "s05")]));
        Assert.Equal(5, index.Count);
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

    private IndexedDocument Handed(CatalogCommit commit, string fixture) =>
        new(commit.Id, commit.Sequence, fixtures.Records[fixture]);

    private static readonly SearchRequest[] Searches =
    [
        new() { Text = "văn hóa", Facets = ["issuer", "year", "cites"], Limit = 100 },
        new() { Text = "van hoa", Limit = 100 },
        new() { Facets = ["doc_type", "issuer", "province", "level", "year", "campaign"], Limit = 100 },
    ];

    // Every stored field of every committed document, as text, by document: what `show` and search hits are made of.
    private static List<string> StoredFields(string indexPath)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(indexPath));
        using var reader = DirectoryReader.Open(directory);
        var live = MultiFields.GetLiveDocs(reader);
        return [.. Enumerable.Range(0, reader.MaxDoc)
            .Where(i => live is null || live.Get(i))
            .Select(i => string.Join("\n", reader.Document(i).Fields.Select(f => $"{f.Name}={f.GetStringValue() ?? Convert.ToBase64String(f.GetBinaryValue()?.Bytes ?? [])}").Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }

    private static SearchRequest Request => new() { Text = "văn hóa", Facets = ["issuer", "year", "cites"], Limit = 100 };

    private static string Describe(SearchResponse response) =>
        string.Join("\n", response.Hits.Select(h => $"{h.Id} {h.Score}").Concat(response.Facets.SelectMany(f => f.Value.Select(v => $"{f.Key}:{v.Value}={v.Count}"))));
}
