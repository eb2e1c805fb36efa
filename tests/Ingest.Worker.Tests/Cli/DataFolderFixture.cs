using Microsoft.Data.Sqlite;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

/// <summary>A data folder filled once by the real <c>planingest ingest</c> with the search fixtures and the seeds.</summary>
public sealed class DataFolderFixture : IDisposable
{
    public DataFolderFixture()
    {
        Folder = Directory.CreateTempSubdirectory("planingest-data-").FullName;
        var files = Directory.GetFiles(RepoPaths.TestData("search"), "*.txt").Append(RepoPaths.TestData("seeds")).ToArray();
        Ingest = CliRunner.RunAsync(["ingest", .. files, "--data", Folder, "--json"]).GetAwaiter().GetResult();
    }

    public string Folder { get; }

    /// <summary>What the ingest printed: one JSON line per file.</summary>
    internal CliResult Ingest { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DataFolderCollection : ICollectionFixture<DataFolderFixture>
{
    public const string Name = "ingested data folder";
}
