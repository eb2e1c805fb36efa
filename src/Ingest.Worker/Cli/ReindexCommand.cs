using System.CommandLine;
using System.Diagnostics;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Cli;

/// <summary><c>planingest reindex [--data DIR]</c>: rebuild the index from the catalog (the old index serves until the new one commits).</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var data = SharedOptions.Data();
        var index = SharedOptions.Index();
        var catalog = SharedOptions.Catalog();
        var json = SharedOptions.Json();
        var command = new Command("reindex", "Rebuild the search index from the catalog.") { data, index, catalog, json };
        SharedOptions.NotBoth(command, data, index, catalog);
        command.SetAction((parsed, token) => RunAsync(SharedOptions.Folder(parsed, data, index, catalog), parsed.GetValue(json), token));
        return command;
    }

    private static async Task<int> RunAsync(DataFolder folder, bool json, CancellationToken token)
    {
        if (!folder.HasCatalog)
        {
            ConsoleOutput.FileError(folder.CatalogPath, "no catalog here (run planingest ingest first, or give --data DIR)");
            return ExitCodes.FileFailed;
        }

        using var store = await StoreOpener.ForWritingAsync(folder, token);
        if (store is null)
        {
            return ExitCodes.FileFailed;
        }

        var clock = Stopwatch.StartNew();
        var written = await store.Feed!.RebuildAsync(token);
        var seconds = clock.Elapsed.TotalSeconds;
        if (json)
        {
            ConsoleOutput.Json(new { documents = written, seconds = Math.Round(seconds, 3), index_bytes = store.Index.SizeOnDisk });
        }
        else
        {
            ConsoleOutput.Line($"{Plural.Of(written, "document")} indexed in {seconds:0.0} s ({written / Math.Max(seconds, 0.001):0} documents/s) into {folder.IndexPath}");
        }

        return ExitCodes.Success;
    }
}
