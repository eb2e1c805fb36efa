using System.Text.Json;
using Microsoft.Data.Sqlite;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

/// <summary>Must-show 4: an ingest killed with SIGKILL part-way and run again leaves catalog and index agreeing; reindex reproduces search.</summary>
public sealed class CrashAndRebuildTests : IDisposable
{
    private const int Files = 200;
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("planingest-crash-");

    private string Inbox => Path.Combine(root.FullName, "inbox");

    private string Data => Path.Combine(root.FullName, "data");

    [Fact]
    public async Task Killing_ingest_partway_and_running_it_again_leaves_catalog_and_index_agreeing()
    {
        WriteDistinctPlans(Files);
        var environment = new Dictionary<string, string> { ["PLANINGEST_OCR_THREADS"] = "2" };

        using (var first = CliRunner.Start(environment, "ingest", Inbox, "--data", Data, "--json"))
        {
            _ = first.StandardOutput.ReadToEndAsync();
            _ = first.StandardError.ReadToEndAsync();
            var atKill = await WaitForDocumentsAsync(10, first);
            first.Kill(); // SIGKILL on Linux: no handler runs, nothing is flushed
            await first.WaitForExitAsync();
            Assert.InRange(atKill, 10, Files - 1);
            Assert.Equal(137, first.ExitCode);
        }

        var second = await CliRunner.RunAsync(environment, "ingest", Inbox, "--data", Data, "--json");

        Assert.Equal(0, second.ExitCode);
        var outcomes = second.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(Files, outcomes.Count);
        Assert.True(outcomes.Count(o => o == "duplicate") >= 10);
        var catalogIds = CatalogIds();
        Assert.Equal(Files, catalogIds.Count);
        var indexIds = await IndexIdsAsync();
        Assert.Equal(Files, indexIds.Count);
        Assert.Equal(catalogIds.Order(), indexIds.Order());
    }

    [Fact]
    public async Task Deleting_the_index_and_running_reindex_gives_the_same_search_results()
    {
        var fixtures = Directory.GetFiles(RepoPaths.TestData("search"), "*.txt");
        Assert.Equal(0, (await CliRunner.RunAsync(["ingest", .. fixtures, "--data", Data])).ExitCode);
        string[] all = ["search", "", "--facet", "issuer", "--facet", "cites", "--facet", "year", "--limit", "100", "--data", Data, "--json"];
        string[] ranked = ["search", "văn hóa", "--facet", "level", "--limit", "100", "--data", Data, "--json"];
        var before = (await CliRunner.RunAsync(all), await CliRunner.RunAsync(ranked));

        Directory.Delete(Path.Combine(Data, "index"), recursive: true);
        var reindex = await CliRunner.RunAsync("reindex", "--data", Data);
        var after = (await CliRunner.RunAsync(all), await CliRunner.RunAsync(ranked));

        Assert.Equal(0, reindex.ExitCode);
        Assert.StartsWith("8 documents indexed", reindex.Stdout);
        Assert.Equal(8, JsonDocument.Parse(before.Item1.Stdout).RootElement.GetProperty("hits").GetArrayLength());
        Assert.True(JsonDocument.Parse(before.Item2.Stdout).RootElement.GetProperty("total").GetInt32() > 2);
        Assert.Equal(before.Item1.Stdout, after.Item1.Stdout);
        Assert.Equal(before.Item2.Stdout, after.Item2.Stdout);
    }

    [Fact]
    public async Task Reextract_runs_over_the_stored_text_and_keeps_the_index_in_step()
    {
        Directory.CreateDirectory(Inbox);
        foreach (var file in Directory.GetFiles(RepoPaths.TestData("search"), "*.txt"))
        {
            File.Copy(file, Path.Combine(Inbox, Path.GetFileName(file)));
        }

        Assert.Equal(0, (await CliRunner.RunAsync("ingest", Inbox, "--data", Data)).ExitCode);
        Directory.Delete(Inbox, recursive: true); // the originals are gone: re-extraction reads the catalog alone

        var result = await CliRunner.RunAsync("reextract", "--data", Data, "--json");
        var search = await CliRunner.RunAsync("search", "--cites", "13/CT-UBND", "--data", Data, "--json");

        Assert.Equal(0, result.ExitCode);
        var summary = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(8, summary.GetProperty("documents").GetInt32());
        Assert.Equal(5, JsonDocument.Parse(search.Stdout).RootElement.GetProperty("total").GetInt32());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        root.Delete(recursive: true);
    }

    /// <summary>Plans that differ in their last line, so each is its own document.</summary>
    private void WriteDistinctPlans(int count)
    {
        Directory.CreateDirectory(Inbox);
        var templates = Directory.GetFiles(RepoPaths.TestData("search"), "*.txt").Select(File.ReadAllText).ToList();
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(Inbox, $"plan-{i:D3}.txt"), templates[i % templates.Count] + $"\nBản sao số {i + 1}.\n");
        }
    }

    private async Task<int> WaitForDocumentsAsync(int atLeast, System.Diagnostics.Process process)
    {
        var catalog = Path.Combine(Data, "catalog.db");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (File.Exists(catalog))
            {
                try
                {
                    var count = CatalogIds().Count;
                    if (count >= atLeast)
                    {
                        return count;
                    }
                }
                catch (SqliteException)
                {
                    // The schema is still being created.
                }
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"ingest never reached {atLeast} documents (exited: {process.HasExited})");
    }

    private List<string> CatalogIds()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "catalog.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM documents";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<List<string>> IndexIdsAsync()
    {
        var result = await CliRunner.RunAsync("search", "", "--limit", "1000", "--data", Data, "--json");
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(json.GetProperty("total").GetInt32(), json.GetProperty("hits").GetArrayLength());
        return json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
    }
}
