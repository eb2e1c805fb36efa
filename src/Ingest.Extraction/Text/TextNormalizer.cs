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

    public NormalizedText Process(string text)
    {
        var lexicon = SyllableLexicon.Shared;
        var changes = new List<TextChange>();
        var encoding = LegacyEncodingDetector.Detect(text, lexicon);
        if (encoding != LegacyEncoding.Unicode)
        {
            text = LegacyEncodingDetector.Decode(text, encoding);
            changes.Add(new TextChange(0, encoding.ToString(), "Unicode", ChangeReasons.LegacyEncoding));
        }

        text = LookAlikes.Replace(text.Normalize(NormalizationForm.FormC), changes);
        var stats = VietnameseTextStats.Measure(text, lexicon);
        if (stats.Words < MinWords || stats.ValidMarkedShare >= AccentStrippedBelow || stats.FoldedValidShare < VietnameseAtLeast)
        {
            return new NormalizedText(text, encoding, false, stats.ValidMarkedShare, changes);
        }

        var (repaired, repairs) = OcrRepair.Shared.Repair(text);
        changes.AddRange(repairs);
        return new NormalizedText(repaired, encoding, true, stats.ValidMarkedShare, changes);
    }
}
