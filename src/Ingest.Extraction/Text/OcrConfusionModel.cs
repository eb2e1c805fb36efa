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
    private const double FinalCAfterU = 0.3;
    private const double HornedOAfterU = 0.3;
    // é read where ô / ơ was printed: 3 cases in 10 on the repair pairs, so ln(7/3) ≈ 0.85 nats ≈ 0.2 at the decoder's
    // 4 nats per unit (round 5; at 0.1 a read "tré" cost almost nothing as trở: dev sets heldout2-4 +3 words at 0.2).
    private const double EReadForO = 0.2;

    // ươ read as a bare o, the u lost with the horn (trường → trong, chương → chong, đường → dong): 15 of the
    // tuning pairs' words with ươ, beside the bare u of HornedOAfterU.
    private const double HornedUBeforeO = 0.3;

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
        [('i', '?')] = [('u', 0.2)],
        [('i', 't')] = [('u', 0.3)],
        [('t', 'f')] = [('u', 0.3)],
        [('i', 'v')] = [('u', 0.3)],
        [('i', 'm')] = [('u', 0.3)],
        // uw: the English model's ư spelt out (Thuwoéng for Thường, duwéng, nuwéc; 5 times on the tuning pairs).
        [('u', 'w')] = [('u', 0.1)],
        [('u', '\'')] = [('u', 0.1)],
        [('u', '’')] = [('u', 0.1)],
        [('r', 'n')] = [('m', 0.3)],
        [('c', 'l')] = [('d', 0.4)],
        [('d', 'p')] = [('d', 0.1)],
        [('p', 'd')] = [('d', 0.1)],
        [('l', 'i')] = [('h', 0.5)],
    };

    public static double Cost(string read, string folded) => Prepare(read).Cost(folded);

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
        public double NextColumn(ReadOnlySpan<double> previous, Span<double> column, char letter, int letterAt, char previousLetter)
        {
            var insert = InsertCost(letter);
            column[0] = previous[0] + insert;
            var min = column[0];
            for (var i = 1; i <= read.Length; i++)
            {
                var best = previous[i - 1] + SubstituteCost(read[i - 1], bases[i - 1], letter, i - 1, letterAt);
                best = Math.Min(best, column[i - 1] + deletes[i - 1]);
                // ực / ức read as a bare u (thực → thu, trực → tru): the final c is lost with the horn;
                // ươ read as a bare u (được → duc, trước → truc): the horned o is lost.
                var dropped = i == read.Length && letter == 'c' && previousLetter == 'u' ? FinalCAfterU
                    : letter == 'o' && previousLetter == 'u' ? HornedOAfterU
                    : letter == 'u' && i < read.Length && bases[i] == 'o' ? HornedUBeforeO
                    : insert;
                best = Math.Min(best, previous[i] + dropped);
                if (pairLetters[i - 1] == letter && i >= 2)
                {
                    best = Math.Min(best, previous[i - 2] + pairCosts[i - 1]);
                }

                column[i] = best;
                min = Math.Min(min, best);
            }

            return min;
        }

        /// <summary>The cost of reading <paramref name="folded"/> as this word.</summary>
        public double Cost(string folded)
        {
            Span<double> previous = stackalloc double[read.Length + 1];
            Span<double> column = stackalloc double[read.Length + 1];
            FirstColumn(previous);
            for (var j = 0; j < folded.Length; j++)
            {
                NextColumn(previous, column, folded[j], j, j > 0 ? folded[j - 1] : '\0');
                column.CopyTo(previous);
            }

            return previous[read.Length];
        }
    }

    /// <summary>The unmarked letter of a read character (é → e, đ → d), or the character itself.</summary>
    public static char BaseOf(char read) => LetterBase.Of(read);

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

        // Ủ at the start of a word read as T (Ủy → Ty, Từ → Ty): counted 31 times on the repair pairs.
        if (readAt == 0 && letterAt == 0 && read == 't' && letter == 'u')
        {
            return 0.2;
        }

        var vowel = IsVowel(letter);
        return (read, letter) switch
        {
            ('6', 'o') => 0.2,
            ('8', 'o') => 0.3,
            ('0', 'o') => 0.3,
            ('1', 'l') => 0.2,
            ('1', 'i') => 0.3,
            ('l', 'i') or ('i', 'l') => 0.4,
            // w is the English model's ư: on the tuning pairs every one of 81 read words with a w had a horned letter.
            ('w', 'u') => 0.1,
            ('y', 'u') or ('v', 'u') => 0.3,
            ('j', 'i') => 0.3,
            ('f', 'i') => 0.4,
            // d stands for a hooked or hatted vowel: ơ ô above all, then ă, ê, ư.
            ('d', 'o') => 0.3,
            ('d', 'a') => 0.4,
            ('d', 'e') => 0.5,
            ('d', 'u') => 0.6,
            ('g', 'o') => 0.5,
            ('q', 'g') or ('g', 'q') => 0.4,
            ('q', 'o') => 0.3,
            ('c', 'e') or ('e', 'c') => 0.4,
            ('t', 'u') => 0.5,
            ('i', 'u') => 0.3,
            // ủ read as a (phủ → pha, thủ → tha, đủ → da): 7 times on the pairs.
            ('a', 'u') => 0.4,
            // ủ read as h (của → cha).
            ('h', 'u') => 0.5,
            ('m', 'n') or ('n', 'm') or ('h', 'b') or ('b', 'h') => 0.5,
            ('4' or '3', 'a') => 0.3,
            ('9', 'g') => 0.4,
            _ when vowel && IsWildcard(read) => 0.3,
            // A marked letter read for another vowel: é for ố (sé số) is common, é for u is not. Counted on
            // the repair pairs, the English model's é stands for a hatted or horned o (ô ố ộ ớ ở) in 3 cases of 10.
            _ when vowel && read != baseLetter && IsVowel(baseLetter) => (baseLetter, letter) switch
            {
                ('e', 'o') => EReadForO,
                ('o', 'e') or ('a', 'o') or ('o', 'a') => 0.4,
                ('e', 'a') or ('a', 'e') => 0.5,
                _ => 0.7,
            },
            // A plain e where a hatted or horned o was printed (hợp → hep, trợ → tre) is the commonest vowel swap.
            _ when vowel && read == 'e' && letter == 'o' => 0.3,
            _ when vowel && IsVowel(read) => 0.6,
            _ => Plain,
        };
    }

    // A mark read as a letter (d, g, w) lands inside the word; the last letter read is rarely spurious.
    private static double DeleteCost(char read, char baseLetter, bool last) => read switch
    {
        '\'' or '’' => 0.1,
        '?' => 0.3,
        'd' or 'g' when last => Inserted,
        'd' or 'g' => 0.4,
        'r' => 0.5,
        't' => 0.6,
        _ when IsWildcard(read) || (read != baseLetter && IsVowel(baseLetter)) => 0.4,
        _ => Inserted,
    };

    private static double InsertCost(char letter) => IsVowel(letter) ? 0.6 : Dropped + 0.1;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsWildcard(char c) => c is '&' or '$' or '¢' or '@' or '€' or '£' or '\uFB01' or '\uFB02';
}
