using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// Movement and campaign names in quotes (CONTRACT.md §1a): a quote right after "phong trào (thi đua)",
/// "cuộc vận động", "cao điểm thi đua", "đợt thi đua", or listed right after such a quote; the title's
/// first ("Kế hoạch thực hiện cuộc vận động “…”"), then the body's. An abbreviation in brackets may stand
/// between the lead and the quote ("Ban Chỉ đạo cuộc vận động (BCĐ CVĐ) “…”"). Titles of honour, funds,
/// slogans, themes and document titles are quoted after other words and are left out.
/// </summary>
internal static partial class CampaignParser
{
    [GeneratedRegex(@"(?:phong\s+tr[a-z]o(?:\s+thi\s+d[a-z]a)?|cu[a-z]{1,2}c\s+v[a-z]n\s+d[a-z]ng|cao\s+d[a-z]{2,3}m\s+thi\s+d[a-z]a|d[a-z]t\s+thi\s+d[a-z]a|chien\s+dich)\s*(?:\([^()\n]{1,20}\)\s*)?$", RegexOptions.RightToLeft)]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(?:\s|[,;]|\bva\b)*$")]
    private static partial Regex ListGlue();

    public static IReadOnlyList<string> Parse(FoldedText text, int bodyStart, string? title)
    {
        var names = new List<string>();
        var keys = new List<string>();
        if (title is not null)
        {
            Collect(new FoldedText(title), 0, names, keys);
        }

        Collect(text, bodyStart, names, keys);
        return names;
    }

    private static void Collect(FoldedText text, int bodyStart, List<string> names, List<string> keys)
    {
        var folded = text.Folded;
        var previousEnd = -1;
        foreach (var (open, close) in Quotes(folded))
        {
            if (open < bodyStart)
            {
                continue;
            }

            var before = folded[Math.Max(0, open - 40)..open];
            var listed = previousEnd >= 0 && ListGlue().IsMatch(folded[previousEnd..open]);
            if (!Lead().IsMatch(before) && !listed)
            {
                previousEnd = -1;
                continue;
            }

            previousEnd = close + 1;
            var name = Letters.Squash(text.Slice(open + 1, close)).Trim(' ', ',', '.');
            var key = Letters.Squash(folded[(open + 1)..close]);
            if (name.Length < 3 || keys.Any(k => Fuzzy.Similarity(k, key) >= 0.7 || SameSkeleton(k, key)))
            {
                continue;
            }

            names.Add(name);
            keys.Add(key);
        }
    }

    /// <summary>
    /// OCR garbles vowels and a word-initial Đ far more than consonants ("Pdng Khdi méi", "DONG KHOI MOI"):
    /// two names with nearly the same consonants are one name read twice.
    /// </summary>
    private static bool SameSkeleton(string a, string b)
    {
        var sa = Skeleton(a);
        var sb = Skeleton(b);
        return sa.Length >= 5 && sb.Length >= 5 && Fuzzy.Similarity(sa, sb) >= 0.7;
    }

    private static string Skeleton(string folded)
    {
        var builder = new System.Text.StringBuilder();
        var wordStart = true;
        foreach (var c in folded)
        {
            if (!char.IsLetter(c))
            {
                wordStart = true;
                continue;
            }

            if (c is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y'))
            {
                builder.Append(wordStart && c is 'p' or 'b' ? 'd' : c);
            }

            wordStart = false;
        }

        return builder.ToString();
    }

    private static IEnumerable<(int Open, int Close)> Quotes(string folded)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c is not ('“' or '"'))
            {
                continue;
            }

            var closer = c == '“' ? '”' : '"';
            var close = folded.IndexOf(closer, i + 1);
            if (c == '“' && close < 0)
            {
                close = folded.IndexOf('"', i + 1);
            }

            // A quote does not run over a paragraph.
            var paragraph = folded.IndexOf("\n\n", i + 1, StringComparison.Ordinal);
            if (close < 0 || (paragraph >= 0 && paragraph < close) || close - i > 300)
            {
                continue;
            }

            yield return (i, close);
            i = close;
        }
    }
}
