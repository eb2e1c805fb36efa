using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// Figures that report rather than target (CONTRACT.md §1a: baselines and achieved results are not
/// indicators): numbers under a heading of results or of the current situation ("I. KẾT QUẢ ĐẠT ĐƯỢC",
/// "THỰC TRẠNG", "ĐÁNH GIÁ TÌNH HÌNH"), in a sentence told in the past ("đã", "đến nay", "hiện có",
/// "chiếm", "thời gian qua", "Năm 2023, …" in a document of 2024), the starting value of "từ X lên Y", and
/// those of the documents the preamble cites.
/// </summary>
internal sealed partial class ReportedFigures
{
    private readonly List<(int Start, int End)> resultSections = [];
    private readonly FoldedText text;
    private readonly int? year;
    private readonly bool marked;

    [GeneratedRegex(@"ket\s+qua\s+(?:thuc\s+hien|dat\s+duoc|cong\s+tac)|nhung\s+ket\s+qua|thuc\s+trang|tinh\s+hinh|danh\s+gia\s+(?:ket\s+qua|tinh\s+hinh|chung)|^\W*(?:[ivx]+|\d+)\s*[.)]\s*ket\s+qua\b")]
    private static partial Regex ResultHeading();

    [GeneratedRegex(@"^\s*(?:[ivxl|]{1,4}\s*[.,]|phan\s+thu\s+\w+|phan\s+[ivx]+\b|chuong\s+[ivx]+\b|[a-d]\s*[.)/-])")]
    private static partial Regex TopHeading();

    [GeneratedRegex(@"\bden\s+nay\b|\bhien\s+(?:nay|co|dang)\b|\bchiem\b|\bthoi\s+gian\s+qua\b|\bvua\s+qua\b|\bnhung\s+nam\s+qua\b|\bnam\s+qua\b|\bqua\s+\d+\s+nam\b")]
    private static partial Regex PastMarker();

    [GeneratedRegex(@"\bda\s+(?!dang\b|phuong\b|nganh\b|linh\b|muc\b|so\b|dien\b|nang\b|chieu\b|dan\s+toc\b|khoa\b|tang\b|cap\b)")]
    private static partial Regex PastParticle();

    [GeneratedRegex(@"^\W*(?:trong\s+)?nam(?:\s+hoc)?\s+(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex YearOpening();

    [GeneratedRegex(@"\btu\s*$")]
    private static partial Regex FromBefore();

    [GeneratedRegex(@"^\s*%?\s*(?:len|xuong|den|toi)\s+(?:tren\s+|duoi\s+|muc\s+)?\d")]
    private static partial Regex ToAfter();

    public ReportedFigures(FoldedText text, IReadOnlyList<TextLine> lines, int bodyStart, int? year, IReadOnlyList<(int Start, int End)> preamble)
    {
        // Figures in the preamble are those of the documents it cites.
        resultSections.AddRange(preamble);
        this.text = text;
        this.year = year;
        marked = text.Original.Any(c => c is 'đ' or 'Đ' or 'ã' or 'ạ' or 'ế' or 'ộ');
        var open = -1;
        foreach (var line in lines)
        {
            if (line.End < bodyStart || line.IsBlank || !TopHeading().IsMatch(line.Folded) && !IsUpperHeading(line))
            {
                continue;
            }

            if (open >= 0)
            {
                resultSections.Add((open, line.Start));
                open = -1;
            }

            if (ResultHeading().IsMatch(line.Folded))
            {
                open = line.Start;
            }
        }

        if (open >= 0)
        {
            resultSections.Add((open, text.Folded.Length));
        }
    }

    /// <summary>True when the number at <paramref name="at"/> (value span to <paramref name="end"/>) reports a figure.</summary>
    public bool IsReported(int at, int end)
    {
        if (resultSections.Any(s => at >= s.Start && at < s.End))
        {
            return true;
        }

        var folded = text.Folded;
        if (FromBefore().IsMatch(folded.AsSpan(Math.Max(0, at - 6), at - Math.Max(0, at - 6)).ToString()) && ToAfter().IsMatch(folded[end..Math.Min(folded.Length, end + 20)]))
        {
            return true;
        }

        var (start, stop) = Sentence(folded, at);
        var sentence = folded[start..stop];
        var before = folded[start..at];
        if (PastMarker().IsMatch(before) || (marked ? text.Slice(start, at).Contains("đã ", StringComparison.Ordinal) : PastParticle().IsMatch(before)))
        {
            return true;
        }

        return YearOpening().Match(sentence) is { Success: true } y && year is { } documentYear && int.Parse(y.Groups["y"].ValueSpan) < documentYear;
    }

    private static bool IsUpperHeading(TextLine line)
    {
        var original = line.Original.Trim();
        return original.Length is > 3 and < 90 && Letters.IsUpper(original);
    }

    private static (int Start, int End) Sentence(string folded, int at)
    {
        var start = at;
        while (start > 0 && !IsSentenceEnd(folded, start - 1) && !LineWraps.IsItemBreak(folded, start - 1))
        {
            start--;
        }

        var end = at;
        while (end < folded.Length && !IsSentenceEnd(folded, end) && !LineWraps.IsItemBreak(folded, end))
        {
            end++;
        }

        return (start, end);
    }

    private static bool IsSentenceEnd(string folded, int i) =>
        folded[i] is '!' or '?' || folded[i] == '.' && !(i > 0 && char.IsDigit(folded[i - 1]) && i + 1 < folded.Length && char.IsDigit(folded[i + 1]));
}
