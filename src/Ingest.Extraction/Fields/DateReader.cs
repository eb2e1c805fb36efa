using System.Text.RegularExpressions;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>A date found in folded text, with its span.</summary>
internal sealed record DateMatch(PartialDate? Date, int Start, int End, bool HasYear, int? Day, int? Month);

/// <summary>
/// Reads the date styles of the documents from folded text: 29/12/2020, "3 tháng 03 năm 2021", tháng 12/2024,
/// quý III/2022, năm 2025. Most precise first, as Noda Time's composite patterns; never throws on bad text.
/// </summary>
internal static partial class DateReader
{
    // OCR sometimes writes the slash of "III/2022" as a fraction slash, or both.
    private const string Slash = "/{1,2}";

    [GeneratedRegex(@"\G\s*(?:" + Patterns.Ngay + @"\s*)?(?<d>\d{1,2})\s?[/.-]\s?(?<m>\d{1,2})\s?[/.-]\s?(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex NumericDay();

    [GeneratedRegex(@"\G\s*(?:" + Patterns.Ngay + @"\s*)?(?<d>\d{1,2})\s+" + Patterns.Thang + @"\s*(?<m>\d{1,2})\s+" + Patterns.Nam + @"\s*(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex WordDay();

    [GeneratedRegex(@"\G\s*(?:" + Patterns.Thang + @"\s*)(?<m>\d{1,2})\s?(?:" + Slash + @"|\s" + Patterns.Nam + @")\s?(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\G\s*(?:quy)\s*(?<q>iv|i{1,3}|[1-4]|[l|]{1,3})\s?(?:" + Slash + @"|\s" + Patterns.Nam + @")\s?(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex QuarterYear();

    [GeneratedRegex(@"\G\s*" + Patterns.Nam + @"\s*(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"\G\s*(?:" + Patterns.Ngay + @"\s*)?(?<d>\d{1,2})\s?/\s?(?<m>\d{1,2})(?![\d/])")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\G\s*(?:" + Patterns.Thang + @"\s*)(?<m>\d{1,2})(?![\d/])")]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"\G\s*quy\s*(?<q>iv|i{1,3}|[1-4])\b(?!\s?/)")]
    private static partial Regex QuarterOnly();

    /// <summary>The date that starts at <paramref name="at"/> (after blanks), or null.</summary>
    public static DateMatch? ReadAt(string folded, int at, bool allowYearless = false)
    {
        if (at > folded.Length)
        {
            return null;
        }

        if (NumericDay().Match(folded, at) is { Success: true } n)
        {
            return Day(n);
        }

        if (WordDay().Match(folded, at) is { Success: true } w)
        {
            return Day(w);
        }

        if (MonthYear().Match(folded, at) is { Success: true } my)
        {
            return new DateMatch(PartialDate.TryMonth(Int(my, "y"), Int(my, "m")), Start(my), my.Index + my.Length, true, null, Int(my, "m"));
        }

        if (QuarterYear().Match(folded, at) is { Success: true } q && Quarter(q.Groups["q"].Value) is { } quarter)
        {
            return new DateMatch(PartialDate.TryQuarter(Int(q, "y"), quarter), Start(q), q.Index + q.Length, true, null, null);
        }

        if (YearOnly().Match(folded, at) is { Success: true } y)
        {
            return new DateMatch(PartialDate.TryYear(Int(y, "y")), Start(y), y.Index + y.Length, true, null, null);
        }

        if (allowYearless)
        {
            if (DayMonth().Match(folded, at) is { Success: true } dm && Int(dm, "m") is >= 1 and <= 12 && Int(dm, "d") is >= 1 and <= 31)
            {
                return new DateMatch(null, Start(dm), dm.Index + dm.Length, false, Int(dm, "d"), Int(dm, "m"));
            }

            if (MonthOnly().Match(folded, at) is { Success: true } mo && Int(mo, "m") is >= 1 and <= 12)
            {
                return new DateMatch(null, Start(mo), mo.Index + mo.Length, false, null, Int(mo, "m"));
            }

            if (QuarterOnly().Match(folded, at) is { Success: true } qo && Quarter(qo.Groups["q"].Value) is not null)
            {
                return new DateMatch(null, Start(qo), qo.Index + qo.Length, false, null, null);
            }
        }

        return null;
    }

    /// <summary>Completes a date whose year is given at the other end of a range ("từ tháng 02 đến hết tháng 5/2020").</summary>
    public static PartialDate? WithYear(DateMatch match, int year) =>
        match.Day is { } d && match.Month is { } m ? PartialDate.TryDay(year, m, d)
        : match.Month is { } month ? PartialDate.TryMonth(year, month)
        : null;

    private static DateMatch Day(Match m) =>
        new(PartialDate.TryDay(Int(m, "y"), Int(m, "m"), Int(m, "d")), Start(m), m.Index + m.Length, true, Int(m, "d"), Int(m, "m"));

    private static int Start(Match m)
    {
        var i = m.Index;
        while (i < m.Index + m.Length && char.IsWhiteSpace(m.Value[i - m.Index]))
        {
            i++;
        }

        return i;
    }

    private static int Int(Match m, string group) => int.TryParse(m.Groups[group].ValueSpan, out var v) ? v : -1;

    private static int? Quarter(string roman) => roman switch
    {
        "i" or "1" or "l" or "|" => 1,
        "ii" or "2" or "ll" or "||" => 2,
        "iii" or "3" or "lll" or "|||" => 3,
        "iv" or "4" => 4,
        _ => null,
    };
}
