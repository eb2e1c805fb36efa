using System.Text.RegularExpressions;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// Dates the plan sets (CONTRACT.md §1a): due (trước, chậm nhất, hoàn thành trước), start/end of a
/// "từ … đến …" period, event (trong tháng 12/2024, quý III/2022, vào năm 2025), recurring (định kỳ,
/// hằng năm/quý/tháng, a date with no year). Dates of cited documents and anniversaries are skipped.
/// </summary>
internal static partial class DeadlineParser
{
    [GeneratedRegex(@"\bt(?:[uiy]r?|t\??)\s+(?=(?:ngay\s+|thang\s+|quy\s+|n[a-z]{1,2}m\s+)?\d|thang|quy)")]
    private static partial Regex PeriodFrom();

    [GeneratedRegex(@"\G\s*,?\s*(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?")]
    private static partial Regex PeriodTo();

    [GeneratedRegex(@"\b(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?(?=\d)")]
    private static partial Regex OpenEnd();

    [GeneratedRegex(@"(?:\btr[uw][a-z]{1,3}|\bch[a-z]m\s+nh[a-z]t(?:\s+(?:tr[uw][a-z]{1,3}|la|vao))?|\bhan\s+chot(?:\s+(?:la|vao))?|\bhoan\s+thanh\s+(?:truoc|trong))\s+(?:ngay\s+)?(?=\d|thang|quy)")]
    private static partial Regex DueLead();

    [GeneratedRegex(@"(?:\btrong\s+(?=thang|quy|n[a-z]{1,2}m\s+\d{4}\b)|\bvao\s+(?:dip\s+)?(?:cu[a-z]i\s+|dau\s+|giua\s+)?(?:ngay\s+)?(?=thang|quy|n[a-z]{1,2}m|\d)|\bcu[a-z]i\s+(?=n[a-z]{1,2}m\s+\d)|\(\s*(?=quy|n[a-z]{1,2}m\s+\d|thang\s+\d)|(?:^|\n|;)\s*[-+*]?\s*(?=n[a-z]{1,2}m\s+\d{4}\s*,?\s+[a-z]))")]
    private static partial Regex EventLead();

    [GeneratedRegex(@"\bquy\s+(?:iv|i{1,3}|[1-4])\s?/{1,2}\s?\d{4}")]
    private static partial Regex BareQuarter();

    [GeneratedRegex(@"(?<![a-z])(?:[dpb]inh\s+ky|hang\s+(?:nam|quy|thang|tuan|n[a-z]m)\b)(?:\s+(?:hang\s+(?:nam|quy|thang)|\d+\s+thang(?:\s*,\s*\d+\s+nam)?))?")]
    private static partial Regex Recurring();

    [GeneratedRegex(@"(?:ky\s+niem|ngay\s+truyen\s+thong|ngay\s+thanh\s+lap|ngay\s+le)[^.;\n]{0,80}$", RegexOptions.RightToLeft)]
    private static partial Regex AnniversaryBefore();

    [GeneratedRegex(@"(?:thuc\s+hien|to\s+chuc|ra\s+soat|kiem\s+tra|danh\s+gia)\s*$")]
    private static partial Regex ActionVerbBefore();

    [GeneratedRegex(@"^\s+(?:va|\d)")]
    private static partial Regex AndOrNumberAfter();

    [GeneratedRegex(@"^(?:to\s+chuc|thuc\s+hien|ra\s+soat|kiem\s+tra|danh\s+gia|so\s+ket|tong\s+ket|bao\s+cao|cap\s+nhat|tham\s+muu|phat\s+dong|boi\s+duong|tap\s+huan)\b")]
    private static partial Regex ClauseOpensWithAction();

    [GeneratedRegex(@"(?:^|[\n.;:(,]|\*\s?|-\s?)\s*$")]
    private static partial Regex ClauseStartBefore();

    [GeneratedRegex(@"\bt[uiy]r?\s+(?:ngay|khi)\b")]
    private static partial Regex FromDayOrWhen();

    [GeneratedRegex(@"^(?:\s|[\n;]|[-+*])*$")]
    private static partial Regex OnlySeparators();

    [GeneratedRegex(@"\(\s*$")]
    private static partial Regex OpenParenthesisBefore();

    [GeneratedRegex(@"^(?:trong|vao)\b")]
    private static partial Regex OpensWithWithinOrAt();

