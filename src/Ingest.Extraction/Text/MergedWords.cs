namespace PlanIngest.Extraction.Text;

/// <summary>
/// Splits words that OCR ran together where two header columns meet or a space was lost
/// (<c>BANMTTQ</c> → <c>BAN MTTQ</c>, <c>VIETNAM</c> → <c>VIET NAM</c>, <c>Poclap</c> → <c>Poc lap</c>),
/// only when both parts read as syllables or known abbreviations with almost no confusion.
/// </summary>
internal static class MergedWords
{
    // Each part must read as a syllable outright (or with Đ read as P): a split is a strong claim.
    private const double PartCost = 0.1;

    public static string Split(string line, int lineNumber, List<TextChange> changes, SyllableCandidates candidates, IReadOnlySet<string> abbreviations)
    {
        foreach (var token in WordTokens.Split(line).OrderByDescending(t => t.Start))
        {
            var text = token.Text;
            if (text.Length < 5 || !WordTokens.IsAlphabetic(text) || abbreviations.Contains(text) || candidates.For(text.ToLowerInvariant()).Length > 0)
            {
                continue;
            }

            var best = (At: 0, Cost: double.MaxValue);
            for (var at = 2; at <= text.Length - 2; at++)
            {
                var cost = Reads(text[..at], candidates, abbreviations) + Reads(text[at..], candidates, abbreviations);
                if (cost < best.Cost)
                {
                    best = (at, cost);
                }
            }

            if (best.Cost <= PartCost)
            {
                var replacement = $"{text[..best.At]} {text[best.At..]}";
                changes.Add(new TextChange(lineNumber, text, replacement, ChangeReasons.MergedWords));
                line = string.Concat(line.AsSpan(0, token.Start), replacement, line.AsSpan(token.End));
            }
        }

        return line;
    }

    private static double Reads(string part, SyllableCandidates candidates, IReadOnlySet<string> abbreviations) =>
        abbreviations.Contains(part) ? 0
        : candidates.For(part.ToLowerInvariant()) is [var first, ..] ? first.Cost
        : double.MaxValue / 4;
}
