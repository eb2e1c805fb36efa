namespace PlanIngest.Extraction.Text;

/// <summary>A folded syllable a read word may stand for, and what the reading costs under the confusion model.</summary>
internal readonly record struct SyllableCandidate(string Folded, double Cost);

/// <summary>Finds the folded syllables within reach of a word as read, nearest first.</summary>
internal sealed class SyllableCandidates(SyllableLexicon lexicon)
{
    // Words recur across pages and documents; past this many distinct ones the cache starts over.
    private const int CacheLimit = 100_000;

    // Beyond this the word is more likely a name, an abbreviation or noise than a damaged syllable.
    private const double MaxCost = 1.0;
    private const int MaxCandidates = 8;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SyllableCandidate[]> cache = new(StringComparer.Ordinal);

    public static SyllableCandidates Shared => Lazy.Value;

    public SyllableCandidate[] For(string lowerRead)
    {
        if (cache.TryGetValue(lowerRead, out var known))
        {
            return known;
        }

        var found = new List<SyllableCandidate>();
        var pattern = OcrConfusionModel.Prepare(lowerRead);
        var columns = new double[trie.Depth + 1, lowerRead.Length + 1];
        var first = new double[lowerRead.Length + 1];
        pattern.FirstColumn(first);
        for (var i = 0; i <= lowerRead.Length; i++)
        {
            columns[0, i] = first[i];
        }

        Search(trie.Root, 0, '\0', pattern, columns, found);

        var best = found.OrderBy(c => c.Cost).ThenBy(c => c.Folded, StringComparer.Ordinal).Take(MaxCandidates).ToArray();
        if (cache.Count >= CacheLimit)
        {
            cache.Clear();
        }

        cache[lowerRead] = best;
        return best;
    }

    private readonly SyllableTrie trie = new(lexicon.FoldedSyllables);

    // Walks the trie of syllables, one edit-table column per letter, so that syllables sharing a
    // prefix share its columns and a prefix already too costly cuts off everything below it.
    private static void Search(SyllableTrie.Node node, int depth, char nodeLetter, OcrConfusionModel.ReadPattern pattern, double[,] columns, List<SyllableCandidate> found)
    {
        var n = pattern.Length;
        if (node.Syllable is { } syllable && Math.Abs(syllable.Length - n) <= 2 && columns[depth, n] <= MaxCost)
        {
            found.Add(new SyllableCandidate(syllable, columns[depth, n]));
        }

        if (depth >= n + 2)
        {
            return;
        }

        Span<double> previous = stackalloc double[n + 1];
        Span<double> column = stackalloc double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            previous[i] = columns[depth, i];
        }

        foreach (var (letter, child) in node.Children)
        {
            if (pattern.NextColumn(previous, column, letter, depth, nodeLetter) > MaxCost)
            {
                continue;
            }

            for (var i = 0; i <= n; i++)
            {
                columns[depth + 1, i] = column[i];
            }

            Search(child, depth + 1, letter, pattern, columns, found);
        }
    }

    private static readonly Lazy<SyllableCandidates> Lazy = new(() => new SyllableCandidates(SyllableLexicon.Shared));
}
