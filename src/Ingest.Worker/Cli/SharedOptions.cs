using System.CommandLine;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Cli;

/// <summary>Options more than one verb takes.</summary>
internal static class SharedOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON on stdout." };

    public static Option<string?> OcrLanguages() => new("--lang")
    {
        Description = "Tesseract languages, e.g. vie or vie+eng (default: PLANINGEST_OCR_LANG or vie).",
    };

    public static Option<string?> Data() => new("--data")
    {
        Description = $"Data folder: catalog.db, index/, archive/, quarantine/ (default ./{DataFolder.DefaultRoot}).",
    };

    public static Option<string?> Index() => new("--index")
    {
        Description = "The index folder itself; the catalog is catalog.db beside it.",
    };

    public static Option<string?> Catalog() => new("--catalog")
    {
        Description = "A PostgreSQL connection string (\"Host=…;Database=…\") for a catalog shared by several machines; --data then holds this node's index, archive and quarantine (default: the Catalog setting or PLANINGEST_CATALOG, else the data folder's SQLite file).",
    };

    public static OcrOptions Ocr(ParseResult parsed, Option<string?> languages)
    {
        var options = OcrOptions.FromEnvironment();
        return parsed.GetValue(languages) is { Length: > 0 } chosen ? options with { Languages = chosen } : options;
    }

    /// <summary>
    /// The data folder named by <c>--index</c> or <c>--data</c> (not both), or the default; with a shared
    /// catalog (<c>--catalog</c> or the configuration) <c>--data</c> and <c>--index</c> may both be given.
    /// </summary>
    public static DataFolder Folder(ParseResult parsed, Option<string?> data, Option<string?>? index = null, Option<string?>? catalog = null)
    {
        var indexFolder = index is null ? null : parsed.GetValue(index);
        if (SharedCatalog(parsed, catalog) is { } shared)
        {
            return DataFolder.Shared(Path.GetFullPath(parsed.GetValue(data) is { Length: > 0 } dir ? dir : DataFolder.DefaultRoot), indexFolder, shared);
        }

        if (indexFolder is { Length: > 0 })
        {
            return DataFolder.ForIndex(indexFolder);
        }

        return DataFolder.At(parsed.GetValue(data) is { Length: > 0 } root ? root : DataFolder.DefaultRoot);
    }

    /// <summary>A validator: --data and --index name the same thing two ways; giving both is a mistake.</summary>
    public static void NotBoth(Command command, Option<string?> data, Option<string?> index, Option<string?>? catalog = null) =>
        command.Validators.Add(result =>
        {
            // With a shared catalog they say two things: where the archive is, and where this node's own index is.
            if (result.GetValue(data) is not null && result.GetValue(index) is not null && CatalogSetting.Resolve(catalog is null ? null : result.GetValue(catalog)) is null)
            {
                result.AddError("give --data or --index, not both");
            }
        });

    private static string? SharedCatalog(ParseResult parsed, Option<string?>? catalog) => CatalogSetting.Resolve(catalog is null ? null : parsed.GetValue(catalog));
}
