namespace PlanIngest.Extraction.Text;

/// <summary>
/// Chooses, for each damaged word, the folded syllable that best explains the whole run of words:
/// Viterbi over the candidates, scoring the confusion cost of each reading against a bigram language
/// model of folded syllables (interpolated with unigrams): the administrative phrases' counts, plus
/// general Vietnamese frequencies (<see cref="SyllableFrequencies"/>) as background.
/// </summary>
internal sealed class SyllableDecoder(PhraseDictionary phrases, SyllableLexicon lexicon, SyllableFrequencies? background = null)
{
    // Nats per unit of confusion cost: one cheap confusion (0.4) ≈ a factor of 5 in likelihood.
    private const double ConfusionWeight = 4.0;

    // Changing a word that already reads as a valid syllable needs the context to argue for it: on the
    // repair pairs a word read in plain letters that spells a syllable is wrong 2.9% of the time …
    private const double ChangeValidWord = 3.0;

    // … one the English model wrote with a mark or a digit 12.5% (hé, lép, v6i, a lone 6): its é stands
    // for whatever mark Vietnamese had there (hộ, lớp, với, ở), so "hé" only looks like a syllable.
    private const double ChangeMarkedWord = 1.5;

    // Pseudo-count of every lexicon syllable, for one neither the phrases nor the background have.
    private const double UnseenCount = 0.1;

    private const double BigramMass = 4.0;

    // Share of Witten-Bell's continuation count in the room a word leaves for unseen followers.
    private const double ContinuationWeight = 0.5;

    // The background's weight as a multiple of the phrases' own mass (tuning pairs: 1 → 97.3%, 3 → 97.8%).
    private const double BackgroundShare = 3.0;

    private readonly double backgroundScale = background is null || background.Total == 0 ? 0 : BackgroundShare * phrases.Total / background.Total;

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
        var backgroundIds = new int[n][];
        var unigrams = new double[n][];
        var scores = new double[n][];
        var back = new int[n][];
        for (var k = 0; k < n; k++)
        {
            var word = words[from + k]!;
            states[k] = word.IsFixed ? [word.Chosen] : word.Candidates.Select(c => c.Folded).ToArray();
            ids[k] = states[k].Select(phrases.Id).ToArray();
            backgroundIds[k] = states[k].Select(f => background?.Find(f) ?? -1).ToArray();
            unigrams[k] = new double[states[k].Length];
            for (var s = 0; s < states[k].Length; s++)
            {
                unigrams[k][s] = UnigramProbability(ids[k][s], backgroundIds[k][s]);
            }

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
                    var score = scores[k - 1][p] + Transition(ids[k - 1][p], backgroundIds[k - 1][p], ids[k][s], backgroundIds[k][s], unigrams[k][s]);
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
        ConfusionWeight * candidate.Cost + (word.ReadFolded is { } read && read != candidate.Folded ? ChangePenalty(word.Token.Text) : 0);

    private static double ChangePenalty(string read)
    {
        foreach (var c in read)
        {
            if (c >= '\u0080' || !char.IsLetter(c))
            {
                return ChangeMarkedWord;
            }
        }

        return ChangeValidWord;
    }

    private double UnigramProbability(int id, int backgroundId) =>
        (phrases.Count(id) + backgroundScale * (background?.Count(backgroundId) ?? 0) + UnseenCount)
        / (phrases.Total + backgroundScale * (background?.Total ?? 0) + UnseenCount * lexicon.FoldedSyllables.Count);

    // Witten-Bell: a word followed by many different words leaves more room for an unseen one than a word
    // always followed by the same one ("hệ" by "thống"), so "hé đăng ký" reads as hộ, not hệ.
    private double Transition(int previous, int previousBackground, int id, int backgroundId, double unigram)
    {
        var seen = phrases.Count(previous, id) + backgroundScale * (background?.Count(previousBackground, backgroundId) ?? 0);
        var total = phrases.CountAsLeft(previous) + backgroundScale * (background?.CountAsLeft(previousBackground) ?? 0);
        var room = BigramMass + ContinuationWeight * (phrases.Continuations(previous) + (background?.Continuations(previousBackground) ?? 0));
        return -Math.Log((seen + room * unigram) / (total + room));
    }

}
