namespace PlanIngest.Extraction.Text;

/// <summary>The normalise stage's full answer: the text and what was done to it.</summary>
/// <param name="Text">NFC text for display and extraction, in the document's own tone-mark placement.</param>
/// <param name="Encoding">The encoding the input was found in (converted to Unicode when legacy).</param>
/// <param name="Repaired">Whether the text looked accent-stripped (English-model OCR) and was repaired.</param>
/// <param name="MarkedShare">Share of words that were correctly marked Vietnamese syllables before repair.</param>
/// <param name="Changes">Every change made, in order of line.</param>
public sealed record NormalizedText(string Text, LegacyEncoding Encoding, bool Repaired, double MarkedShare, IReadOnlyList<TextChange> Changes)
{
    /// <summary>
    /// What a reader of the fields should know was done to the text or is wrong with it, one line each
    /// ("text: …"): a conversion, a repair, damage left as read. The record keeps them with its warnings.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The text with new-style tone placement (hòa, Ủy), for comparing accented forms.</summary>
    public string Canonical => ToneMarks.Canonicalize(Text);
}
