namespace PlanIngest.Extraction.Text;

/// <summary>
/// Unicode text that came from a legacy Vietnamese font through a wrong glyph-to-Unicode map (DESIGN §2):
/// letters systematically swapped (<c>cơng</c> công, <c>cịn</c> còn, <c>hồn thành</c> hoàn thành,
/// <c>thưong</c> thương, <c>ƯBND</c> UBND) or split off (<c>m ại</c> mại, <c>K ÉT LUẬN</c> KẾT LUẬN). Such
/// damage is systematic, so it is repaired only in a document that shows it several times, and a word is
/// changed only where the evidence is clear: it is no syllable as read and one confusion makes it one, or
/// it is a syllable but the phrase dictionary knows only the repaired reading next to its neighbours
/// (<c>đơ thị</c>, <c>hồn thành</c>). Anything else stays as read.
/// </summary>
internal sealed class LegacyFontRepair(SyllableLexicon lexicon, PhraseDictionary phrases, IReadOnlySet<string> abbreviations)
{
    // What such fonts put for a printed letter, as seen in published text layers and text exports.
    private static readonly (string Read, string Printed)[] Confusions =
    [
        ("ơ", "ô"), ("ị", "ò"), ("ồ", "oà"), ("ưo", "ươ"), ("Ơ", "Ô"), ("Ị", "Ò"), ("Ồ", "OÀ"), ("ƯO", "ƯƠ"),
    ];

    // Words that are no syllables until a confusion or a join mends them: one or two odd words are typos,
    // a document damaged by a font shows the same swap again and again.
    private const int DocumentEvidence = 3;

    public static LegacyFontRepair Shared => Lazy.Value;

    /// <summary>The repaired text; <paramref name="changes"/> gets one entry per word changed.</summary>
    public string Repair(string text, List<TextChange> changes)
    {
        var lines = text.Split('\n');
        var tokens = lines.Select(WordTokens.Split).ToArray();

        // First pass: does the document show the damage (words that are no syllables until mended)?
        var clearFixes = 0;
        ForEachWord(lines, tokens, (word, previous, next) => clearFixes += Readings(word, previous, next).Any(r => r.Clear) ? 1 : 0);
        if (clearFixes + CountJoins(lines, tokens) < DocumentEvidence)
        {
            return text;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = RepairLine(lines[i], tokens[i], i + 1, changes);
        }

        return string.Join('\n', lines);
    }

    private string RepairLine(string line, List<WordToken> tokens, int lineNumber, List<TextChange> changes)
    {
        var edits = new List<(int Start, int End, string Replacement)>();
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var previous = t > 0 ? Folded(tokens[t - 1].Text) : null;
            // "m ại", "K ÉT", "đị nh": an onset or a final cut off the rest of its syllable.
            if (t + 1 < tokens.Count && Join(line, token, tokens[t + 1], previous, t + 2 < tokens.Count ? Folded(tokens[t + 2].Text) : null) is { } joined)
            {
                edits.Add((token.Start, tokens[t + 1].End, joined));
                t++;
                continue;
            }

            var next = t + 1 < tokens.Count ? Folded(tokens[t + 1].Text) : null;
            var readings = Readings(token.Text, previous, next).Select(r => r.Word).Distinct().ToList();
            if (readings is [var only])
            {
                edits.Add((token.Start, token.End, only));
            }
            else if (IsAbbreviationWithHorn(token.Text) is { } abbreviation)
            {
                edits.Add((token.Start, token.End, abbreviation));
            }
        }

        foreach (var (start, end, replacement) in Enumerable.Reverse(edits))
        {
            changes.Add(new TextChange(lineNumber, line[start..end], replacement, ChangeReasons.LegacyFont));
            line = string.Concat(line.AsSpan(0, start), replacement, line.AsSpan(end));
        }

