using System.Text;
using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>Character error rate: edit distance over the reference's length, after NFC and whitespace collapsing.</summary>
public static partial class CharacterErrorRate
{
    public static double Compute(string reference, string hypothesis)
    {
        var expected = Canonical(reference);
        var actual = Canonical(hypothesis);
        return expected.Length == 0 ? (actual.Length == 0 ? 0 : 1) : (double)EditDistance(expected, actual) / expected.Length;
    }

    public static string Canonical(string text) => Whitespace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    /// <summary>Levenshtein distance with two rows, so a 20 000-character page needs no quadratic memory.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
