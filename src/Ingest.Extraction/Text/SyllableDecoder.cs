namespace PlanIngest.Extraction.Text;

/// <summary>
/// Chooses, for each damaged word, the folded syllable that best explains the whole run of words:
/// second-order Viterbi over the candidates, scoring the confusion cost of each reading against a trigram
/// language model of folded syllables (Witten-Bell, backed off to bigrams and unigrams): the administrative
/// phrases' counts, plus general Vietnamese frequencies (<see cref="SyllableFrequencies"/>) as background.
/// </summary>
internal sealed class SyllableDecoder(PhraseDictionary phrases, SyllableLexicon lexicon, SyllableFrequencies? background = null, ReadReliability? reliability = null)
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

    // Trigram counterpart of BigramMass (tuned pairs: 1 → 97.95%, 4 → 98.0%; older pairs 98.4% → 98.6%).
    private const double TrigramMass = 4.0;

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

        }

        // Second-order Viterbi: a state is the pair (reading at k-1, reading at k), so that the phrases'
        // trigrams ("phó chủ tịch", "ban chỉ đạo") weigh in where they know the context.
        var emissions = new double[n][];
        for (var k = 0; k < n; k++)
        {
            var word = words[from + k]!;
            emissions[k] = states[k].Select((_, s) => word.IsFixed ? 0 : Emission(word, word.Candidates[s])).ToArray();
        }

        var first = states[0].Select((_, s) => emissions[0][s] - Math.Log(unigrams[0][s])).ToArray();
        if (n == 1)
        {
            Choose(words[from]!, states[0][Array.IndexOf(first, first.Min())]);
            return;
        }

        // scores[p, s] at k: best path ending with p at k-1 and s at k; back[k][p, s]: its state at k-2.
        var scores = new double[states[0].Length, states[1].Length];
        var back = new int[n][,];
        for (var p = 0; p < states[0].Length; p++)
        {
            var left = LeftOf(ids[0][p], backgroundIds[0][p]);
            for (var s = 0; s < states[1].Length; s++)
            {
                scores[p, s] = first[p] + Bigram(left, ids[0][p], backgroundIds[0][p], ids[1][s], backgroundIds[1][s], unigrams[1][s]) + emissions[1][s];
            }
        }

        for (var k = 2; k < n; k++)
        {
            var bigrams = new double[states[k - 1].Length, states[k].Length];
            var next = new double[states[k - 1].Length, states[k].Length];
            back[k] = new int[states[k - 1].Length, states[k].Length];
            for (var p = 0; p < states[k - 1].Length; p++)
            {
                var left = LeftOf(ids[k - 1][p], backgroundIds[k - 1][p]);
                for (var s = 0; s < states[k].Length; s++)
                {
                    bigrams[p, s] = Bigram(left, ids[k - 1][p], backgroundIds[k - 1][p], ids[k][s], backgroundIds[k][s], unigrams[k][s]);
                    next[p, s] = double.MaxValue;
                }

                for (var q = 0; q < states[k - 2].Length; q++)
                {
                    // Most pairs were never seen in the phrases: their trigram is the bigram.
                    var context = phrases.CountAsContext(ids[k - 2][q], ids[k - 1][p]);
                    for (var s = 0; s < states[k].Length; s++)
                    {
                        var score = scores[q, p] + (context.Total == 0 ? bigrams[p, s] : Trigram(ids[k - 2][q], ids[k - 1][p], ids[k][s], context, bigrams[p, s]));
                        if (score < next[p, s])
                        {
                            next[p, s] = score;
                            back[k][p, s] = q;
                        }
                    }
                }

                for (var s = 0; s < states[k].Length; s++)
                {
                    next[p, s] += emissions[k][s];
                }
            }

            scores = next;
        }

        var (bestP, bestS, bestScore) = (0, 0, double.MaxValue);
        for (var p = 0; p < scores.GetLength(0); p++)
        {
            for (var s = 0; s < scores.GetLength(1); s++)
            {
                if (scores[p, s] < bestScore)
                {
                    (bestP, bestS, bestScore) = (p, s, scores[p, s]);
                }
            }
        }

        for (var k = n - 1; k >= 1; k--)
        {
            Choose(words[from + k]!, states[k][bestS]);
            var q = k >= 2 ? back[k][bestP, bestS] : 0;
            (bestS, bestP) = (bestP, q);
        }

        Choose(words[from]!, states[0][bestS]);
    }

    private static void Choose(Word word, string folded)
    {
        if (!word.IsFixed)
        {
            word.Chosen = folded;
        }
    }

    // Witten-Bell: a word followed by many different words leaves more room for an unseen one than a word
    // always followed by the same one ("hệ" by "thống"), so "hé đăng ký" reads as hộ, not hệ. The left
    // word's totals (LeftOf) are looked up once per state, not once per pair of states.
    private double Bigram((double Total, double Room) left, int previous, int previousBackground, int id, int backgroundId, double unigram)
    {
        var seen = phrases.Count(previous, id) + (background is null ? 0 : backgroundScale * background.Count(previousBackground, backgroundId));
        return -Math.Log((seen + left.Room * unigram) / (left.Total + left.Room));
    }

    private (double Total, double Room) LeftOf(int previous, int previousBackground) => (
        phrases.CountAsLeft(previous) + backgroundScale * (background?.CountAsLeft(previousBackground) ?? 0),
        BigramMass + ContinuationWeight * (phrases.Continuations(previous) + (background?.Continuations(previousBackground) ?? 0)));

    // Witten-Bell again, one level up: the trigram where the phrases saw the pair, the bigram below it.
    private double Trigram(int first, int second, int id, (int Total, int Types) context, double bigramCost)
    {
        var room = TrigramMass + ContinuationWeight * context.Types;
        return -Math.Log((phrases.Count(first, second, id) + room * Math.Exp(-bigramCost)) / (context.Total + room));
    }

    private double Emission(Word word, SyllableCandidate candidate) =>
        ConfusionWeight * candidate.Cost + (word.ReadFolded is { } read && read != candidate.Folded ? ChangePenalty(word.Token.Text) : 0);

    // The general rates behind ChangeValidWord and ChangeMarkedWord (see there).
    private const double PlainWrongRate = 0.029;
    private const double MarkedWrongRate = 0.125;

    // The penalty is the log-odds of the read word being right, scaled so that a word never counted keeps the
    // general penalty; a word that was wrong more often than right costs nothing to change.
    private double ChangePenalty(string read)
    {
        var marked = false;
        foreach (var c in read)
        {
            if (c >= '\u0080' || !char.IsLetter(c))
            {
                marked = true;
                break;
            }
        }

        var (penalty, rate) = marked ? (ChangeMarkedWord, MarkedWrongRate) : (ChangeValidWord, PlainWrongRate);
        if (reliability is null)
        {
            return penalty;
        }

        var wrong = reliability.WrongRate(read.ToLowerInvariant(), rate);
        return Math.Max(0, penalty * LogOdds(wrong) / LogOdds(rate));
    }

    private static double LogOdds(double wrongRate) => Math.Log((1 - wrongRate) / wrongRate);

    private double UnigramProbability(int id, int backgroundId) =>
        (phrases.Count(id) + backgroundScale * (background?.Count(backgroundId) ?? 0) + UnseenCount)
        / (phrases.Total + backgroundScale * (background?.Total ?? 0) + UnseenCount * lexicon.FoldedSyllables.Count);


}
