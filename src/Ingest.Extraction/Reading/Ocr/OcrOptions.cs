namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>How pages are recognised. Defaults are the measured best on this kind of machine (see README).</summary>
public sealed record OcrOptions
{
    /// <summary>Tesseract language set, e.g. "vie" or "vie+eng".</summary>
    public string Languages { get; init; } = "vie";

    /// <summary>Folder with the .traineddata files; null means Tesseract's own default (Debian's tessdata).</summary>
    public string? TessdataPath { get; init; }

    /// <summary>Pages recognised at once; one Tesseract engine each.</summary>
    public int MaxParallelPages { get; init; } = Environment.ProcessorCount;

    /// <summary>A page that takes longer is abandoned with an error rather than left to hang the run.</summary>
    public TimeSpan PageTimeLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Clean hard pages (colour ink, low resolution, specks, blobs) before recognition; see Cleaning/PageCleaner.</summary>
    public bool CleanPages { get; init; } = true;

    /// <summary>Correct single wrong marks and letters after recognition; see OcrSyllableCorrector.</summary>
    public bool CorrectSyllables { get; init; } = true;

    /// <summary>
    /// Reads the environment a launcher or CI sets (PLANINGEST_OCR_LANG, PLANINGEST_TESSDATA,
    /// PLANINGEST_OCR_THREADS, PLANINGEST_OCR_PAGE_SECONDS, and PLANINGEST_OCR_CLEAN=0 /
    /// PLANINGEST_OCR_CORRECT=0 to measure without cleaning or correction) over the defaults.
    /// </summary>
    public static OcrOptions FromEnvironment()
    {
        var options = new OcrOptions();
        if (Environment.GetEnvironmentVariable("PLANINGEST_OCR_LANG") is { Length: > 0 } languages)
        {
            options = options with { Languages = languages };
        }

        if (Environment.GetEnvironmentVariable("PLANINGEST_TESSDATA") is { Length: > 0 } tessdata)
        {
            options = options with { TessdataPath = tessdata };
        }

        if (int.TryParse(Environment.GetEnvironmentVariable("PLANINGEST_OCR_THREADS"), out var threads) && threads > 0)
        {
            options = options with { MaxParallelPages = threads };
        }

        if (double.TryParse(Environment.GetEnvironmentVariable("PLANINGEST_OCR_PAGE_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            options = options with { PageTimeLimit = TimeSpan.FromSeconds(seconds) };
        }

        if (Environment.GetEnvironmentVariable("PLANINGEST_OCR_CLEAN") == "0")
        {
            options = options with { CleanPages = false };
        }

        if (Environment.GetEnvironmentVariable("PLANINGEST_OCR_CORRECT") == "0")
        {
            options = options with { CorrectSyllables = false };
        }

        return options;
    }
}
