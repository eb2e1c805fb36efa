using System.Globalization;
using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>
/// Tone-mark placement. Documents write both the old style (<c>hoà</c>, <c>Uỷ</c>, <c>thuý</c>) and the
/// new style (<c>hòa</c>, <c>Ủy</c>, <c>thúy</c>); both are correct Vietnamese. Display text keeps the
/// document's own placement (CONTRACT §1a); <see cref="Canonicalize"/> gives the one new-style form used
/// wherever accented words are compared or looked up (the phrase dictionary, the repair evaluation).
/// </summary>
public static class ToneMarks
{
    private const char Grave = '\u0300';
    private const char Acute = '\u0301';
    private const char Tilde = '\u0303';
    private const char HookAbove = '\u0309';
    private const char DotBelow = '\u0323';

    public static bool IsToneMark(char c) => c is Grave or Acute or Tilde or HookAbove or DotBelow;

    /// <summary>Moves the tone mark of open <c>oa</c>, <c>oe</c>, <c>uy</c> syllables onto their first vowel.</summary>
    public static string Canonicalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        StringBuilder? result = null;
        var start = 0;
        while (start < decomposed.Length)
        {
            var end = start;
            while (end < decomposed.Length && IsWordChar(decomposed[end]))
            {
                end++;
            }

            if (end > start && MoveTone(decomposed.AsSpan(start, end - start)) is { } moved)
            {
                result ??= new StringBuilder(decomposed);
                result.Remove(start, end - start).Insert(start, moved);
            }

            start = end + 1;
        }

        return (result?.ToString() ?? decomposed).Normalize(NormalizationForm.FormC);
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    // A decomposed syllable: base letters with their marks after them. Only a two-vowel open rime
    // oa / oe / uy (not after q, where u belongs to the onset) has a placement choice.
    private static string? MoveTone(ReadOnlySpan<char> syllable)
    {
        var bases = new List<(char Letter, int Index)>();
        var toneAt = -1;
        for (var i = 0; i < syllable.Length; i++)
        {
            if (IsToneMark(syllable[i]))
            {
                toneAt = i;
            }
            else if (char.IsLetter(syllable[i]))
            {
                bases.Add((char.ToLowerInvariant(syllable[i]), i));
            }
            else if (syllable[i] is not ('\u0302' or '\u0306' or '\u031B'))
            {
                return null;
            }
        }

        if (toneAt < 0 || bases.Count < 2)
        {
            return null;
        }

        var rime = bases.Count >= 2 ? $"{bases[^2].Letter}{bases[^1].Letter}" : string.Empty;
        if (rime is not ("oa" or "oe" or "uy") || HasOtherMark(syllable, bases[^2].Index) || HasOtherMark(syllable, bases[^1].Index))
        {
            return null;
        }

        if (bases.Count >= 3 && bases[^3].Letter == 'q' && rime == "uy" || bases.Count >= 3 && IsVowel(bases[^3].Letter))
        {
            return null;
        }

        var first = bases[^2].Index;
        if (toneAt == first + 1)
        {
            return null;
        }

        var tone = syllable[toneAt];
        var builder = new StringBuilder(syllable.Length);
        for (var i = 0; i < syllable.Length; i++)
        {
            if (i == toneAt)
            {
                continue;
            }

            builder.Append(syllable[i]);
            if (i == first)
            {
                builder.Append(tone);
            }
        }

        return builder.ToString();
    }

    private static bool HasOtherMark(ReadOnlySpan<char> syllable, int baseIndex) =>
        baseIndex + 1 < syllable.Length && syllable[baseIndex + 1] is '\u0302' or '\u0306' or '\u031B';

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
