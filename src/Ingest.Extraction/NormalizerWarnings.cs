using System.Globalization;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction;

/// <summary>
/// The normaliser's account turned into the lines a record keeps: what was done to the text that a
/// reader of its fields should know, because every value was read from the changed text.
/// </summary>
internal static class NormalizerWarnings
{
    public static IReadOnlyList<string> From(NormalizedText text)
    {
        var warnings = new List<string>();
        if (text.Encoding != LegacyEncoding.Unicode)
        {
            warnings.Add($"text: converted from the legacy {text.Encoding} encoding");
        }

        if (text.Repaired)
        {
            var repairs = text.Changes.Count(c => c.Reason is not (ChangeReasons.LegacyEncoding or ChangeReasons.LookAlike));
            var marked = text.MarkedShare.ToString("P0", CultureInfo.InvariantCulture);
            warnings.Add($"text: accent-stripped OCR text repaired ({repairs} changes; {marked} of words were marked as read)");
        }

        return warnings;
    }
}
