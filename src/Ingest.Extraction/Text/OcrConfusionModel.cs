namespace PlanIngest.Extraction.Text;

/// <summary>
/// How far a word as English-model OCR read it is from a folded Vietnamese syllable: a weighted edit
/// distance whose cheap edits are the systematic confusions of DESIGN §2 (Đ read as P, ố as 6, l as 1,
/// a hooked or hatted vowel read as d or g, ư as w or y, ứ as ir, a vowel as &amp; or $ …). 0 means the
/// word already folds to the syllable.
/// </summary>
internal static class OcrConfusionModel
{
    private const double Plain = 1.2;
    private const double Inserted = 0.8;
    private const double Dropped = 0.7;

    // Two read characters standing for one printed letter.
    private static readonly Dictionary<(char, char), (char Letter, double Cost)[]> Pairs = new()
    {
        [('i', 'r')] = [('u', 0.2)],
        [('t', 'r')] = [('u', 0.5)],
        [('t', 't')] = [('u', 0.5)],
        [('t', 'i')] = [('u', 0.4)],
        [('t', 'u')] = [('u', 0.4)],
        [('i', 'i')] = [('u', 0.3)],
        [('i', 'f')] = [('u', 0.3)],
        [('i', 't')] = [('u', 0.3)],
        [('t', 'f')] = [('u', 0.3)],
        [('i', 'v')] = [('u', 0.3)],
        [('i', 'm')] = [('u', 0.3)],
        [('u', '\'')] = [('u', 0.1)],
        [('u', '’')] = [('u', 0.1)],
        [('r', 'n')] = [('m', 0.3)],
        [('c', 'l')] = [('d', 0.4)],
        [('d', 'p')] = [('d', 0.1)],
        [('p', 'd')] = [('d', 0.1)],
        [('l', 'i')] = [('h', 0.5)],
    };

    public static double Cost(string read, string folded) => Prepare(read).Cost(folded, double.MaxValue);

    /// <summary>Does the per-character work on a read word once, for costing it against many syllables.</summary>
    public static ReadPattern Prepare(string read)
    {
        var n = read.Length;
        var bases = new char[n];
        var deletes = new double[n];
        var pairLetters = new char[n];
        var pairCosts = new double[n];
        for (var i = 0; i < n; i++)
        {
            bases[i] = BaseOf(read[i]);
            deletes[i] = DeleteCost(read[i], bases[i], i == n - 1);
            if (i >= 1 && Pairs.TryGetValue((read[i - 1], read[i]), out var letters))
            {
                (pairLetters[i], pairCosts[i]) = letters[0];
            }
        }

        return new ReadPattern(read, bases, deletes, pairLetters, pairCosts);
    }

    /// <summary>A read word prepared for costing.</summary>
    internal sealed class ReadPattern(string read, char[] bases, double[] deletes, char[] pairLetters, double[] pairCosts)
    {
        public int Length => read.Length;

        /// <summary>Column 0 of the edit table: the whole read word against no letters.</summary>
        public void FirstColumn(Span<double> column)
        {
            column[0] = 0;
            for (var i = 1; i <= read.Length; i++)
            {
                column[i] = column[i - 1] + deletes[i - 1];
            }
        }

        /// <summary>
        /// The next column of the edit table after one more letter of the syllable (the letter at
        /// <paramref name="letterAt"/>); returns the column's minimum, which later columns never go below.
        /// </summary>
        public double NextColumn(ReadOnlySpan<double> previous, Span<double> column, char letter, int letterAt)
        {
            var insert = InsertCost(letter);
            column[0] = previous[0] + insert;
            var min = column[0];
            for (var i = 1; i <= read.Length; i++)
            {
                var best = previous[i - 1] + SubstituteCost(read[i - 1], bases[i - 1], letter, i - 1, letterAt);
                best = Math.Min(best, column[i - 1] + deletes[i - 1]);
                best = Math.Min(best, previous[i] + insert);
                if (pairLetters[i - 1] == letter && i >= 2)
                {
                    best = Math.Min(best, previous[i - 2] + pairCosts[i - 1]);
                }

                column[i] = best;
                min = Math.Min(min, best);
            }

            return min;
        }

