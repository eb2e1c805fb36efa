using System.Globalization;
using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// Numeric targets (CONTRACT.md §1a): every percentage outside quotes and citations, and every count of a
/// known unit that a comparator governs (ít nhất, tối thiểu, từ … trở lên, trên, không quá, dưới, đạt,
/// phấn đấu). A count joined by "và"/"hoặc" to a governed count shares its comparator.
/// </summary>
internal static partial class IndicatorParser
{
    [GeneratedRegex(@"(?<![\d.,/])(?<v>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s?(?<pct>%)?")]
    private static partial Regex NumberPattern();

    // Comparators read leftwards from the number, nearest first.
    [GeneratedRegex(@"\b(?<c>it\s+nh[a-z]t|toi\s+thieu|khong\s+qua|toi\s+da|khong\s+duoi|khong\s+it\s+hon|tren|duoi|t[uiy]r?|phan\s+dau\s+dat|phan\s+dau|dat\s+chi\s+tieu|dat|co)\s*$", RegexOptions.RightToLeft)]
    private static partial Regex ComparatorBefore();

    [GeneratedRegex(@"[.;:!?\n]|\s-\s|\(")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^[^.;:\n%]{0,60}?" + Patterns.TroLen)]
    private static partial Regex TroLenAfter();

    [GeneratedRegex(@"^\s*(?:va|hoac)\s+$")]
    private static partial Regex Coordination();

    [GeneratedRegex(@"^,\s*(?:trong\s+do|dong\s+thoi)")]
    private static partial Regex CommaThenOfWhich();

    [GeneratedRegex(@"\b(?:ngay|thang|nam|quy|ky|khoa|lan|thu|so)\s*$")]
    private static partial Regex CountingWordBefore();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    [GeneratedRegex(@"^(?:(?:nghin|trieu|ty)\s+)?dong\b")]
    private static partial Regex MoneyUnit();

    [GeneratedRegex(@"/1\s*(?=\p{L})")]
    private static partial Regex PerOneBeforeWord();

    [GeneratedRegex(@"^(?:\s?/\s?(?:\d\s?)?[a-z]+(?:\s(?:vien|hoc|nguoi|dan|sinh|khau|tre)\b)?){1,2}")]
    private static partial Regex RateUnit();

    [GeneratedRegex(@"^(?:dat|phan\s+dau|co)")]
    private static partial Regex ReachVerb();

    [GeneratedRegex(@"\s*/\s*")]
    private static partial Regex SpacedSlash();

    public static IReadOnlyList<Indicator> Parse(FoldedText text, SectionMap sections, int bodyStart, IReadOnlyList<ReferenceMention> references, ReportedFigures reported)
    {
        var folded = text.Folded;
        var quotes = QuoteSpans(folded);
        var results = new List<Indicator>();
        var lastGoverned = (End: -1, Comparator: "=");
        foreach (Match m in NumberPattern().Matches(folded, bodyStart))
        {
            var at = m.Index;
            if (quotes.Any(q => at > q.Start && at < q.End) || references.Any(r => at >= r.Start && at < r.End) || IsDatePart(folded, m) || InParentheses(folded, at))
            {
                continue;
            }

            var isPercent = m.Groups["pct"].Success;
            var after = m.Index + m.Length;
            string? unit;
            int unitStart;
            int unitEnd;
            if (isPercent)
            {
                unit = "%";
                unitStart = unitEnd = after;
            }
            else
            {
                unitStart = SkipQuote(folded, after);
                if (unitStart == after && (after >= folded.Length || folded[after - 1] != ' ' && folded[after] != ' '))
                {
                    continue;
                }

                if (CountedNoun.At(text, unitStart) is not { } found)
                {
                    continue;
                }

                unit = found.Text;
                unitEnd = unitStart + found.Length;
                unitEnd = ReadRate(folded, unitEnd, ref unit, text);
            }

            var comparator = ComparatorFor(folded, at, unitEnd, isPercent);
            if (!isPercent)
            {
                if (comparator is null && lastGoverned.End >= 0 && Coordination().IsMatch(folded[lastGoverned.End..at]))
                {
                    comparator = lastGoverned.Comparator;
                }

                if (comparator is null)
                {
                    continue;
                }

                lastGoverned = (unitEnd, comparator);
            }

            if (!TryValue(m.Groups["v"].Value, out var value) || reported.IsReported(at, m.Index + m.Length))
            {
                continue;
            }

            var (clauseStart, clauseEnd) = Clause(folded, at);
            var valueStart = ComparatorStart(folded, clauseStart, at);
            var subject = IndicatorSubject.Read(text, clauseStart, valueStart, unitStart, unitEnd, clauseEnd, IsMoney(unit));
            results.Add(new Indicator(
                Letters.Squash(text.Slice(clauseStart, clauseEnd)).TrimStart('-', '+', '*', ' ').Trim(),
                subject,
                value,
                unit,
                ContractNames.Parse<Comparator>(comparator ?? "=") ?? Comparator.Equal,
                sections.PathAt(at)));
        }

        return results;
    }

    /// <summary>Where the comparator words before the number start ("ít nhất 02", "đạt trên 95%"), so the subject before them leaves them out.</summary>
    private static int ComparatorStart(string folded, int clauseStart, int at)
    {
        var c = ComparatorBefore().Match(folded[clauseStart..at]);
        return c.Success ? clauseStart + c.Index : at;
    }

    private static bool IsMoney(string? unit) => unit is not null && MoneyUnit().IsMatch(Text.TextFolding.Fold(unit));

    /// <summary>"(cấp huyện 06 điển hình, cấp xã 94 điển hình)", "(dưới 2.500 gram)": a breakdown or a definition, not a target.</summary>
    private static bool InParentheses(string folded, int at)
    {
        var open = folded.LastIndexOf('(', Math.Max(0, at - 1), Math.Min(at, 120));
        return open >= 0 && folded.IndexOf(')', open) is var close && close > at && folded.AsSpan(open, at - open).IndexOfAny('\n', ')') < 0;
    }

    private static string? ComparatorFor(string folded, int numberStart, int unitEnd, bool isPercent)
    {
        var lineStart = Math.Max(0, numberStart - 40);
        var before = folded[lineStart..numberStart];
        var cut = ClauseBreak().Matches(before).Where(c => c.Value != "\n" || LineWraps.IsItemBreak(folded, lineStart + c.Index)).ToList();
        if (cut.Count > 0)
        {
            before = before[(cut[^1].Index + cut[^1].Length)..];
        }

        before = before.Replace('\n', ' ');

        var rest = folded[unitEnd..Math.Min(folded.Length, unitEnd + 80)];
        var troLen = TroLenAfter().Match(rest);
        var trailingAtLeast = troLen.Success && !Digit().IsMatch(rest[..troLen.Index]);
        var c = ComparatorBefore().Match(before);
        if (!c.Success)
        {
            return trailingAtLeast ? ">=" : null;
        }

        // "Đạt 95% … trở lên" is at least 95; "Trên 90% … hoàn thành tốt nhiệm vụ trở lên" stays above 90.
        if (trailingAtLeast && ReachVerb().IsMatch(c.Groups["c"].Value))
        {
            return ">=";
        }

        var word = Patterns.WhitespaceRun().Replace(c.Groups["c"].Value, " ");
        if (word == "co" && !isPercent)
        {
            // "có 03 hình thức": a count after "có" describes, it does not set a target.
            return null;
        }

        return word switch
        {
            "it nhat" or "it nhdt" or "it nhet" or "toi thieu" or "khong duoi" or "khong it hon" => ">=",
            "tren" => ">",
            "duoi" => "<",
            "khong qua" or "toi da" => "<=",
            "tu" or "tir" or "tur" or "tyr" or "ti" => ">=",
            _ => "=",
        };
    }

    /// <summary>"phóng sự/1 năm", "triệu đồng/người/năm", "đồng/đoàn viên/năm": a rate written after the unit belongs to it.</summary>
    private static int ReadRate(string folded, int at, ref string unit, FoldedText text)
    {
        var rate = RateUnit().Match(folded[at..Math.Min(folded.Length, at + 40)]);
        if (!rate.Success || rate.Length == 0)
        {
            return at;
        }

        unit += PerOneBeforeWord().Replace(SpacedSlash().Replace(text.Slice(at, at + rate.Length), "/"), "/1 ");
        return at + rate.Length;
    }

    private static int SkipQuote(string folded, int at)
    {
        var i = at;
        while (i < folded.Length && folded[i] is ' ' or '"' or '“' or '\'')
        {
            i++;
        }

        return i;
    }

    private static bool IsDatePart(string folded, Match m)
    {
        var end = m.Index + m.Length;
        if (end < folded.Length && folded[end] is '/' or '-' && end + 1 < folded.Length && char.IsDigit(folded[end + 1]))
        {
            return true;
        }

        var before = folded[Math.Max(0, m.Index - 8)..m.Index];
        return CountingWordBefore().IsMatch(before);
    }

    private static bool TryValue(string text, out decimal value)
    {
        // Vietnamese style: the dot groups thousands, the comma is the decimal mark.
        var invariant = text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static (int Start, int End) Clause(string folded, int at)
    {
        var start = at;
        while (start > 0 && folded[start - 1] is not (';' or ':' or '!' or '?') && !IsFullStop(folded, start - 1) && !LineWraps.IsItemBreak(folded, start - 1) && at - start < 300)
        {
            start--;
        }

        // A bullet continues over wrapped lines; go back to its dash.
        var end = at;
        while (end < folded.Length && folded[end] is not (';' or '!' or '?') && !IsFullStop(folded, end) && end - at < 300)
        {
            if (LineWraps.IsItemBreak(folded, end))
            {
                break;
            }

            if (folded[end] == ',' && end + 2 < folded.Length && CommaThenOfWhich().IsMatch(folded.AsSpan(end, Math.Min(40, folded.Length - end))))
            {
                break;
            }

            end++;
        }

        return (start, end);
    }

    /// <summary>A full stop, not the thousands dot of "1.200" or the decimal point of a section number.</summary>
    private static bool IsFullStop(string folded, int i) =>
        folded[i] == '.' && !(i > 0 && char.IsDigit(folded[i - 1]) && i + 1 < folded.Length && char.IsDigit(folded[i + 1]));

    private static List<(int Start, int End)> QuoteSpans(string folded)
    {
        var spans = new List<(int, int)>();
        var open = -1;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == '“')
            {
                open = i;
            }
            else if (c == '”' && open >= 0)
            {
                spans.Add((open, i));
                open = -1;
            }
            else if (c == '"')
            {
                if (open >= 0 && folded[open] == '"')
                {
                    spans.Add((open, i));
                    open = -1;
                }
                else if (open < 0)
                {
                    open = i;
                }
            }
            else if (c == '\n' && open >= 0 && i + 1 < folded.Length && folded[i + 1] == '\n')
            {
                open = -1;
            }
        }

        return spans;
    }
}