    [GeneratedRegex(@"b[a-z]o\s+c[a-z]{1,2}o(?:\s+ket\s+qua)?\s*$")]
    private static partial Regex ReportBefore();

    /// <param name="preamble">The Căn cứ / Thực hiện paragraphs: dates there belong to the documents cited.</param>
    /// <param name="year">The document's year: a sentence opening with an earlier year tells what was done.</param>
    public static IReadOnlyList<Deadline> Parse(FoldedText text, int bodyStart, IReadOnlyList<ReferenceMention> references, IReadOnlyList<(int Start, int End)> preamble, int? year)
    {
        var folded = text.Folded;
        var found = new List<(int At, Deadline Deadline)>();
        var used = new List<(int Start, int End)>(preamble);

        bool Free(int start, int end) =>
            !used.Any(u => start < u.End && end > u.Start) && !references.Any(r => start < r.End && end > r.Start);

        foreach (Match from in PeriodFrom().Matches(folded, bodyStart))
        {
            var d1 = DateReader.ReadAt(folded, from.Index + from.Length, allowYearless: true);
            if (d1 is null || PeriodTo().Match(folded, d1.End) is not { Success: true } to)
            {
                continue;
            }

            var d2 = DateReader.ReadAt(folded, to.Index + to.Length, allowYearless: true);
            if (d2 is null || !Free(from.Index, d2.End) || IsAnniversary(folded, from.Index))
            {
                continue;
            }

            var start = d1.Date ?? (d2.Date is { } e ? DateReader.WithYear(d1, e.Year) : null);
            var end = d2.Date ?? (d1.Date is { } s ? DateReader.WithYear(d2, s.Year) : null);
            if (start is null || end is null)
            {
                continue;
            }

            var clause = ClauseText(text, from.Index);
            found.Add((from.Index, new Deadline(start, DeadlineKind.Start, clause)));
            found.Add((from.Index + 1, new Deadline(end, DeadlineKind.End, clause)));
            used.Add((from.Index, d2.End));
        }

        // "từ ngày ban hành … đến ngày 31/10/2024": only the end is a date.
        foreach (Match to in OpenEnd().Matches(folded, bodyStart))
        {
            var d = DateReader.ReadAt(folded, to.Index + to.Length);
            var lead = folded[Math.Max(0, to.Index - 80)..to.Index];
            if (d?.Date is not { } date || !Free(to.Index, d.End) || !FromDayOrWhen().IsMatch(lead) || IsAnniversary(folded, to.Index))
            {
                continue;
            }

            found.Add((to.Index, new Deadline(date, DeadlineKind.End, ClauseText(text, to.Index))));
            used.Add((to.Index, d.End));
        }

        foreach (Match due in DueLead().Matches(folded, bodyStart))
        {
            var d = DateReader.ReadAt(folded, due.Index + due.Length, allowYearless: true);
            if (d is null || !Free(due.Index, d.End))
            {
                continue;
            }

            var kind = d.Date is null ? DeadlineKind.Recurring : DeadlineKind.Due;
            found.Add((due.Index, new Deadline(d.Date, kind, ClauseText(text, due.Index))));
            used.Add((due.Index, d.End));
        }

        foreach (Match ev in EventLead().Matches(folded, bodyStart))
        {
            var at = ev.Index + ev.Length;
            var d = DateReader.ReadAt(folded, at);
            if (d is null && OpensWithWithinOrAt().IsMatch(ev.Value) && DateReader.ReadAt(folded, at, allowYearless: true) is { HasYear: false } yearless
                && Free(yearless.Start, yearless.End))
            {
                // "trong quý IV", "vào tháng 9", "vào ngày 15/12": a date with no year comes back every year (CONTRACT.md §1a).
                found.Add((yearless.Start, new Deadline(null, DeadlineKind.Recurring, ClauseText(text, yearless.Start))));
                used.Add((ev.Index, yearless.End));
                continue;
            }

            if (d?.Date is not { } date || !Free(d.Start, d.End) || IsAnniversary(folded, d.Start)
                || year is { } documentYear && date.Year < documentYear && OnlySeparators().IsMatch(ev.Value))
            {
                // "Năm 2023 toàn huyện có 46 sản phẩm …" in a plan of 2024 reports the past, it sets nothing.
                continue;
            }

            found.Add((d.Start, new Deadline(date, DeadlineKind.Event, ClauseText(text, d.Start))));
            used.Add((ev.Index, d.End));
        }

        foreach (Match q in BareQuarter().Matches(folded, bodyStart))
        {
            if (DateReader.ReadAt(folded, q.Index) is { Date: { } date } d && Free(q.Index, d.End))
            {
                found.Add((q.Index, new Deadline(date, DeadlineKind.Event, ClauseText(text, q.Index))));
                used.Add((q.Index, d.End));
            }
        }

        foreach (Match r in Recurring().Matches(folded, bodyStart))
        {
            if (IsRecurringAction(folded, r) && Free(r.Index, r.Index + r.Length))
            {
                found.Add((r.Index, new Deadline(null, DeadlineKind.Recurring, ClauseText(text, r.Index))));
                used.Add((r.Index, r.Index + r.Length));
            }
        }

        // "Hằng tháng, … trước ngày 25": one recurring deadline, read twice.
        var ordered = found.OrderBy(f => f.At).Select(f => f.Deadline).ToList();
        return ordered.Where((d, i) => d.Kind != DeadlineKind.Recurring || !ordered.Take(i).Any(p => p.Kind == DeadlineKind.Recurring && p.Text == d.Text)).ToList();
    }

