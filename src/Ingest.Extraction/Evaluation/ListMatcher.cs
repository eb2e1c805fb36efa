namespace PlanIngest.Extraction.Evaluation;

/// <summary>
/// Pairs gold items with extracted items: only items with equal keys can pair, pairs below the similarity
/// threshold are refused, and the most similar pairs are taken first so that each item is used once.
/// </summary>
internal static class ListMatcher
{
    public static IReadOnlyList<(T Gold, T Actual)> Match<T>(
        IReadOnlyList<T> gold, IReadOnlyList<T> actual, Func<T, string> key, Func<T, T, double> similarity, double threshold)
    {
        var candidates = new List<(int G, int A, double Score)>();
        for (var g = 0; g < gold.Count; g++)
        {
            var goldKey = key(gold[g]);
            for (var a = 0; a < actual.Count; a++)
            {
                if (key(actual[a]) == goldKey && similarity(gold[g], actual[a]) is var score && score >= threshold)
                {
                    candidates.Add((g, a, score));
                }
            }
        }

        var usedGold = new bool[gold.Count];
        var usedActual = new bool[actual.Count];
        var pairs = new List<(T, T)>();
        foreach (var (g, a, _) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.G).ThenBy(c => c.A))
        {
            if (!usedGold[g] && !usedActual[a])
            {
                usedGold[g] = usedActual[a] = true;
                pairs.Add((gold[g], actual[a]));
            }
        }

        return pairs;
    }
}