        // Reported left to right like every other change.
        changes.Reverse(changes.Count - edits.Count, edits.Count);
        return line;
    }

    /// <summary>
    /// The readings of a word under each confusion that the evidence supports: "clear" when the word is no
    /// syllable and the reading is; otherwise the word is a syllable whose reading alone fits its neighbours.
    /// </summary>
    private IEnumerable<(string Word, bool Clear)> Readings(string word, string? previous, string? next)
    {
        if (!WordTokens.IsAlphabetic(word) || word.All(char.IsAscii))
        {
            yield break;
        }

        var lower = word.ToLowerInvariant();
        var valid = lexicon.IsValid(lower);
        foreach (var (read, printed) in Confusions)
        {
            if (!word.Contains(read, StringComparison.Ordinal))
            {
                continue;
            }

            var candidate = word.Replace(read, printed, StringComparison.Ordinal);
            var candidateLower = candidate.ToLowerInvariant();
            if (!lexicon.IsValid(candidateLower))
            {
                continue;
            }

            if (!valid)
            {
                yield return (candidate, true);
            }
            else if (FitsBetter(lower, candidateLower, previous, next))
            {
                yield return (candidate, false);
            }
        }
    }

    // A syllable is replaced only by a reading the phrase dictionary prefers in this very context.
    private bool FitsBetter(string read, string candidate, string? previous, string? next)
    {
        var readFolded = TextFolding.Fold(read);
        var candidateFolded = TextFolding.Fold(candidate);
        if (readFolded == candidateFolded)
        {
            // đơ → đô: the same letters, so the accented form the phrases give here decides.
            return phrases.Restore(previous, readFolded, next)?.Form == ToneMarks.Canonicalize(candidate);
        }

        return Context(candidateFolded, previous, next) > 0 && Context(readFolded, previous, next) == 0;
    }

    private int Context(string folded, string? previous, string? next)
    {
        var id = phrases.Id(folded);
        return (previous is null ? 0 : phrases.Count(phrases.Id(previous), id)) + (next is null ? 0 : phrases.Count(id, phrases.Id(next)));
    }

    private string? Join(string line, WordToken first, WordToken second, string? previous, string? next)
    {
        // Only a single space between, and one side marked: a lone onset before a rest starting with a vowel
        // (m ại), or a marked start before a lone final (đị nh).
        if (second.Start != first.End + 1 || line[first.End] != ' ' || !WordTokens.IsAlphabetic(first.Text) || !WordTokens.IsAlphabetic(second.Text))
        {
            return null;
        }

        var onsetCut = IsLoneOnset(first.Text) && !second.Text.All(char.IsAscii) && IsVowel(second.Text[0]);
        var finalCut = IsLoneFinal(second.Text) && !first.Text.All(char.IsAscii) && !lexicon.IsValid(first.Text.ToLowerInvariant());
        if (!onsetCut && !finalCut)
        {
            return null;
        }

        var joined = (first.Text + second.Text).ToLowerInvariant();
        // The rest may be a syllable by itself (ÉT): then the phrases must know the joined word here.
        if (!lexicon.IsValid(joined) || onsetCut && lexicon.IsValid(second.Text.ToLowerInvariant()) && Context(TextFolding.Fold(joined), previous, next) == 0)
        {
            return null;
        }

        // The mark left on the cut-off part is as suspect as the cut: the phrases may settle it (K ÉT LUẬN → kết).
        var form = phrases.Restore(previous, TextFolding.Fold(joined), next)?.Form ?? joined;
        return CasePattern.Apply(first.Text + second.Text, form);
    }

    private int CountJoins(string[] lines, List<WordToken>[] tokens)
    {
        var count = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            for (var t = 0; t + 1 < tokens[i].Count; t++)
            {
                count += Join(lines[i], tokens[i][t], tokens[i][t + 1], null, null) is null ? 0 : 1;
            }
        }

        return count;
    }

    private static bool IsVowel(char c) => LetterBase.Of(c) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsLoneOnset(string text) =>
        text.Length is >= 1 and <= 3 && text.All(c => char.IsAscii(c) && char.IsLetter(c)) && !text.Any(c => "aeiouyAEIOUY".Contains(c));

    private static bool IsLoneFinal(string text) => text.ToLowerInvariant() is "c" or "ch" or "m" or "n" or "ng" or "nh" or "p" or "t";

    // "ƯBND": an upper-case abbreviation whose U came out hooked. "TƯ" (Trung ương) is one as it stands.
    private string? IsAbbreviationWithHorn(string word) =>
        word.Length >= 3 && word.Contains('Ư') && word.All(char.IsUpper) && !abbreviations.Contains(word) && abbreviations.Contains(word.Replace('Ư', 'U'))
            ? word.Replace('Ư', 'U')
            : null;

    private static string Folded(string word) => TextFolding.Fold(word);

    private static void ForEachWord(string[] lines, List<WordToken>[] tokens, Action<string, string?, string?> visit)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            for (var t = 0; t < tokens[i].Count; t++)
            {
                visit(tokens[i][t].Text, t > 0 ? Folded(tokens[i][t - 1].Text) : null, t + 1 < tokens[i].Count ? Folded(tokens[i][t + 1].Text) : null);
            }
        }
    }

    private static readonly Lazy<LegacyFontRepair> Lazy = new(() => new LegacyFontRepair(SyllableLexicon.Shared, PhraseDictionary.Shared, Abbreviations.Shared));
}
