namespace PlanIngest.Extraction.Text;

/// <summary>
/// Chooses, for each damaged word, the folded syllable that best explains the whole run of words:
/// Viterbi over the candidates, scoring the confusion cost of each reading against a bigram language
/// model of folded syllables (interpolated with unigrams) learnt from clean text.
/// </summary>
internal sealed class SyllableDecoder(PhraseDictionary phrases, SyllableLexicon lexicon)
{
    // Nats per unit of confusion cost: one cheap confusion (0.4) ≈ a factor of 5 in likelihood.
    private const double ConfusionWeight = 4.0;

    // Changing a word that already reads as a valid syllable needs the context to argue for it.
    private const double ChangeValidWord = 4.0;

    // Pseudo-count of every lexicon syllable: the corpus is small, and a syllable it lacks is not rare.
    private const double UnseenCount = 1.0;

    private const double BigramMass = 4.0;

    public void Decode(List<Word?> words)
    {
        var start = 0;
        for (var i = 0; i <= words.Count; i++)
        {
            if (i == words.Count || words[i] is null)
            {
                DecodeRun(words, start, i);
                start = i + 1;
            }
        }
    }

    private void DecodeRun(List<Word?> words, int from, int to)
    {
        if (to <= from)
        {
            return;
        }

        var n = to - from;
        var states = new string[n][];
        var ids = new int[n][];
        var unigrams = new double[n][];
        var scores = new double[n][];
        var back = new int[n][];
        for (var k = 0; k < n; k++)
        {
            var word = words[from + k]!;
            states[k] = word.IsFixed ? [word.Chosen] : word.Candidates.Select(c => c.Folded).ToArray();
            ids[k] = states[k].Select(phrases.Id).ToArray();
            unigrams[k] = ids[k].Select(UnigramProbability).ToArray();
            scores[k] = new double[states[k].Length];
            back[k] = new int[states[k].Length];
            for (var s = 0; s < states[k].Length; s++)
            {
                var emission = word.IsFixed ? 0 : Emission(word, word.Candidates[s]);
                if (k == 0)
                {
                    scores[k][s] = emission - Math.Log(unigrams[k][s]);
                    continue;
                }

                var best = double.MaxValue;
                for (var p = 0; p < states[k - 1].Length; p++)
                {
                    var score = scores[k - 1][p] + Transition(ids[k - 1][p], ids[k][s], unigrams[k][s]);
                    if (score < best)
                    {
                        best = score;
                        back[k][s] = p;
                    }
                }

                scores[k][s] = best + emission;
            }
        }

        var state = Array.IndexOf(scores[n - 1], scores[n - 1].Min());
        for (var k = n - 1; k >= 0; k--)
        {
            var word = words[from + k]!;
            if (!word.IsFixed)
            {
                word.Chosen = states[k][state];
            }

            state = back[k][state];
        }
    }

    private static double Emission(Word word, SyllableCandidate candidate) =>
        ConfusionWeight * candidate.Cost + (word.ReadFolded is { } read && read != candidate.Folded ? ChangeValidWord : 0);

    private double UnigramProbability(int id) =>
        (phrases.Count(id) + UnseenCount) / (phrases.Total + UnseenCount * lexicon.FoldedSyllables.Count);

    private double Transition(int previous, int id, double unigram) =>
        -Math.Log((phrases.Count(previous, id) + BigramMass * unigram) / (phrases.CountAsLeft(previous) + BigramMass));
}
