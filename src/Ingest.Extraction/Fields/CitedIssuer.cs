using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The body that issued a cited document, as the text words it (CONTRACT.md §1a): after the reference
/// ("… ngày 12/6/2023 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch quy định …") up to the subject, a verb or
/// punctuation — a comma inside a known body name, an abbreviation in brackets ("(UBND)") and the quoted
/// movement a Ban Chỉ đạo is named after do not end it; or, when nothing follows, before the reference:
/// "theo đề nghị của Sở Nội vụ tại Tờ trình số …", "Ủy ban nhân dân xã đã ban hành Kế hoạch số …".
/// </summary>
internal static partial class CitedIssuer
{
    private const int MaxLength = 120;

    // Where the issuing body's name ends: the subject of the cited document, a verb, a preposition or punctuation.
    // "tại" is not the second syllable of "vận tải" nor "Tài chính", "Tài nguyên".
    [GeneratedRegex(@"[;,.(:""“]|\n\s*\n|\s(?:ve|v/v|trien\s+khai|thuc\s+hien|phe\s+duyet|ban\s+hanh|phat\s+dong|quy\s+dinh|huong\s+dan|tiep\s+tuc|tham\s+muu|nham|theo|ngay|doi\s+voi|cho|de|trong|cong\s+bo|sua\s+doi|bo\s+sung|thong\s+qua|dieu\s+chinh|de\s+nghi|cong\s+nhan|tang\s+cuong|day\s+manh|thi\s+hanh|tuyen\s+truyen|thanh\s+lap|phan\s+cong|kien\s+toan|yeu\s+cau|va\s+y\s+kien|va\s+(?:ke|chi|nghi|quyet|cong|huong|chuong)|n[a-z]{1,2}m\s+\d{4})\b|(?<!\bvan)\stai\b(?!\s+(?:chinh|nguyen|tro)\b)")]
    private static partial Regex Stop();

    // "(UBND)", "(GD&ĐT)": an abbreviation inside the name. A term of office in brackets ("(khóa XI)") ends it.
    [GeneratedRegex(@"\G\(\s*(?!kho[a-z]?\s)[a-z&\-. ]{2,14}\s*\)")]
    private static partial Regex Aside();

    // A Ban Chỉ đạo named after the movement it steers: "Ban Chỉ đạo Phong trào “Toàn dân đoàn kết …” tỉnh".
    [GeneratedRegex(@"(?:phong\s+trao(?:\s+thi\s+dua)?|cuoc\s+van\s+dong)\s*$")]
    private static partial Regex MovementLead();

    // "đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số": the body is named before the reference.
    [GeneratedRegex(@"(?:chi\s+dao|de\s+nghi|y\s+kien|ket\s+luan|huong\s+dan)\s+cua\s+(?<issuer>[^;.:]{3,100}?)\s+tai\s+(?:cac\s+)?$", RegexOptions.RightToLeft)]
    private static partial Regex DirectedBefore();

    // "Ủy ban nhân dân xã đã ban hành Kế hoạch số", "ngày 04/5/2018 UBND tỉnh đã ban hành Quyết định số",
    // "Đảng ủy xã ban hành Nghị quyết chuyên đề số": the body is the subject.
    [GeneratedRegex(@"(?:^|[.;:,(\n]|\b(?:khi|thi|nay)\s|\bngay\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s)\s*(?<issuer>[^.;:,(\n]{3,80}?)\s+(?:(?:da|vua|cung|cung\s+da)\s+)?(?:ban\s+hanh|co|ky(?:\s+ban\s+hanh)?)\s+(?:[^\s;,.]+\s+){0,4}?(?:s[o06]\s*:?\s*)?$", RegexOptions.RightToLeft)]
    private static partial Regex SubjectBefore();

    // The part of a comma-holding body name after its head word: "văn hóa, thể thao và du lịch" of "Sở/Bộ Văn hóa, …".
    private static readonly string[] CommaCores = FieldData.Rows(FieldData.Bodies)
        .Select(r => r[0])
        .Where(name => name.Contains(','))
        .Select(name => Text.TextFolding.Fold(name[(name.IndexOf(' ') + 1)..]))
        .Distinct()
        .ToArray();

    /// <summary>Where the issuer's name that starts at <paramref name="from"/> ends.</summary>
    public static int End(FoldedText text, int from)
    {
        var folded = text.Folded;
        var limit = Math.Min(folded.Length, from + MaxLength);
        var at = from;
        while (at < limit)
        {
            var stop = Stop().Match(folded, at, limit - at);
            if (!stop.Success)
            {
                return limit;
            }

            var c = folded[stop.Index];
            if (c == ',' && CommaNameEnd(folded, from, stop.Index) is { } nameEnd)
            {
                at = nameEnd;
                continue;
            }

            if (c == '(' && Aside().Match(folded, stop.Index) is { Success: true } aside)
            {
                at = stop.Index + aside.Length;
                continue;
            }

            if (c is '“' or '"' && MovementLead().IsMatch(folded.AsSpan(from, stop.Index - from))
                && folded.IndexOfAny(['”', '"'], stop.Index + 1) is var close && close > 0 && close - stop.Index < 200
                && folded.IndexOf('\n', stop.Index, close - stop.Index) < 0)
            {
                at = close + 1;
                limit = Math.Min(folded.Length, Math.Max(limit, at + 40));
                continue;
            }

            return stop.Index;
        }

        return limit;
    }

    /// <summary>The body named before a reference that starts at <paramref name="start"/>, or null.</summary>
    public static string? Before(FoldedText text, int start)
    {
        var folded = text.Folded;
        var lookBack = Math.Max(0, start - 140);
        var window = folded[lookBack..start];
        if (DirectedBefore().Match(window) is { Success: true } directed)
        {
            // "đề nghị của Sở Kế hoạch và Đầu tư (Thường trực Ban …) tại": an aside after the name is not part of it.
            var g = directed.Groups["issuer"];
            var from = lookBack + g.Index;
            return Letters.Squash(text.Slice(from, Math.Min(End(text, from), from + g.Length)));
        }

        if (SubjectBefore().Match(window) is { Success: true } subject)
        {
            var g = subject.Groups["issuer"];
            var name = Letters.Squash(text.Slice(lookBack + g.Index, lookBack + g.Index + g.Length)).Trim();
            var read = BodyNames.Read(name);
            if (name.Length > 0 && char.IsUpper(name[0]) && read.IsRecognised && read.Parts[0].Kind == BodyPartKind.Body)
            {
                return name;
            }
        }

        return null;
    }

    private static int? CommaNameEnd(string folded, int from, int comma)
    {
        foreach (var core in CommaCores)
        {
            var start = comma - core.IndexOf(',');
            if (start >= from && start + core.Length <= folded.Length && string.CompareOrdinal(folded, start, core, 0, core.Length) == 0)
            {
                return start + core.Length;
            }
        }

        return null;
    }
}
