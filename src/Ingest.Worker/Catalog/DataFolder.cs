namespace PlanIngest.Worker.Catalog;

/// <summary>
/// Where a data folder keeps things (CONTRACT.md §4): <c>catalog.db</c> (the SQLite catalog), <c>index/</c>
/// (the Lucene index, derived from the catalog), <c>archive/</c> (originals by SHA-256) and
/// <c>quarantine/</c> (files that failed, each with a reason file).
/// </summary>
public sealed record DataFolder(string Root, string CatalogPath, string IndexPath)
{
    public const string DefaultRoot = "data";

    /// <summary>
    /// The PostgreSQL connection string of a catalog shared by several machines, or null for the embedded
    /// <see cref="CatalogPath"/>. With a shared catalog the folder holds this node's own index (unless
    /// <see cref="IndexPath"/> is elsewhere) and the archive and quarantine, which all workers share.
    /// </summary>
    public string? SharedCatalog { get; init; }

    /// <summary>Whether there is a catalog to read (a shared one always is: opening it creates its tables).</summary>
    public bool HasCatalog => SharedCatalog is not null || File.Exists(CatalogPath);

    public string ArchivePath => Path.Combine(Root, "archive");

    public string QuarantinePath => Path.Combine(Root, "quarantine");

    /// <summary>The layout under <c>--data DIR</c>.</summary>
    public static DataFolder At(string root) => new(root, Path.Combine(root, "catalog.db"), Path.Combine(root, "index"));

    /// <summary>A folder on a shared catalog: <paramref name="indexFolder"/> (default <c>ROOT/index</c>) is this node's own index.</summary>
    public static DataFolder Shared(string root, string? indexFolder, string connectionString) =>
        At(root) with { IndexPath = indexFolder is { Length: > 0 } ? Path.GetFullPath(indexFolder) : Path.Combine(root, "index"), SharedCatalog = connectionString };

    /// <summary><c>--index DIR</c> names the index folder itself; the catalog sits beside it.</summary>
    public static DataFolder ForIndex(string indexFolder)
    {
        var full = Path.GetFullPath(indexFolder.TrimEnd(Path.DirectorySeparatorChar));
        var root = Path.GetDirectoryName(full) ?? full;
        return new DataFolder(root, Path.Combine(root, "catalog.db"), full);
    }
}
