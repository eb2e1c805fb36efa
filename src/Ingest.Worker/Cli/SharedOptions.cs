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

    public static OcrOptions Ocr(ParseResult parsed, Option<string?> languages)
    {
        var options = OcrOptions.FromEnvironment();
        return parsed.GetValue(languages) is { Length: > 0 } chosen ? options with { Languages = chosen } : options;
    }

    /// <summary>The data folder named by <c>--index</c> or <c>--data</c> (not both), or the default.</summary>
    public static DataFolder Folder(ParseResult parsed, Option<string?> data, Option<string?>? index = null)
    {
        var indexFolder = index is null ? null : parsed.GetValue(index);
        if (indexFolder is { Length: > 0 })
        {
            return DataFolder.ForIndex(indexFolder);
        }

        return DataFolder.At(parsed.GetValue(data) is { Length: > 0 } root ? root : DataFolder.DefaultRoot);
    }

    /// <summary>A validator: --data and --index name the same thing two ways; giving both is a mistake.</summary>
    public static void NotBoth(Command command, Option<string?> data, Option<string?> index) =>
        command.Validators.Add(result =>
        {
            if (result.GetValue(data) is not null && result.GetValue(index) is not null)
            {
                result.AddError("give --data or --index, not both");
            }
        });
}
