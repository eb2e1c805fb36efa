using System.Globalization;
using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>
/// The normalise stage: page text as read in, canonical Unicode text out. Legacy TCVN3/VNI text is
/// converted; everything becomes NFC; text that English-model OCR stripped of its accents is repaired.
/// Tone-mark placement: the text keeps the document's own (CONTRACT §1a: <c>Uỷ ban … văn hoá</c> stays),
/// because that is what the document says and folding makes both placements compare equal; words the
/// repair restores are written in the new style, and <see cref="ToneMarks.Canonicalize"/> (or
/// <see cref="NormalizedText.Canonical"/>) gives the new-style form wherever accented forms are compared.
/// </summary>
public sealed class TextNormalizer
{
    // Clean Vietnamese has well over half its words correctly marked; English-model OCR output has a few
    // percent (a stray é that is right by chance). Between the two lies a wide gap.
    private const double AccentStrippedBelow = 0.25;

    // Vietnamese, however badly read, mostly folds to valid syllables; English and other languages do
    // not, and must never be "repaired" into Vietnamese.
    private const double VietnameseAtLeast = 0.6;

    // Too few words to judge: a page number, a stamp.
    private const int MinWords = 8;

    public string Normalize(string text) => Process(text).Text;

    // Of the marked words, the share that may be no syllable before the text is reported as damaged. Measured
    // on 52 clean texts (our plans, the seeds, 30 published documents): at most 6.5%, from abbreviations (QĐ,
    // HĐND), names (Krông, Đắk Lắk) and words glued together; the PDF judge rejects a layer above 15%.
    private const double DamagedAbove = 0.10;

    public NormalizedText Process(string text)
    {
        var lexicon = SyllableLexicon.Shared;
        var changes = new List<TextChange>();
        var warnings = new List<string>();
        var encoding = LegacyEncodingDetector.Detect(text, lexicon);
        if (encoding != LegacyEncoding.Unicode)
        {
            // Read as Latin-1 somewhere on the way, a legacy file's curly quotes and dashes are C1 controls.
            text = LegacyEncodingDetector.Decode(Windows1252.FromLatin1(text), encoding);
            changes.Add(new TextChange(0, encoding.ToString(), "Unicode", ChangeReasons.LegacyEncoding));
            warnings.Add($"text: converted from the legacy {encoding} encoding");
        }
        else if (text.Any(LegacyEncodingDetector.IsUnicodeVietnamese))
        {
            text = Tcvn3Runs.Convert(text, lexicon, changes);
            if (changes.Count(c => c.Reason == ChangeReasons.Tcvn3Run) is var runs and > 0)
            {
                warnings.Add($"text: {runs} TCVN3 {(runs == 1 ? "run" : "runs")} inside Unicode text converted ({Example(changes, ChangeReasons.Tcvn3Run)})");
            }
        }

        text = LookAlikes.Replace(text.Normalize(NormalizationForm.FormC), changes);
        var stats = VietnameseTextStats.Measure(text, lexicon);
        if (stats.Words < MinWords || stats.FoldedValidShare < VietnameseAtLeast)
        {
            return new NormalizedText(text, encoding, false, stats.ValidMarkedShare, changes) { Warnings = warnings };
        }

        if (stats.ValidMarkedShare >= AccentStrippedBelow)
        {
            // Marked Unicode text: judged like a PDF text layer, but there is no page image to OCR instead.
            text = LegacyFontRepair.Shared.Repair(text, changes);
            if (changes.Count(c => c.Reason == ChangeReasons.LegacyFont) is var repaired and > 0)
            {
                warnings.Add($"text: {repaired} {(repaired == 1 ? "word" : "words")} damaged by a legacy font's character map repaired ({Example(changes, ChangeReasons.LegacyFont)})");
            }

            var after = VietnameseTextStats.Measure(text, lexicon);
            if (after.InvalidMarkedShare > DamagedAbove)
            {
                warnings.Add($"text: {after.InvalidMarkedShare.ToString("P0", CultureInfo.InvariantCulture)} of marked words are not Vietnamese syllables (a legacy font or an unknown encoding); kept as read");
            }

            return new NormalizedText(text, encoding, false, stats.ValidMarkedShare, changes) { Warnings = warnings };
        }

        var (repairedText, repairs) = OcrRepair.Shared.Repair(text);
        changes.AddRange(repairs);
        var marked = stats.ValidMarkedShare.ToString("P0", CultureInfo.InvariantCulture);
        warnings.Add($"text: accent-stripped OCR text repaired ({repairs.Count} changes; {marked} of words were marked as read)");
        return new NormalizedText(repairedText, encoding, true, stats.ValidMarkedShare, changes) { Warnings = warnings };
    }

    private static string Example(List<TextChange> changes, string reason) =>
        changes.First(c => c.Reason == reason) is var first ? $"{first.Original} → {first.Replacement}" : string.Empty;
}
