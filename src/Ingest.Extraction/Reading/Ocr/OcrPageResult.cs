namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>What Tesseract made of one page.</summary>
/// <param name="Text">UTF-8 text as Tesseract returned it (after the syllable correction, when it changed anything).</param>
/// <param name="Confidence">Mean word confidence, 0..1.</param>
/// <param name="RotationDegrees">Clockwise turn applied to make the page upright (0, 90, 180, 270).</param>
public sealed record OcrPageResult(string Text, double Confidence, int RotationDegrees)
{
    /// <summary>The text was read from the cleaned image rather than the page as scanned.</summary>
    public bool Cleaned { get; init; }

    /// <summary>A red seal was found on the page (and dropped out before reading).</summary>
    public bool Seal { get; init; }

    /// <summary>Words changed by the post-recognition syllable correction.</summary>
    public int Corrections { get; init; }

    /// <summary>The words with Tesseract's per-symbol alternatives, for the correction; not kept past the page.</summary>
    internal IReadOnlyList<RecognizedWord> Words { get; init; } = [];
}
