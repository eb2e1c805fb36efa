namespace PlanIngest.Extraction.Text;

/// <summary>
/// Repairs accent-stripped, English-model OCR text (DESIGN §2): line rules first, then merged header
/// words are split, then each word is read as the folded syllable that best explains it (confusion
/// model × language model, decoded over the sentence), and finally diacritics are restored where the
/// phrase dictionary or the lexicon leaves one spelling. A word the evidence does not settle stays as read.
/// </summary>
internal sealed class OcrRepair(SyllableLexicon lexicon, PhraseDictionary phrases, IReadOnlySet<string> abbreviations)
{
    public static OcrRepair Shared => Lazy.Value;

    public (string Text, IReadOnlyList<TextChange> Changes) Repair(string text)
    {
        var changes = new List<TextChange>();
        var candidates = SyllableCandidates.Shared;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = OcrLineRules.Apply(lines[i], i + 1, changes);
            lines[i] = MergedWords.Split(lines[i], i + 1, changes, candidates, abbreviations);
        }

        var words = ReadWords(lines, candidates);
        if (!LooksGarbled(words))
        {
            KeepLetters(words);
        }
        else
        {
            KeepPlaceNames(words, PlaceNameRuns.Shared);
        }

        new SyllableDecoder(phrases, lexicon, SyllableFrequencies.Shared, ReadReliability.Shared).Decode(words);
        Restore(words);
        Rewrite(lines, words, changes);
        // Line rules ran first and words were rewritten right to left: report in reading order.
        return (string.Join('\n', lines), changes.OrderBy(c => c.Line).ToList());
    }

    // Share of syllable-like words that are no Vietnamese syllable. Measured: text that was only
    // stripped of its marks stays under about 4% (names such as Krông, Êban, Đắk Lắk, loanwords),
    // English-model OCR of Vietnamese is at 8-21% (testdata/repair, seeds 000-002).
    private const double GarbledShare = 0.06;

    private static bool LooksGarbled(List<Word?> words)
    {
        var open = words.OfType<Word>().Where(w => !w.IsFixed).ToList();
        return open.Count > 0 && (double)open.Count(w => w.ReadFolded is null) / open.Count >= GarbledShare;
    }

    /// <summary>
    /// In text that is only accent-stripped, a word that is no syllable is a name or a loanword
    /// ("Krong Pac" is Krông Pắc, not "Rộng Pác"): only marks may be restored, never letters changed.
    /// </summary>
    private static void KeepLetters(List<Word?> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is { IsFixed: false } word)
            {
                words[i] = word.ReadFolded is { } folded
                    ? new Word(word.Line, word.Token, [new SyllableCandidate(folded, 0)], folded)
                    : Word.Fixed(word.Line, word.Token, TextFolding.Fold(word.Token.Text));
            }
        }
    }

    /// <summary>
    /// A run of capitalised words that spells a province or district name as read ("HUYEN THO XUAN", "Bao Loc,
    /// ngay"), or a commune name right after its unit word or opening the place-date line ("xa Tinh Khé", "Tinh Khé, ngay"),
    /// keeps its letters: the longest such run at each word, each word's read syllable its only candidate.
    /// </summary>
    private static void KeepPlaceNames(List<Word?> words, PlaceNameRuns places)
    {
        for (var i = 0; i < words.Count; i++)
        {
            for (var length = Math.Min(places.MaxSyllables, words.Count - i); length >= 2; length--)
            {
                var run = words.GetRange(i, length);
                if (run.Any(w => w is not { ReadFolded: { } } || w.ReadFolded == PhraseDictionary.Number || !char.IsUpper(w.Token.Text[0])))
                {
                    continue;
                }

                var folded = string.Join(' ', run.Select(w => w!.ReadFolded));
                var commune = NamesCommune(words, i, length);
                if (!(commune ? places.IsNameAfterUnitWord(folded) : places.IsName(folded)))
                {
                    continue;
                }

                // The gazetteer's spelling gives the marks too, when only one name folds to the run and the context says
                // it is a place ("CHI BO THON DONG PHU" is thôn Đông Phú, not huyện Đồng Phú).
                var named = commune || i > 0 && PlaceNameRuns.EndsInUnitWord(i > 1 ? words[i - 2]?.ReadFolded : null, words[i - 1]?.ReadFolded)
                    || BeforeDate(words, i + length);
                var spelling = named ? places.Spelling(folded, commune)?.Split(' ') : null;
                for (var k = 0; k < length; k++)
                {
                    var word = run[k]!;
                    words[i + k] = new Word(word.Line, word.Token, [new SyllableCandidate(word.ReadFolded!, 0)], word.ReadFolded)
                    {
                        Form = spelling?[k],
                        Evidence = spelling is null ? null : ChangeReasons.PlaceName,
                    };
                }

                i += length - 1;
                break;
            }
        }
    }

    // A commune name stands after its unit word ("xa Tinh Khé") or opens the place-date line ("Tinh Khé, ngay 24").
    private static bool NamesCommune(List<Word?> words, int i, int length)
    {
        if (i > 0 && PlaceNameRuns.EndsInCommuneUnit(i > 1 ? words[i - 2]?.ReadFolded : null, words[i - 1]?.ReadFolded))
        {
            return true;
        }

        var opensLine = i == 0 || words[i - 1] is not { } before || before.Line != words[i]!.Line;
        return opensLine && BeforeDate(words, i + length);
    }

    // The run ends where the place-date line's "ngày" follows on the same line (also in a header flattened onto one line:
    // "BAN DAN VAN Chau Thanh, ngay 28").
    private static bool BeforeDate(List<Word?> words, int next) =>
        next < words.Count && words[next] is { ReadFolded: "ngay" } after && words[next - 1] is { } last && after.Line == last.Line;

    private List<Word?> ReadWords(string[] lines, SyllableCandidates candidates)
    {
        // null marks a paragraph break: context does not run across it.
        var words = new List<Word?>();
        for (var lineIndex = 0; lineIndex < lines.Length; lineIndex++)
        {
            var line = lines[lineIndex];
            if (line.Trim().Length == 0)
            {
                words.Add(null);
                continue;
            }

            foreach (var token in WordTokens.Split(line))
            {
                words.Add(ReadWord(line, lineIndex, token, candidates));
            }
        }

        return words;
    }

    private Word ReadWord(string line, int lineIndex, WordToken token, SyllableCandidates candidates)
    {
        var text = token.Text;
        if (text is "6" or "0" or "@" && IsBetweenWords(line, token))
        {
            // A lone 6 (or 0, @) between words is as often ở or ô as a number (nhà 6 cho người, ra 6 nhiều
            // nơi): the number stays a candidate, and the context decides.
            return new Word(lineIndex, token, [new SyllableCandidate(PhraseDictionary.Number, 0), .. candidates.For(text)], PhraseDictionary.Number);
        }

        if (text.All(char.IsDigit))
        {
            return Word.Fixed(lineIndex, token, PhraseDictionary.Number);
        }

        var lower = text.ToLowerInvariant();
        var folded = TextFolding.Fold(lower);
        if (IsPartOfCode(line, token) || abbreviations.Contains(text) || !text.Any(char.IsLetter) || IsNotASyllable(line, token) || IsUnitAfterNumber(line, token))
        {
            return Word.Fixed(lineIndex, token, text.Any(char.IsDigit) ? PhraseDictionary.Number : folded);
        }

        var found = candidates.For(lower);
        return found.Length == 0
            ? Word.Fixed(lineIndex, token, folded)
            : new Word(lineIndex, token, found, lexicon.IsValidFolded(folded) ? folded : null);
    }

    // Roman numerals (II, XV), capitalised abbreviations without a vowel (TM, KT, KHTC) and list
    // letters (a, b, c) read right; only a marked or junk single character, or a lower-case consonant whose
    // vowel was lost (hợp tác x nông nghiệp), may be a damaged syllable (¢ for ở).
    private static bool IsNotASyllable(string line, WordToken token)
    {
        var text = token.Text;
        return text.All(c => c is 'I' or 'V' or 'X')
            // GD&ĐT, TN&MT: abbreviations joined by an ampersand.
            || text.Contains('&') && text.Count(char.IsUpper) >= 2
            || text.Length >= 2 && text.All(char.IsUpper) && !TextFolding.Fold(text).Any(c => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y') && !IsHattedOReadAsLetter(text)
            || text.Length == 1 && char.IsAscii(text[0]) && !(IsLoneConsonant(text[0]) && (IsBetweenWords(line, token) || EndsClause(line, token)));
    }

    // "dài 800 m", "8 km", "5 kg": a unit symbol right after a number is its unit, not a syllable whose vowel was
    // lost (the repair read "km" as kèm and "m" as em). Only symbols of measure are units: any other vowel-less word
    // after a number is a syllable whose vowel the English model wrote as a consonant ("năm 2024 nhv sau" is như,
    // "5 hgp tác xã" is hợp, "410 hd" is hộ), so it is left to the decoder.
    private static readonly HashSet<string> UnitSymbols = new(StringComparer.Ordinal)
    {
        "m", "cm", "mm", "dm", "km", "m2", "m3", "km2", "g", "kg", "mg", "t", "l", "ml", "w", "kw", "kwh", "mw", "mwh", "kv", "v",
        "kb", "mb", "gb", "tb", "hz", "mhz", "ghz", "s", "h", "ppm",
    };

    private static bool IsUnitAfterNumber(string line, WordToken token)
    {
        if (!UnitSymbols.Contains(token.Text))
        {
            return false;
        }

        var before = token.Start - 1;
        while (before >= 0 && line[before] == ' ')
        {
            before--;
        }

        if (before < 0 || before == token.Start - 1 || !char.IsDigit(line[before]))
        {
            return false;
        }

        // The word before is a number (800, 1.200, 2,5), not a damaged word ending in a digit (t6 for tổ).
        while (before >= 0 && (char.IsDigit(line[before]) || line[before] is '.' or ','))
        {
            before--;
        }

        return before < 0 || line[before] == ' ';
    }

    // "SG", "SQ" for Sở: a capital consonant and the English model's Q or G for ô / ơ is a damaged syllable, not an
    // abbreviation (on the repair pairs 7 of 7 such words were Sở; a real one, NQ, is in the abbreviations list).
    // "S8" needs no rule here: a digit is not upper case, so the all-capitals test above never takes it for one.
    private static bool IsHattedOReadAsLetter(string text) =>
        text.Length == 2 && IsLoneConsonant(char.ToLowerInvariant(text[0])) && text[1] is 'Q' or 'G';

    private static bool IsLoneConsonant(char c) => c is >= 'b' and <= 'z' && c is not ('e' or 'i' or 'o' or 'u' or 'y');

    // A lone consonant after a word that ends a clause or the line ("các x, thị trấn", "văn hóa, x" wrapped before
    // "hội"): the vowel of xã, ở … lost, as between words; not a list letter ("a, b, c": a comma before it).
    private static bool EndsClause(string line, WordToken token)
    {
        if (token.Start < 2 || line[token.Start - 1] != ' ' || !char.IsLetter(line[token.Start - 2]))
        {
            return false;
        }

        var rest = line.AsSpan(token.End);
        return rest.Trim().Length == 0 || rest.Length >= 3 && rest[0] == ',' && rest[1] == ' ' && char.IsLetter(rest[2]);
    }

    // Inside running text: a space before and after and a letter further on (not "a)", "b.", "tháng 6.").
    private static bool IsBetweenWords(string line, WordToken token) =>
        token.Start > 0 && line[token.Start - 1] == ' ' && token.End + 1 < line.Length && line[token.End] == ' ' && char.IsLetter(line[token.End + 1]);

    // "KH" in "58-KH/BDVHU" is a code, not a syllable; "kinh tế - xã hội" has spaces round its dash, and
    // "đồng/hộ", "người/năm" are words: a code is in capitals, or joined to a number.
    private static bool IsPartOfCode(string line, WordToken token)
    {
        var before = token.Start > 1 && line[token.Start - 1] is '/' or '-' && char.IsLetterOrDigit(line[token.Start - 2]) ? line[token.Start - 2] : '\0';
        var after = token.End < line.Length - 1 && line[token.End] is '/' or '-' && char.IsLetterOrDigit(line[token.End + 1]) ? line[token.End + 1] : '\0';
        if (before == '\0' && after == '\0')
        {
            return false;
        }

        static bool Lower(char c) => c == '\0' || char.IsLower(c);
        return !(token.Text.All(c => !char.IsLetter(c) || char.IsLower(c)) && Lower(before) && Lower(after));
    }

    private void Restore(List<Word?> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is not { IsFixed: false, Form: null } word)
            {
                continue;
            }

            var previous = i > 0 ? words[i - 1]?.Chosen : null;
            var next = i + 1 < words.Count ? words[i + 1]?.Chosen : null;
            if (phrases.Restore(previous, word.Chosen, next) is { } restored)
            {
                word.Form = restored.Form;
                word.Evidence = restored.Evidence == "phrase" ? ChangeReasons.Phrase : ChangeReasons.DominantForm;
            }
            else if (lexicon.Forms(word.Chosen) is [var only])
            {
                word.Form = only;
                word.Evidence = ChangeReasons.OnlyForm;
            }
            else if (HasEnglishModelMark(word.Token.Text) && phrases.Likeliest(previous, word.Chosen, next) is { } likeliest)
            {
                word.Form = likeliest;
                word.Evidence = ChangeReasons.DominantForm;
            }
        }
    }

    // A letter with a mark in a word of garbled text is the English model's guess (é, ó, á for any Vietnamese mark).
    private static bool HasEnglishModelMark(string read)
    {
        foreach (var c in read)
        {
            if (c >= '\u00C0' && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void Rewrite(string[] lines, List<Word?> words, List<TextChange> changes)
    {
        foreach (var group in words.OfType<Word>().Where(w => !w.IsFixed).GroupBy(w => w.Line))
        {
            var line = lines[group.Key];
            var lineChanges = new List<TextChange>();
            foreach (var word in group.OrderByDescending(w => w.Token.Start))
            {
                var original = word.Token.Text;
                var confused = word.ReadFolded != word.Chosen;
                var lower = word.Form ?? (confused ? word.Chosen : null);
                if (lower is null)
                {
                    continue;
                }

                var replacement = CasePattern.Apply(original, lower);
                if (replacement == original)
                {
                    continue;
                }

                line = string.Concat(line.AsSpan(0, word.Token.Start), replacement, line.AsSpan(word.Token.End));
                lineChanges.Add(new TextChange(group.Key + 1, original, replacement, confused ? ChangeReasons.Confusion : word.Evidence!));
            }

            lineChanges.Reverse();
            changes.AddRange(lineChanges);
            lines[group.Key] = line;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains('\uFB01') || lines[i].Contains('\uFB02'))
            {
                changes.Add(new TextChange(i + 1, "ﬁ/ﬂ", "fi/fl", ChangeReasons.Ligature));
                lines[i] = lines[i].Replace("\uFB01", "fi", StringComparison.Ordinal).Replace("\uFB02", "fl", StringComparison.Ordinal);
            }
        }
    }

    private static readonly Lazy<OcrRepair> Lazy = new(() => new OcrRepair(SyllableLexicon.Shared, PhraseDictionary.ForOcrRepair, Abbreviations.Shared));
}
