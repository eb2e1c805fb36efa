using System.Text;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>
/// How the scorer compares texts: folded (case, marks, đ and tone-mark placement ignored, as CONTRACT.md §1a
/// says comparisons do), with exact diacritics reported beside it, by characters for short names and by
/// words for clauses whose boundaries legitimately differ.
/// </summary>
internal static class TextMatch
{
    private static readonly char[] Edge = [' ', '.', ',', ';', ':', '-', '*', '"', '“', '”', '(', ')'];

    /// <summary>Folded, whitespace collapsed, surrounding punctuation trimmed; empty for null.</summary>
    public static string Folded(string? text) => text is null ? string.Empty : Squash(TextFolding.Fold(text));

    /// <summary>Same letters and the same marks (lower case, tone-mark placement canonical): what a reader sees as spelt alike.</summary>
    public static bool SameDiacritics(string? gold, string? actual) =>
        gold is not null && actual is not null && Marked(gold) == Marked(actual);

    /// <summary>1 − edit distance / longer length, on folded text.</summary>
    public static double CharacterSimilarity(string? a, string? b)
    {
        var x = Folded(a);
        var y = Folded(b);
        var longest = Math.Max(x.Length, y.Length);
        return longest == 0 ? 1 : 1 - (double)CharacterErrorRate.EditDistance(x, y) / longest;
    }

    /// <summary>
    /// Dice coefficient of the folded word multisets: 1 for the same words in any order, 0 for none shared.
    /// Two missing texts are alike; a missing and a present one are not.
    /// </summary>
    public static double TokenSimilarity(string? a, string? b)
    {
        var x = Words(a);
        var y = Words(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return x.Count == y.Count ? 1 : 0;
        }

        var counts = x.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var shared = 0;
        foreach (var word in y)
        {
            if (counts.TryGetValue(word, out var left) && left > 0)
            {
                counts[word] = left - 1;
                shared++;
            }
        }

        return 2.0 * shared / (x.Count + y.Count);
    }

    private static List<string> Words(string? text) =>
        Folded(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Edge))
            .Where(w => w.Length > 0)
            .ToList();

    private static string Marked(string text) =>
        Squash(ToneMarks.Canonicalize(text.Normalize(NormalizationForm.FormC)).ToLowerInvariant());

    private static string Squash(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim(Edge);
}
