namespace PlanIngest.Extraction.Text;

/// <summary>
/// Recognises TCVN3 and VNI text that reached us as Latin-1 characters and converts it. A text holding
/// any letter only Unicode Vietnamese has (ơ, ư, ă, đ, ạ … ỹ) is Unicode and is never converted; otherwise
/// a conversion is taken only when it turns clearly more words into valid Vietnamese syllables.
/// </summary>
internal static class LegacyEncodingDetector
{
    private const double MinValidShare = 0.6;
    private const double MinGain = 0.2;

    public static LegacyEncoding Detect(string text, SyllableLexicon lexicon)
    {
        if (text.Any(IsUnicodeVietnamese) || !text.Any(c => c is >= '\u00A0' and <= '\u00FF'))
        {
            return LegacyEncoding.Unicode;
        }

        var asRead = Score(text, lexicon);
        var best = (Encoding: LegacyEncoding.Unicode, Score: asRead);
        foreach (var encoding in new[] { LegacyEncoding.Tcvn3, LegacyEncoding.Vni })
        {
            var score = Score(Decode(text, encoding), lexicon);
            if (score > best.Score)
            {
                best = (encoding, score);
            }
        }

        return best.Score >= MinValidShare && best.Score - asRead >= MinGain ? best.Encoding : LegacyEncoding.Unicode;
    }

    public static string Decode(string text, LegacyEncoding encoding) => encoding switch
    {
        LegacyEncoding.Tcvn3 => Tcvn3Codec.Decode(text),
        LegacyEncoding.Vni => VniCodec.Decode(text),
        _ => text,
    };

    /// <summary>Letters that exist in Unicode Vietnamese but in neither Latin-1 nor the legacy byte codes.</summary>
    public static bool IsUnicodeVietnamese(char c) =>
        c is '\u0102' or '\u0103' or '\u0110' or '\u0111' or '\u0128' or '\u0129' or '\u0168' or '\u0169'
            or '\u01A0' or '\u01A1' or '\u01AF' or '\u01B0' or (>= '\u1EA0' and <= '\u1EF9')
        || c is >= '\u0300' and <= '\u0323';

    // Share of the words with marks that are valid syllables, over words that have marks in either reading.
    private static double Score(string text, SyllableLexicon lexicon)
    {
        var stats = VietnameseTextStats.Measure(text, lexicon);
        return stats.Words == 0 ? 0 : (double)(stats.Words - stats.MarkedWords + stats.ValidMarkedWords) / stats.Words;
    }
}
