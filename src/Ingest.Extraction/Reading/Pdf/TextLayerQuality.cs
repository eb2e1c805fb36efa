using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Reading.Pdf;

/// <summary>
/// Decides whether a PDF page's own text layer can be trusted, converted, or the page must be OCRed
/// (DESIGN §2: "PDF text layers lie too").
/// </summary>
internal static class TextLayerQuality
{
    // A scanned page often carries a few stray characters (a page number, a stamp) and nothing else.
    private const int MinLetters = 20;

    // Of the words written with marks, clean Vietnamese has almost none that are not syllables; a layer
    // from a legacy font with a wrong ToUnicode map (cơng, hồn thành, cịn) has many.
    private const double MaxInvalidMarkedShare = 0.15;

    public static bool IsUsable(string text) => Judge(text) is not null;

    /// <summary>The layer's text and how it was obtained, or null when the page must be OCRed.</summary>
    public static (string Text, PageMethod Method)? Judge(string text)
    {
        if (text.Count(char.IsLetter) < MinLetters)
        {
            return null;
        }

        var lexicon = SyllableLexicon.Shared;
        var encoding = LegacyEncodingDetector.Detect(text, lexicon);
        if (encoding != LegacyEncoding.Unicode)
        {
            return (LegacyEncodingDetector.Decode(text, encoding), PageMethod.PdfTextLayerConverted);
        }

        return VietnameseTextStats.Measure(text, lexicon).InvalidMarkedShare > MaxInvalidMarkedShare ? null : (text, PageMethod.PdfTextLayer);
    }
}
