using System.CommandLine;
using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Worker.Cli;

/// <summary>Options more than one verb takes.</summary>
internal static class SharedOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON on stdout." };

    public static Option<string?> OcrLanguages() => new("--lang")
    {
        Description = "Tesseract languages, e.g. vie or vie+eng (default: PLANINGEST_OCR_LANG or vie).",
    };

    public static OcrOptions Ocr(ParseResult parsed, Option<string?> languages)
    {
        var options = OcrOptions.FromEnvironment();
        return parsed.GetValue(languages) is { Length: > 0 } chosen ? options with { Languages = chosen } : options;
    }
}
