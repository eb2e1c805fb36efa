using System.Text.RegularExpressions;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>
/// Corrects single wrong marks and letters in what the Vietnamese model read, word by word, where two
/// kinds of evidence agree: Tesseract itself weighed the other reading (a symbol alternative with a
/// real score: <c>ố</c> 90 against <c>ổ</c> 56), and the clean-text statistics of the phrase dictionary
/// say that reading is the one used between these neighbours (<c>tổ chức</c>, never <c>tố chức</c>).
/// A form Tesseract did not consider needs overwhelming context, and a word that is no Vietnamese
/// syllable at all needs less. Everything else stays exactly as read.
/// </summary>
internal sealed partial class OcrSyllableCorrector(SyllableLexicon lexicon, PhraseDictionary phrases)
{
    // Longest Vietnamese syllable: nghiêng.
    private const int MaxSyllableLength = 7;

    // What a form Tesseract never proposed is worth against the form it read (as a score ratio).
    private const double UnproposedRatio = 0.02;

    // Context is the neighbour pairs only, plus a pseudo-count. The form's frequency anywhere is no
    // evidence: the corpus is small, and "tổ" being common there must not turn "tố cáo" into "tổ cáo".
    private const double PseudoCount = 0.5;

    // Log-odds a change must win by: e^1.5 ≈ 4.5 times likelier than the reading.
    private const double ChangeMargin = 1.5;

    // A reading that is no syllable is already known wrong: any valid form that explains it at all may win.
    private const double InvalidReadingBonus = 3.0;

    public static OcrSyllableCorrector Shared => Lazy.Value;

    /// <summary>The page text with the clear corrections made, and how many words changed.</summary>
    public (string Text, int Changes) Correct(string text, IReadOnlyList<RecognizedWord> words)
    {
        var tokens = Token().Matches(text).Select(m => (m.Index, m.Value)).ToList();
        var recognised = Align(tokens, words);
        var replacements = new List<(int Index, int Length, string Text)>();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (recognised[k] is not { } word || Correction(word, Context(tokens, k - 1), Context(tokens, k + 1)) is not { } corrected)
            {
                continue;
            }

            replacements.Add((tokens[k].Index, tokens[k].Value.Length, corrected));
        }

        if (replacements.Count == 0)
        {
            return (text, 0);
        }

        var result = new System.Text.StringBuilder(text);
        foreach (var (index, length, replacement) in replacements.OrderByDescending(r => r.Index))
        {
            result.Remove(index, length).Insert(index, replacement);
        }