        /// <summary>The cost of reading <paramref name="folded"/> as this word, or more than <paramref name="limit"/> when it exceeds it.</summary>
        public double Cost(string folded, double limit)
        {
            var n = read.Length;
            var m = folded.Length;
            var w = m + 1;
            Span<double> table = stackalloc double[(n + 1) * w];
            table[0] = 0;
            for (var j = 1; j <= m; j++)
            {
                table[j] = table[j - 1] + InsertCost(folded[j - 1]);
            }

            var previousRowMin = 0.0;
            for (var i = 1; i <= n; i++)
            {
                var delete = deletes[i - 1];
                table[i * w] = table[(i - 1) * w] + delete;
                var rowMin = table[i * w];
                for (var j = 1; j <= m; j++)
                {
                    var best = table[(i - 1) * w + j - 1] + SubstituteCost(read[i - 1], bases[i - 1], folded[j - 1], i - 1, j - 1);
                    best = Math.Min(best, table[(i - 1) * w + j] + delete);
                    best = Math.Min(best, table[i * w + j - 1] + InsertCost(folded[j - 1]));
                    if (pairLetters[i - 1] != '\0' && pairLetters[i - 1] == folded[j - 1])
                    {
                        best = Math.Min(best, table[(i - 2) * w + j - 1] + pairCosts[i - 1]);
                    }

                    table[i * w + j] = best;
                    rowMin = Math.Min(rowMin, best);
                }

                // Costs never fall: once two rows in a row are over the limit, so is everything after.
                if (rowMin > limit && previousRowMin > limit)
                {
                    return double.MaxValue;
                }

                previousRowMin = rowMin;
            }

            return table[n * w + m];
        }
    }

    /// <summary>The unmarked letter of a read character (é → e, đ → d), or the character itself.</summary>
    public static char BaseOf(char read) =>
        read < '\u0080' ? char.ToLowerInvariant(read) : TextFolding.Fold(read.ToString()) is [var single] ? single : read;

    private static double SubstituteCost(char read, char baseLetter, char letter, int readAt, int letterAt)
    {
        if (baseLetter == letter)
        {
            return 0;
        }

        if (readAt == 0 && letterAt == 0 && letter == 'd')
        {
            // Đ at the start of a word: P above all, then b (DESIGN §2).
            if (read == 'p')
            {
                return 0.1;
            }

            if (read == 'b')
            {
                return 0.3;
            }
        }

        var vowel = IsVowel(letter);
        return (read, letter) switch
        {
            ('6', 'o') => 0.2,
            ('0', 'o') => 0.3,
            ('1', 'l') => 0.2,
            ('1', 'i') => 0.3,
            ('l', 'i') or ('i', 'l') => 0.4,
            ('y', 'u') or ('w', 'u') or ('v', 'u') => 0.3,
            ('j', 'i') => 0.3,
            ('f', 'i') => 0.4,
            ('d', _) when vowel => 0.4,
            ('g', 'o') => 0.5,
            ('q', 'g') or ('g', 'q') => 0.4,
            ('c', 'e') or ('e', 'c') => 0.4,
            ('t', 'u') => 0.5,
            ('i', 'u') => 0.4,
            ('m', 'n') or ('n', 'm') or ('h', 'b') or ('b', 'h') => 0.5,
            ('4' or '3', 'a') => 0.3,
            ('9', 'g') => 0.4,
            _ when vowel && IsWildcard(read) => 0.3,
            _ when vowel && read != baseLetter && IsVowel(baseLetter) => 0.4,
            _ when vowel && IsVowel(read) => 0.6,
            _ => Plain,
        };
    }

    // A mark read as a letter (d, g, w) lands inside the word; the last letter read is rarely spurious.
    private static double DeleteCost(char read, char baseLetter, bool last) => read switch
    {
        '\'' or '’' => 0.1,
        'd' or 'g' when last => Inserted,
        'd' or 'g' or 'w' => 0.4,
        'r' => 0.5,
        't' => 0.6,
        _ when IsWildcard(read) || (read != baseLetter && IsVowel(baseLetter)) => 0.4,
        _ => Inserted,
    };

    private static double InsertCost(char letter) => IsVowel(letter) ? 0.6 : Dropped + 0.1;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsWildcard(char c) => c is '&' or '$' or '¢' or '@' or '€' or '£' or '\uFB01' or '\uFB02';
}
