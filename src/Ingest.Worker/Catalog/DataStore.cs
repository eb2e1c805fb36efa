using PlanIngest.Search.Index;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// A data folder opened: its catalog, its index, and the feed between them. Opening catches the index
/// up with the catalog (after a crash, or when another catalog's index was found); a read-only opening
/// settles for the index as it is when another process holds the index's write lock.
/// </summary>
public sealed class DataStore : IDisposable
{
    private DataStore(DataFolder folder, IDocumentCatalog catalog, DocumentIndex index, IndexFeed? feed, long lag)
    {
        Folder = folder;
        Catalog = catalog;
        Index = index;
        Feed = feed;
        Lag = lag;
    }

    public DataFolder Folder { get; }

    public IDocumentCatalog Catalog { get; }

    public DocumentIndex Index { get; }

    /// <summary>Null when the index was opened read-only.</summary>
    public IndexFeed? Feed { get; }

    /// <summary>Catalog changes the index was missing at opening and could not apply (read-only); 0 normally.</summary>
    public long Lag { get; }

    /// <summary>Opens the folder for writing: catalog and index are created when missing.</summary>
    /// <exception cref="IndexBusyException">Another process is writing the index.</exception>
    /// <exception cref="CatalogUnavailableException">The shared catalog cannot be reached or used.</exception>
    public static async Task<DataStore> OpenAsync(DataFolder folder, CancellationToken cancellationToken = default)
    {
        var catalog = await CatalogOpener.OpenAsync(folder, cancellationToken);
        DocumentIndex index;
        try
        {
            index = DocumentIndex.OpenForWriting(folder.IndexPath);
        }
        catch
        {
            catalog.Dispose();
            throw;
        }

        try
        {
            var feed = new IndexFeed(catalog, index);
            await feed.CatchUpAsync(cancellationToken);
            return new DataStore(folder, catalog, index, feed, 0);
        }
        catch
        {
            index.Dispose();
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>Opens the folder to read; the index is caught up when nobody else writes it. Null when there is no catalog.</summary>
    public static async Task<DataStore?> OpenForReadingAsync(DataFolder folder, CancellationToken cancellationToken = default)
    {
        if (!folder.HasCatalog)
        {
            return null;
        }

        try
        {
            return await OpenAsync(folder, cancellationToken);
        }
        catch (IndexBusyException)
        {
            var catalog = await CatalogOpener.OpenAsync(folder, cancellationToken);
            var index = DocumentIndex.OpenForReading(folder.IndexPath);
            if (index is null)
            {
                catalog.Dispose();
                throw;
            }

            var lag = Math.Max(0, await catalog.LastSequenceAsync(cancellationToken) - index.Committed.Sequence);
            return new DataStore(folder, catalog, index, null, lag);
        }
    }

    public void Dispose()
    {
        Index.Dispose();
        Catalog.Dispose();
    }
}
