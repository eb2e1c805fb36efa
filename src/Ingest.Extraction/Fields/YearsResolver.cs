using System.Text.RegularExpressions;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The years a plan covers: those its title states (ranges expanded; terms of office, document numbers and
/// full dates left out), otherwise the span of its dated deadlines.
/// </summary>
internal static partial class YearsResolver
{
    [GeneratedRegex(@"(?<![\d/])(?<a>(?:19|20)\d\d)(?:\s*[-–]\s*(?<b>(?:19|20)\d\d))?(?![\d/])")]
    private static partial Regex YearOrRange();

    [GeneratedRegex(@"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d+/\d{4}/[a-z]|nhiem\s+ky\s+\d{4}\s*[-–]\s*\d{4}|\([^)]*\)")]
    private static partial Regex NotCoverage();

    public static IReadOnlyList<int> Resolve(string? title, IReadOnlyList<Deadline> deadlines)
    {
        if (title is not null)
        {
            var folded = NotCoverage().Replace(Text.TextFolding.Fold(title), " ");
            var years = new SortedSet<int>();
            foreach (Match m in YearOrRange().Matches(folded))
            {
                var a = int.Parse(m.Groups["a"].ValueSpan);
                var b = m.Groups["b"].Success ? int.Parse(m.Groups["b"].ValueSpan) : a;
                if (b >= a && b - a <= 10)
                {
                    for (var y = a; y <= b; y++)
                    {
                        years.Add(y);
                    }
                }
            }

            if (years.Count > 0)
            {
                return [.. years];
            }
        }

        var dated = deadlines.Where(d => d.Date is not null).Select(d => d.Date!.Value.Year).ToList();
        return dated.Count == 0 ? [] : Enumerable.Range(dated.Min(), dated.Max() - dated.Min() + 1).ToList();
    }
}
