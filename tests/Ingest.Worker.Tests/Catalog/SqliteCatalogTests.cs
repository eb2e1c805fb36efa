using System.Text.Json;
using Microsoft.Data.Sqlite;
using PlanIngest.Extraction.Model;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Tests.Catalog;

[Collection(FixtureRecordsCollection.Name)]
public sealed class SqliteCatalogTests(FixtureRecords fixtures) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-catalog-");

    private string CatalogPath => Path.Combine(folder.FullName, "catalog.db");

    [Fact]
    public async Task A_committed_record_reads_back_whole_with_its_page_texts()
    {
        var record = fixtures.Records["s02"];
        using var catalog = SqliteCatalog.Open(CatalogPath);

        var commit = Assert.Single(await catalog.CommitAsync([record]));

        Assert.True(commit.Added);
        Assert.Equal(record.Source.Sha256, commit.Id);
        Assert.Equal(1, commit.Sequence);
        var stored = (await catalog.GetAsync(commit.Id))!;
        Assert.Equal(Json(record), Json(stored.Record));
        Assert.Equal(record.Pages[0].Normalized, stored.Record.Pages[0].Normalized);
        Assert.Equal(ExtractionPipelineVersion(), stored.Record.ExtractorVersion);
    }

    [Fact]
    public async Task The_same_content_under_another_name_is_an_alias_not_a_second_document()
    {
        var record = fixtures.Records["s01"];
        using var catalog = SqliteCatalog.Open(CatalogPath);
        await catalog.CommitAsync([record]);

        var again = Assert.Single(await catalog.CommitAsync([record with { Source = record.Source with { Path = "inbox/copy-of-s01.txt" } }]));

        Assert.False(again.Added);
        Assert.Equal(1, again.Sequence);
        Assert.Equal(1, await catalog.CountAsync());
        Assert.Equal(1, await catalog.LastSequenceAsync());
        Assert.Equal(["inbox/copy-of-s01.txt"], await catalog.AliasesAsync(record.Source.Sha256));
    }

    [Fact]
    public async Task Every_commit_takes_the_next_sequence_and_the_feed_returns_latest_states_in_order()
    {
        using var catalog = SqliteCatalog.Open(CatalogPath);
        var commits = await catalog.CommitAsync([fixtures.Records["s01"], fixtures.Records["s02"], fixtures.Records["s03"]]);
        Assert.Equal([1L, 2, 3], commits.Select(c => c.Sequence));

        var replaced = fixtures.Records["s01"] with { Fields = fixtures.Records["s01"].Fields with { Title = "tiêu đề mới" } };
        Assert.True(await catalog.ReplaceAsync(commits[0].Id, replaced));

        var changes = await catalog.ChangesAfterAsync(1, 10);
        Assert.Equal([(commits[1].Id, 2L), (commits[2].Id, 3L), (commits[0].Id, 4L)], changes.Select(c => (c.Id, c.Sequence)));
        Assert.Equal("tiêu đề mới", changes[^1].Record.Fields.Title);
        Assert.Equal(2, (await catalog.ChangesAfterAsync(0, 2)).Count);
        Assert.False(await catalog.ReplaceAsync(new string('0', 64), replaced));
    }

    [Fact]
    public async Task A_reopened_catalog_keeps_its_id_and_documents_in_wal_mode()
    {
        string id;
        using (var catalog = SqliteCatalog.Open(CatalogPath))
        {
            id = catalog.CatalogId;
            await catalog.CommitAsync([fixtures.Records["s04"]]);
        }

        using var reopened = SqliteCatalog.Open(CatalogPath);
        Assert.Equal(id, reopened.CatalogId);
        Assert.Equal(1, await reopened.CountAsync());
        await using var connection = new SqliteConnection($"Data Source={CatalogPath};Mode=ReadOnly");
        connection.Open();
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
    }

    [Fact]
    public async Task Documents_are_found_by_number_key_by_what_they_cite_and_by_id_prefix()
    {
        using var catalog = SqliteCatalog.Open(CatalogPath);
        await catalog.CommitAsync([.. fixtures.Records.Values]);
        var s02 = fixtures.Records["s02"];

        var holders = await catalog.FindByNumberAsync(DocumentNumber.KeyFor("01/KH-UBND")!);
        var citing = await catalog.FindCitingAsync(DocumentNumber.KeyFor("13/CT - UBND")!);
        var prefix = await catalog.FindIdsAsync(s02.Source.Sha256[..10], 5);

        Assert.Equal(2, holders.Count);
        Assert.Equal(["s01", "s02", "s03", "s04", "s06"], citing.Select(c => Stem(c.Document.Id)).Order());
        Assert.Equal([s02.Source.Sha256], prefix);
        Assert.Empty(await catalog.FindIdsAsync("not hex", 5));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private string Stem(string id) => fixtures.Records.Single(r => r.Value.Source.Sha256 == id).Key;

    private static string ExtractionPipelineVersion() => Extraction.ExtractionPipeline.ExtractorVersion;

    private static string Json(DocumentRecord record) => RecordJson.ToJson(record).ToJsonString(new JsonSerializerOptions(RecordJson.Options));
}