    /// <summary>
    /// "Định kỳ 6 tháng, …", "Hằng năm, tham mưu …", "báo cáo hằng năm": the recurrence is the action's.
    /// "Chương trình công tác hằng năm", "trong báo cáo định kỳ" name a thing and are not deadlines.
    /// </summary>
    private static bool IsRecurringAction(string folded, Match r)
    {
        var before = folded[Math.Max(0, r.Index - 30)..r.Index];
        var after = r.Index + r.Length < folded.Length ? folded[(r.Index + r.Length)..Math.Min(folded.Length, r.Index + r.Length + 3)] : string.Empty;
        var isDinhKy = !r.Value.StartsWith('h');
        if (ReportBefore().IsMatch(before))
        {
            return !isDinhKy;
        }

        var atClauseStart = ClauseStartBefore().IsMatch(before);
        var beforeComma = after.TrimStart().StartsWith(',') || after.StartsWith(';') || after.StartsWith(')') || after.StartsWith('.');
        var afterVerb = ActionVerbBefore().IsMatch(before);
        // "Tổ chức hội nghị sơ kết hằng năm.": at the end of a clause that opens with an action, the action recurs.
        var endsActionClause = !isDinhKy && (after.StartsWith('.') || after.StartsWith(';'))
            && ClauseOpensWithAction().IsMatch(ClauseHead(folded, r.Index));
        return atClauseStart || (isDinhKy && (beforeComma || afterVerb || AndOrNumberAfter().IsMatch(folded[(r.Index + r.Length)..Math.Min(folded.Length, r.Index + r.Length + 20)])))
            || (!isDinhKy && (beforeComma && afterVerb)) || endsActionClause;
    }

    /// <summary>The first words of the clause holding <paramref name="at"/>, without bullets.</summary>
    private static string ClauseHead(string folded, int at)
    {
        var start = at;
        while (start > 0 && folded[start - 1] is not ('.' or ';' or ':' or '\n') && at - start < 200)
        {
            start--;
        }

        return folded[start..at].TrimStart(' ', '-', '+', '*', '•');
    }

    private static bool IsAnniversary(string folded, int at) =>
        // The anniversary's own dates stand in brackets after its name: "Ngày truyền thống … (18/11/1930 - 18/11/2020)".
        OpenParenthesisBefore().IsMatch(folded[Math.Max(0, at - 3)..at]) && AnniversaryBefore().IsMatch(folded[Math.Max(0, at - 100)..at]);

    private static string ClauseText(FoldedText text, int at)
    {
        var folded = text.Folded;
        var start = at;
        while (start > 0 && folded[start - 1] is not ('.' or ';' or '!' or '?') && !LineWraps.IsItemBreak(folded, start - 1) && at - start < 200)
        {
            start--;
        }

        var end = at;
        while (end < folded.Length && folded[end] is not (';' or '!' or '?') && !LineWraps.IsItemBreak(folded, end) && end - at < 200)
        {
            if (folded[end] == '.' && (end + 1 >= folded.Length || !char.IsDigit(folded[end + 1])))
            {
                break;
            }

            end++;
        }

        return Letters.Squash(text.Slice(start, end)).TrimStart('-', '+', '*', ' ').Trim();
    }
}