        return (result.ToString(), replacements.Count);
    }

    /// <summary>The recogniser's word for each whitespace token, where the two agree (GetUTF8Text joins the same words).</summary>
    private static RecognizedWord?[] Align(List<(int Index, string Value)> tokens, IReadOnlyList<RecognizedWord> words)
    {
        var aligned = new RecognizedWord?[tokens.Count];
        var next = 0;
        foreach (var word in words)
        {
            for (var k = next; k < Math.Min(tokens.Count, next + 3); k++)
            {
                if (tokens[k].Value == word.Text)
                {
                    aligned[k] = word;
                    next = k + 1;
                    break;
                }
            }
        }

        return aligned;
    }

    /// <summary>The folded neighbour the phrase dictionary knows words by: a syllable, a number symbol, or null.</summary>
    private static string? Context(List<(int Index, string Value)> tokens, int k)
    {
        if (k < 0 || k >= tokens.Count)
        {
            return null;
        }

        var core = Core(tokens[k].Value);
        if (core.Length == 0)
        {
            return null;
        }

        return core.Any(char.IsDigit) ? PhraseDictionary.Number : TextFolding.Fold(core);
    }

    private static string Core(string token) => token.Trim(TrimmedPunctuation);

    private static readonly char[] TrimmedPunctuation = ".,;:!?()[]\"'“”‘’«»…-–—/".ToCharArray();

    /// <summary>The corrected token, or null to keep it.</summary>
    private string? Correction(RecognizedWord word, string? previous, string? next)
    {
        var symbols = word.Symbols;
        if (symbols.Count == 0 || string.Concat(symbols.Select(s => s.Text)) != word.Text)
        {
            return null;
        }

        // The letters of the word: leading and trailing punctuation symbols stay as they are.
        var first = 0;
        var last = symbols.Count - 1;
        while (first <= last && !symbols[first].Text.Any(char.IsLetter))
        {
            first++;
        }

        while (last >= first && !symbols[last].Text.Any(char.IsLetter))
        {
            last--;
        }

        if (last < first || last - first + 1 > MaxSyllableLength)
        {
            return null;
        }

        var core = string.Concat(symbols.Skip(first).Take(last - first + 1).Select(s => s.Text));
        if (!WordTokens.IsAlphabetic(core))
        {
            return null;
        }

        var read = ToneMarks.Canonicalize(core.ToLowerInvariant());
        var readValid = lexicon.IsValid(read);
        var candidates = Candidates(symbols, first, last, read);
        if (candidates.Count == 0)
        {
            return null;
        }

        var readEvidence = Evidence(previous, read, next);
        string? best = null;
        var bestScore = readValid ? ChangeMargin : ChangeMargin - InvalidReadingBonus;
        foreach (var (form, ratio) in candidates)
        {
            var evidence = Evidence(previous, form, next);
            var score = Math.Log(ratio) + Math.Log(evidence / readEvidence);
            if (score > bestScore && evidence >= 1 + PseudoCount)
            {
                best = form;
                bestScore = score;
            }
        }

        if (best is null)
        {
            return null;
        }

        var prefix = string.Concat(symbols.Take(first).Select(s => s.Text));
        var suffix = string.Concat(symbols.Skip(last + 1).Select(s => s.Text));
        return prefix + CasePattern.Apply(core, best) + suffix;
    }

    /// <summary>
    /// Valid syllables one symbol away by Tesseract's own alternatives (with the alternative's score
    /// over the chosen one's), and the other marked forms of the same letters (with a token ratio).
    /// </summary>
    private Dictionary<string, double> Candidates(IReadOnlyList<RecognizedSymbol> symbols, int first, int last, string read)
    {
        var candidates = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = first; i <= last; i++)
        {
            var symbol = symbols[i];
            var chosen = symbol.Choices.Where(c => c.Text == symbol.Text).Select(c => c.Score).DefaultIfEmpty(0).Max();
            if (chosen <= 0)
            {
                continue;
            }

            foreach (var choice in symbol.Choices)
            {
                if (choice.Text == symbol.Text || !choice.Text.All(char.IsLetter))
                {
                    continue;
                }

                var spelled = string.Concat(symbols.Skip(first).Take(last - first + 1).Select((s, k) => k == i - first ? choice.Text : s.Text));
                var form = ToneMarks.Canonicalize(spelled.ToLowerInvariant());
                if (form != read && lexicon.IsValid(form))
                {
                    candidates[form] = Math.Max(candidates.GetValueOrDefault(form), Math.Min(1.0, choice.Score / chosen));
                }
            }
        }

        foreach (var form in lexicon.Forms(TextFolding.Fold(read)))
        {
            if (form != read)
            {
                candidates.TryAdd(form, UnproposedRatio);
            }
        }

        return candidates;
    }

    private double Evidence(string? previous, string form, string? next)
    {
        var (after, before, _) = phrases.FormCounts(previous, TextFolding.Fold(form), next);
        return after.GetValueOrDefault(form) + before.GetValueOrDefault(form) + PseudoCount;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    private static readonly Lazy<OcrSyllableCorrector> Lazy = new(() => new OcrSyllableCorrector(SyllableLexicon.Shared, PhraseDictionary.Shared));
}
