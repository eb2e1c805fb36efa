namespace PlanIngest.Extraction.Model;

/// <summary>The text of one page and how it was obtained.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Text">The page's text as read, before normalisation.</param>
/// <param name="Method">How the text was obtained.</param>
/// <param name="Confidence">OCR mean confidence 0..1; null when the page was not OCRed.</param>
/// <param name="Rotation">Clockwise degrees turned before OCR; null when not OCRed.</param>
public sealed record PageText(int Number, string Text, PageMethod Method, double? Confidence = null, int? Rotation = null)
{
    /// <summary>Which image of an OCRed page the text was read from; null when not OCRed.</summary>
    public PageImage? Image { get; init; }

    /// <summary>Whether an OCRed page bears a red seal (con dấu); null when not OCRed.</summary>
    public bool? Seal { get; init; }

    /// <summary>
    /// The page after the normalise stage (converted, NFC, repaired): what extraction and the index see,
    /// kept so that a better extractor can re-run without reading the file again. Null until normalised.
    /// </summary>
    public string? Normalized { get; init; }

    /// <summary>
    /// Why the page could not be read (its image would not decode or render): its text is then empty and
    /// the record carries a warning naming it, so one bad page of a long scan costs that page, not the document.
    /// Null when the page was read.
    /// </summary>
    public string? Error { get; init; }
}
