using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>
/// Measures the OCR repair on pairs of clean and damaged text (folders holding <c>clean.txt</c> and
/// <c>damaged.txt</c>): the damaged text's words are aligned with the clean text's, before and after
/// repair, and scored on folded syllables (is it the right syllable at all?) and exact spelling (are its
/// diacritics right?), overall and on header lines (issuing body, place and date, type, signer title).
/// </summary>
public static class RepairEvaluation
{
    private static readonly HashSet<string> DocumentTypes = new(StringComparer.Ordinal)
    {
        "ke hoach", "nghi quyet", "quyet dinh", "chi thi", "huong dan", "thong bao", "bao cao",
        "chuong trinh", "de an", "ket luan", "quy che", "to trinh", "cong van",
    };

    public static IReadOnlyList<string> FindPairs(string folder) =>
        Directory.EnumerateDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "clean.txt")) && File.Exists(Path.Combine(d, "damaged.txt")))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static RepairScore ScoreFolder(string pairFolder, Func<string, string> repair)
    {
        var clean = File.ReadAllText(Path.Combine(pairFolder, "clean.txt"));
        var damaged = File.ReadAllText(Path.Combine(pairFolder, "damaged.txt"));
        return Score(Path.GetFileName(pairFolder), clean, damaged, repair(damaged));
    }

    public static RepairScore Score(string name, string clean, string damaged, string repaired)
    {
        var truth = Words(clean, markHeader: true);
        var before = Compare(truth, Words(damaged, markHeader: false));
        var after = Compare(truth, Words(repaired, markHeader: false));
        return new RepairScore(name, before, after);
    }

    /// <summary>The word counts of several pairs added up.</summary>
    public static RepairScore Total(IEnumerable<RepairScore> scores)
    {
        var list = scores.ToList();
        return new RepairScore("total", Sum(list.Select(s => s.Before)), Sum(list.Select(s => s.After)));
    }

    /// <summary>
    /// Every clean word the repaired text has wrong (folded), with the damaged word aligned with it and a few
    /// clean words either side: what error analysis reads (<c>eval-repair --errors</c>).
    /// </summary>
    public static IReadOnlyList<RepairMistake> Mistakes(string clean, string damaged, string repaired)
    {
        var truth = Words(clean, markHeader: true);
        var read = Align(truth, Words(damaged, markHeader: false));
        var fixedUp = Align(truth, Words(repaired, markHeader: false));
        var mistakes = new List<RepairMistake>();
        for (var i = 0; i < truth.Count; i++)
        {
            if (fixedUp[i] is { } after && TextFolding.Fold(after) == truth[i].Folded)
            {
                continue;
            }

            var context = string.Join(' ', truth.Skip(Math.Max(0, i - 3)).Take(Math.Min(i, 3)).Select(w => w.Exact))
                + " [" + truth[i].Exact + "] " + string.Join(' ', truth.Skip(i + 1).Take(3).Select(w => w.Exact));
            mistakes.Add(new RepairMistake(truth[i].Exact, read[i] ?? "-", fixedUp[i] ?? "-", context.Trim(), Diagnose(truth[i].Folded, read[i], fixedUp[i])));
        }

        return mistakes;
    }

    // Where the right syllable stood among the read word's candidates: "lexicon" (the right word is no syllable of the
    // lexicon), "lost" (no read word), "cut" (within reach but not among the best candidates), "missing" (out of the
    // confusion model's reach) or "rank R cost C chosen C'".
    private static string Diagnose(string right, string? read, string? repaired)
    {
        if (!SyllableLexicon.Shared.IsValidFolded(right))
        {
            return "lexicon";
        }

        if (read is null)
        {
            return "lost";
        }

        var candidates = SyllableCandidates.Shared.For(read);
        var rank = Array.FindIndex(candidates, c => c.Folded == right);
        if (rank < 0)
        {
            // Within the candidates' reach but cut off by their number, or out of reach of the confusion model.
            var cost = OcrConfusionModel.Cost(read, right);
            return FormattableString.Invariant($"{(cost <= 1.0 ? "cut" : "missing")} cost {cost:F2}");
        }

        var chosen = repaired is null ? -1 : Array.FindIndex(candidates, c => c.Folded == TextFolding.Fold(repaired));
        return FormattableString.Invariant($"rank {rank} cost {candidates[rank].Cost:F2} chosen {(chosen < 0 ? "-" : candidates[chosen].Cost.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))}");
    }

    private static WordCounts Sum(IEnumerable<WordCounts> counts) => counts.Aggregate(
        new WordCounts(0, 0, 0, 0, 0, 0),
        (a, b) => new WordCounts(a.Words + b.Words, a.Folded + b.Folded, a.Exact + b.Exact, a.HeaderWords + b.HeaderWords, a.HeaderFolded + b.HeaderFolded, a.HeaderExact + b.HeaderExact));

    private static List<(string Exact, string Folded, bool Header)> Words(string text, bool markHeader)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var header = markHeader ? HeaderLines(lines) : new HashSet<int>();
        var words = new List<(string, string, bool)>();
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var token in WordTokens.Split(lines[i]).Where(t => t.Text.Any(char.IsLetter)))
            {
                var exact = ToneMarks.Canonicalize(token.Text.ToLowerInvariant());
                words.Add((exact, TextFolding.Fold(exact), header.Contains(i)));
            }
        }

        return words;
    }

    // The header runs from the top to the type word (KẾ HOẠCH) when that comes early; the signature
    // block is a TM./KT./TL. line and the capitalised title lines under it.
    private static HashSet<int> HeaderLines(string[] lines)
    {
        var header = new HashSet<int>();
        var typeLine = Array.FindIndex(lines, l => l.Trim().Length > 0 && l.Trim() == l.Trim().ToUpperInvariant() && DocumentTypes.Contains(TextFolding.Fold(l.Trim())));
        if (typeLine is >= 0 and < 15)
        {
            header.UnionWith(Enumerable.Range(0, typeLine + 1));
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("TM.", StringComparison.Ordinal) || line.StartsWith("T/M", StringComparison.Ordinal)
                || line.StartsWith("KT.", StringComparison.Ordinal) || line.StartsWith("TL.", StringComparison.Ordinal))
            {
                for (var j = i; j < lines.Length && lines[j].Trim().Length > 0 && lines[j].Trim() == lines[j].Trim().ToUpperInvariant(); j++)
                {
                    header.Add(j);
                }
            }
        }

        return header;
    }

    // A clean word counts as right when the word aligned with it folds (or is spelt) the same.
    private static WordCounts Compare(List<(string Exact, string Folded, bool Header)> truth, List<(string Exact, string Folded, bool Header)> read)
    {
        var aligned = Align(truth, read);
        int words = 0, folded = 0, exact = 0, headerWords = 0, headerFolded = 0, headerExact = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var word = truth[i];
            var isFolded = aligned[i] is { } a && TextFolding.Fold(a) == word.Folded;
            var isExact = aligned[i] == word.Exact;
            words++;
            folded += isFolded ? 1 : 0;
            exact += isExact ? 1 : 0;
            if (word.Header)
            {
                headerWords++;
                headerFolded += isFolded ? 1 : 0;
                headerExact += isExact ? 1 : 0;
            }
        }

        return new WordCounts(words, folded, exact, headerWords, headerFolded, headerExact);
    }

    // Word alignment by edit distance on folded words: for each clean word, the read word aligned with it (or null).
    private static string?[] Align(List<(string Exact, string Folded, bool Header)> truth, List<(string Exact, string Folded, bool Header)> read)
    {
        var n = truth.Count;
        var m = read.Count;
        var cost = new int[n + 1, m + 1];
        for (var i = 0; i <= n; i++)
        {
            cost[i, 0] = i;
        }

        for (var j = 0; j <= m; j++)
        {
            cost[0, j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                var same = truth[i - 1].Folded == read[j - 1].Folded ? 0 : 1;
                cost[i, j] = Math.Min(cost[i - 1, j - 1] + same, Math.Min(cost[i - 1, j], cost[i, j - 1]) + 1);
            }
        }

        var aligned = new string?[n];
        for (int i = n, j = m; i > 0;)
        {
            if (j > 0 && cost[i, j] == cost[i - 1, j - 1] + (truth[i - 1].Folded == read[j - 1].Folded ? 0 : 1))
            {
                aligned[i - 1] = read[j - 1].Exact;
                j--;
            }
            else if (j > 0 && cost[i, j] == cost[i, j - 1] + 1)
            {
                j--;
                continue;
            }

            i--;
        }

        return aligned;
    }
}

/// <summary>Clean words, and how many of them the text under test has right, folded and exactly.</summary>
public sealed record WordCounts(int Words, int Folded, int Exact, int HeaderWords, int HeaderFolded, int HeaderExact)
{
    public double FoldedAccuracy => Words == 0 ? 0 : (double)Folded / Words;

    public double ExactAccuracy => Words == 0 ? 0 : (double)Exact / Words;

    public double HeaderFoldedAccuracy => HeaderWords == 0 ? 0 : (double)HeaderFolded / HeaderWords;

    public double HeaderExactAccuracy => HeaderWords == 0 ? 0 : (double)HeaderExact / HeaderWords;
}

/// <summary>One pair (or the total): the damaged text's counts before repair and after.</summary>
public sealed record RepairScore(string Name, WordCounts Before, WordCounts After);

/// <summary>One clean word the repair got wrong: what was printed, read by the OCR, and written by the repair.</summary>
public sealed record RepairMistake(string Clean, string Damaged, string Repaired, string Context, string Diagnosis);
