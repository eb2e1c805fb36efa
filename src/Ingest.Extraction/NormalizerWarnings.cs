using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction;

/// <summary>
/// The normaliser's account turned into the lines a record keeps: what was done to the text that a
/// reader of its fields should know, because every value was read from the changed text. The
/// normaliser words them itself (<see cref="NormalizedText.Warnings"/>: a legacy encoding converted, TCVN3
/// runs converted, legacy-font damage repaired or left as read, OCR text repaired), so they are said once.
/// </summary>
internal static class NormalizerWarnings
{
    public static IReadOnlyList<string> From(NormalizedText text) => text.Warnings;
}
