using System.Globalization;

namespace PlanIngest.Extraction.Text;

/// <summary>A run of word characters in a line: where it starts and what it says.</summary>
internal readonly record struct WordToken(int Start, string Text)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// Splits a line into word tokens. Besides letters and digits, the characters English-model OCR puts
/// where a Vietnamese vowel was (<c>K&amp;</c>, <c>S$</c>, <c>c¢</c>, <c>tﬁng</c>) belong to the word.
/// </summary>
internal static class WordTokens
{
    public static List<WordToken> Split(string line)
    {
        var tokens = new List<WordToken>();
        var i = 0;
        while (i < line.Length)
        {
            if (!IsWordChar(line[i]))
            {
                i++;
                continue;
            }

            var start = i;
            // An apostrophe or question mark between letters is a mark read apart (Thu'c ực, thi?c ức): part of the word.
            while (i < line.Length && (IsWordChar(line[i]) || line[i] is '\'' or '’' or '?' && i > start && i + 1 < line.Length && char.IsLetter(line[i + 1]) && char.IsLetter(line[i - 1])))
            {
                i++;
            }

            tokens.Add(new WordToken(start, line[start..i]));
        }

        return tokens;
    }

    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
        || c is '&' or '$' or '¢' or '@' or '€' or '£';

    /// <summary>Letters only (marks allowed): a candidate Vietnamese syllable rather than a number or code.</summary>
    public static bool IsAlphabetic(string token) => token.All(c => char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}
