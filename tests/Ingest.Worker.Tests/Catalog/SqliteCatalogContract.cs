using Microsoft.Data.Sqlite;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Tests.Catalog;

/// <summary>The catalog contract on a real SQLite file, and what only the embedded catalog promises.</summary>
[Collection(FixtureRecordsCollection.Name)]
public sealed class SqliteCatalogContract(FixtureRecords fixtures) : CatalogContract(fixtures)
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-catalog-");

    private string CatalogPath => Path.Combine(folder.FullName, "catalog.db");

    protected override Task<IDocumentCatalog> OpenCatalogAsync() => Task.FromResult<IDocumentCatalog>(SqliteCatalog.Open(CatalogPath).WithJobClock(Clock));

    [Fact]
    public async Task The_file_is_in_wal_mode()
    {
        var catalog = await OpenAsync();
        await catalog.CommitAsync([Fixtures.Records["s04"]]);
        await using var connection = new SqliteConnection($"Data Source={CatalogPath};Mode=ReadOnly");
        connection.Open();
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
    }

    [Fact]
    public async Task Status_reads_a_catalog_without_writing_to_it()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        using var reader = SqliteCatalog.OpenForReading(CatalogPath)!;
        Assert.Equal(1, (await reader.GetStatusAsync(10, CancellationToken.None)).Counts[JobState.Queued]);
        Assert.False(await reader.HoldDiscoveryAsync(CancellationToken.None));
        Assert.Null(SqliteCatalog.OpenForReading(Path.Combine(folder.FullName, "none.db")));
        Assert.False(File.Exists(Path.Combine(folder.FullName, "none.db")));
    }

    public override void Dispose()
    {
        base.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
