namespace PlanIngest.Extraction.Text;

/// <summary>A folded syllable a read word may stand for, and what the reading costs under the confusion model.</summary>
internal readonly record struct SyllableCandidate(string Folded, double Cost);

/// <summary>Finds the folded syllables within reach of a word as read, nearest first.</summary>
internal sealed class SyllableCandidates(SyllableLexicon lexicon)
{
    // Beyond this the word is more likely a name, an abbreviation or noise than a damaged syllable.
    private const double MaxCost = 1.0;
    private const int MaxCandidates = 8;

    private readonly Dictionary<string, SyllableCandidate[]> cache = new(StringComparer.Ordinal);

    public SyllableCandidate[] For(string lowerRead)
    {
        if (cache.TryGetValue(lowerRead, out var known))
        {
            return known;
        }

        var found = new List<SyllableCandidate>();
        foreach (var folded in lexicon.FoldedSyllables)
        {
            if (Math.Abs(folded.Length - lowerRead.Length) > 2)
            {
                continue;
            }

            var cost = OcrConfusionModel.Cost(lowerRead, folded);
            if (cost <= MaxCost)
            {
                found.Add(new SyllableCandidate(folded, cost));
            }
        }

        var best = found.OrderBy(c => c.Cost).ThenBy(c => c.Folded, StringComparer.Ordinal).Take(MaxCandidates).ToArray();
        cache[lowerRead] = best;
        return best;
    }
}
