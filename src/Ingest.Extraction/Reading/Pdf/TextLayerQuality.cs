namespace PlanIngest.Extraction.Reading.Pdf;

/// <summary>Decides whether a PDF page's own text layer can be trusted or the page must be OCRed.</summary>
internal static class TextLayerQuality
{
    // A scanned page often carries a few stray characters (a page number, a stamp) and nothing else.
    private const int MinLetters = 20;

    public static bool IsUsable(string text) => text.Count(char.IsLetter) >= MinLetters;
}
