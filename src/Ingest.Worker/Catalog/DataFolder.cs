namespace PlanIngest.Worker.Catalog;

/// <summary>
/// Where a data folder keeps things (CONTRACT.md §4): <c>catalog.db</c> (the SQLite catalog), <c>index/</c>
/// (the Lucene index, derived from the catalog), <c>archive/</c> (originals by SHA-256) and
/// <c>quarantine/</c> (files that failed, each with a reason file).
/// </summary>
public sealed record DataFolder(string Root, string CatalogPath, string IndexPath)
{
    public const string DefaultRoot = "data";

    public string ArchivePath => Path.Combine(Root, "archive");

    public string QuarantinePath => Path.Combine(Root, "quarantine");

    /// <summary>The layout under <c>--data DIR</c>.</summary>
    public static DataFolder At(string root) => new(root, Path.Combine(root, "catalog.db"), Path.Combine(root, "index"));

    /// <summary><c>--index DIR</c> names the index folder itself; the catalog sits beside it.</summary>
    public static DataFolder ForIndex(string indexFolder)
    {
        var full = Path.GetFullPath(indexFolder.TrimEnd(Path.DirectorySeparatorChar));
        var root = Path.GetDirectoryName(full) ?? full;
        return new DataFolder(root, Path.Combine(root, "catalog.db"), full);
    }
}
