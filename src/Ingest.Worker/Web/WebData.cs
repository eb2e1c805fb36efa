using PlanIngest.Search.Index;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Web;

/// <summary>
/// The data folder as the web app reads it: the catalog (source of truth for records and citations)
/// and the Lucene index (search, facets, compare). <c>serve</c> opens its own, read-only, so that a
/// worker or an <c>ingest</c> can write while the page is up; <c>watch --serve</c> lends the worker's.
/// </summary>
public sealed class WebData : IDisposable
{
    private readonly bool owned;

    private WebData(DataFolder folder, IDocumentCatalog catalog, DocumentIndex index, bool owned)
    {
        Folder = folder;
        Catalog = catalog;
        Index = index;
        this.owned = owned;
    }

    public DataFolder Folder { get; }

    public IDocumentCatalog Catalog { get; }

    /// <summary>Searches refresh it: commits by a writer elsewhere become visible without a restart.</summary>
    public DocumentIndex Index { get; }

    /// <summary>Opens a data folder for serving.</summary>
    /// <exception cref="WebDataException">There is no catalog, or no index to read.</exception>
    public static async Task<WebData> OpenAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        if (!File.Exists(folder.CatalogPath))
        {
            throw new WebDataException($"{folder.CatalogPath}: no catalog here (run planingest ingest or watch first, or give --data DIR)");
        }

        // When nobody writes the index, bring it up to the catalog once, then let go of its write lock:
        // holding it would keep every worker and ingest out for as long as the page is up.
        try
        {
            using var store = await DataStore.OpenAsync(folder, cancellationToken);
        }
        catch (IndexBusyException)
        {
            // A writer holds the index and keeps it current; read what it has committed.
        }

        var index = DocumentIndex.OpenForReading(folder.IndexPath)
            ?? throw new WebDataException($"{folder.IndexPath}: no committed index yet (a writer has just started); try again in a moment");
        return new WebData(folder, SqliteCatalog.Open(folder.CatalogPath), index, owned: true);
    }

    /// <summary>The worker's own catalog and index, for the page hosted in its process; they stay the worker's to close.</summary>
    public static WebData Borrow(DataFolder folder, IDocumentCatalog catalog, DocumentIndex index) => new(folder, catalog, index, owned: false);

    public void Dispose()
    {
        if (owned)
        {
            Index.Dispose();
            Catalog.Dispose();
        }
    }
}

/// <summary>The data folder cannot be served; the message says why in one line.</summary>
public sealed class WebDataException(string message) : Exception(message);
