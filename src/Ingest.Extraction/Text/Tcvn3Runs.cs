using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>
/// TCVN3 runs inside otherwise Unicode text (<c>1.2. T×nh h×nh kinh tÕ-x· héi:</c> in a Unicode report):
/// what a document assembled from an old .VnTime file and a new one looks like once a converter missed a
/// paragraph. A run is converted when its words are no syllables as read, are syllables once decoded, and
/// the run holds a code that never stands inside a Unicode word (× ¬ · ® µ ¸ …): the letters alone (é, ó)
/// are also what English-model OCR writes, and must not be "decoded".
/// </summary>
internal static class Tcvn3Runs
{
    public static string Convert(string text, SyllableLexicon lexicon, List<TextChange> changes)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = ConvertLine(lines[i], i + 1, lexicon, changes);
        }

        return string.Join('\n', lines);
    }

    private static string ConvertLine(string line, int lineNumber, SyllableLexicon lexicon, List<TextChange> changes)
    {
        if (!line.Any(IsNonLetterCode))
        {
            return line;
        }

        // Words of letters and code characters; a run is a sequence of words each of which either decodes to a
        // syllable it was not, or does not change (plain ASCII words such as "kinh" inside "kinh tÕ").
        var words = Words(line);
        var result = new StringBuilder(line);
        var run = new List<(int Start, int Length, string Decoded)>();
        for (var w = 0; w <= words.Count; w++)
        {
            var verdict = w < words.Count ? Judge(line.Substring(words[w].Start, words[w].Length), lexicon) : Verdict.Breaks;
            if (verdict == Verdict.Converts)
            {
                run.Add((words[w].Start, words[w].Length, Tcvn3Codec.Decode(line.Substring(words[w].Start, words[w].Length))));
            }

            if (verdict == Verdict.Breaks)
            {
                // A lone sign (× in "3 × 4", § before a section number) is not a run: two words, or one of three letters.
                if (run.Any(r => line.AsSpan(r.Start, r.Length).ContainsAny(NonLetterCodes)) && (run.Count >= 2 || run[0].Length >= 3))
                {
                    var from = run[0].Start;
                    var to = run[^1].Start + run[^1].Length;
                    var original = line[from..to];
                    foreach (var (start, length, decoded) in Enumerable.Reverse(run))
                    {
                        result.Remove(start, length).Insert(start, decoded);
                    }

                    changes.Add(new TextChange(lineNumber, original, Tcvn3Codec.Decode(original), ChangeReasons.Tcvn3Run));
                }

                run.Clear();
            }
        }

        return result.ToString();
    }

    private enum Verdict { Converts, Neutral, Breaks }

    private static Verdict Judge(string word, SyllableLexicon lexicon)
    {
        if (!word.Any(Tcvn3Codec.IsCode))
        {
            // Plain letters read the same in both encodings; a Unicode Vietnamese letter ends the run.
            return word.All(char.IsAscii) ? Verdict.Neutral : Verdict.Breaks;
        }

        var decoded = Tcvn3Codec.Decode(word).ToLowerInvariant();
        return !lexicon.IsValid(word.ToLowerInvariant()) && lexicon.IsValid(decoded) ? Verdict.Converts : Verdict.Breaks;
    }

    private static List<(int Start, int Length)> Words(string line)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < line.Length)
        {
            if (!IsWordChar(line[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && IsWordChar(line[i]))
            {
                i++;
            }

            words.Add((start, i - start));
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || Tcvn3Codec.IsCode(c);

    // TCVN3 codes that are no letters in Unicode: a word holding one is not Unicode Vietnamese.
    private static readonly char[] NonLetterCodes =
        Enumerable.Range(0xA1, 0xFE - 0xA1 + 1).Select(c => (char)c).Where(c => Tcvn3Codec.IsCode(c) && !char.IsLetter(c)).ToArray();

    private static bool IsNonLetterCode(char c) => Array.IndexOf(NonLetterCodes, c) >= 0;
}
