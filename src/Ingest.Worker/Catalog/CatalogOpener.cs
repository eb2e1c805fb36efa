using PlanIngest.Worker.Catalog.Postgres;

namespace PlanIngest.Worker.Catalog;

/// <summary>Opens the catalog a data folder names: the shared PostgreSQL one when a connection string is set, else the folder's SQLite file.</summary>
public static class CatalogOpener
{
    /// <exception cref="CatalogUnavailableException">The shared catalog cannot be reached or used.</exception>
    public static async Task<IDocumentCatalog> OpenAsync(DataFolder folder, CancellationToken cancellationToken = default) =>
        folder.SharedCatalog is { } connectionString
            ? await PostgresCatalog.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false)
            : SqliteCatalog.Open(folder.CatalogPath);
}
