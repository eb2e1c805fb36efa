using PlanIngest.Search.Index;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Cli;

/// <summary>Opens a data folder for a verb and turns what can go wrong into one line on stderr.</summary>
internal static class StoreOpener
{
    /// <summary>For verbs that read (search, compare, show); null (after saying why) when there is nothing to read.</summary>
    public static async Task<DataStore?> ForReadingAsync(DataFolder folder, CancellationToken token)
    {
        try
        {
            var store = await DataStore.OpenForReadingAsync(folder, token);
            if (store is null)
            {
                ConsoleOutput.FileError(folder.CatalogPath, "no catalog here (run planingest ingest first, or give --data DIR)");
                return null;
            }

            if (store.Lag > 0)
            {
                ConsoleOutput.Error($"{folder.IndexPath}: the index is {Plural.Of(store.Lag, "change")} behind the catalog while another process writes it; results may miss the newest documents");
            }

            return store;
        }
        catch (IndexBusyException e)
        {
            ConsoleOutput.Error(e.Message);
            return null;
        }
        catch (CatalogUnavailableException e)
        {
            ConsoleOutput.Error(e.Message);
            return null;
        }
    }

    /// <summary>For verbs that write (ingest, reindex, reextract).</summary>
    public static async Task<DataStore?> ForWritingAsync(DataFolder folder, CancellationToken token)
    {
        try
        {
            return await DataStore.OpenAsync(folder, token);
        }
        catch (IndexBusyException e)
        {
            ConsoleOutput.Error(e.Message);
            return null;
        }
        catch (CatalogUnavailableException e)
        {
            ConsoleOutput.Error(e.Message);
            return null;
        }
    }
}
