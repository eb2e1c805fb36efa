using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The subject of a target: the short noun phrase of what is measured, which compare groups by. It is the
/// phrase right after the value and unit ("95% cử tri đi bầu cử", "02 cuộc giám sát chuyên đề") up to a
/// clause break or a qualifier such as "trở lên", "so với", "trong năm …"; when nothing nameable follows
/// ("Tỷ lệ hộ nghèo giảm còn dưới 1,2%", "Thu nhập bình quân đầu người đạt 62 triệu đồng", a list entry
/// "Tổng sản lượng lương thực: 25.000 tấn") it is the phrase before the value, without the verbs around it.
/// </summary>
internal static partial class IndicatorSubject
{
    private const int MaxWords = 12;

    // Where the measured phrase after the value ends: clause punctuation and the qualifiers of a target
    // ("để" folds to "de" like the "đề" of "chuyên đề", "vấn đề", "chủ đề", which do not end it).
    [GeneratedRegex(@"[;.:!?(]|\n(?=[ \t]*(?:\n|[-+*•]|\d{1,2}\s*[.)]))|\s-\s|,\s*(?:trong\s+do|dong\s+thoi|khong|bao\s+dam|dam\s+bao|phan\s+dau|moi|gop\s+phan|nham|tao|va\s+\d)\b|\b(?:tr[a-z0-9]{0,2}\s+[l1i]en|tro\s+xuong|so\s+voi|trong\s+(?:nam|thang|quy|dip|thoi\s+gian|nhung|vong|giai\s+doan)|vao\s+(?:ngay|thang|nam|quy|cuoi|dau|giua|dip|thu)|truoc\s+(?:ngay|thang|nam)|cham\s+nhat|den\s+(?:nam|het|cuoi|ngay|thang)|tu\s+(?:nam|ngay|thang)|moi|hang\s+(?:nam|thang|quy|tuan|ngay)|dinh\s+ky|hoac\s+\d|nham|(?<!(?:chuyen|van|chu|tieu|nan|de)\s)de|gan\s+voi|theo\s+(?:quy|ke|chi|huong|nghi|ke)|tai\s+(?:cac|dia)|o\s+muc)\b")]
    private static partial Regex AfterStop();

    // Words that open a clause without naming what is measured ("Phấn đấu giảm …", "Đến năm 2025 có …").
    [GeneratedRegex(@"^(?:\s|[-+*•]|\d+[.)]\s|(?:phan\s+dau|bao\s+dam|dam\s+bao|duy\s+tri|giu\s+vung|nang|giam|tang|keo\s+giam|hoan\s+thanh|dat|co|them|moi\s+nam|hang\s+nam|trong\s+do|dong\s+thoi|den\s+(?:het\s+|cuoi\s+)?nam\s+\d{4}|nam\s+\d{4}|trong\s+nam\s+\d{4}|va|tiep\s+tuc|toan\s+(?:tinh|huyen|xa))\b,?)+")]
    private static partial Regex LeadingVerbs();

    // Verbs and comparator words between the measured phrase and its value ("… giảm còn dưới", "… đạt từ").
    [GeneratedRegex(@"(?:\s|,|\b(?:dat|giam|tang|len|xuong|con|la|bang|o\s+muc|voi\s+muc|muc|khoang|toi\s+thieu|it\s+nh[a-z]t|tren|duoi|khong\s+qua|khong\s+duoi|tu|phan\s+dau|den\s+(?:het\s+|cuoi\s+)?nam\s+\d{4}|nam\s+\d{4}|vao\s+cuoi\s+nam\s+\d{4}|binh\s+quan|hang\s+nam|moi\s+nam)\b)+$")]
    private static partial Regex TrailingVerbs();

    [GeneratedRegex(@",\s*(?=(?:bao\s+dam|dam\s+bao|phan\s+dau|duy\s+tri|giu\s+vung|nang|giam|tang|keo\s+giam|hoan\s+thanh|moi|toan)\b)")]
    private static partial Regex ActionComma();

    // Function words that do not end a noun phrase.
    [GeneratedRegex(@"(?:\s+\b(?:va|cua|cac|cho|tai|trong|voi|ve|o|la|duoc|dat|co)\b)+$")]
    private static partial Regex DanglingWords();

    [GeneratedRegex(@"^\s*(?:tu|cho|tai|trong|vao|theo|cua|so\s+voi)\b")]
    private static partial Regex PrepositionAfter();

    [GeneratedRegex(@"^\s*tr[a-z0-9]{0,2}\s+(?:[l1i]en|xuong)\s+(?=[a-z])")]
    private static partial Regex RiseOrFallQualifier();

    /// <param name="text">The document.</param>
    /// <param name="clauseStart">Start of the clause holding the value.</param>
    /// <param name="valueStart">Where the value (or its comparator word) starts.</param>
    /// <param name="unitStart">Where the unit starts: after "%", or at the counted noun.</param>
    /// <param name="unitEnd">Where the unit ends.</param>
    /// <param name="clauseEnd">End of the clause.</param>
    /// <param name="preferBefore">Money and measures are named before them ("mỗi căn hỗ trợ không dưới 50 triệu đồng").</param>
    public static string? Read(FoldedText text, int clauseStart, int valueStart, int unitStart, int unitEnd, int clauseEnd, bool preferBefore)
    {
        var folded = text.Folded;
        // "Kéo giảm từ 10% trở lên số vụ phạm pháp hình sự": the qualifier comes first, the phrase after it.
        if (RiseOrFallQualifier().Match(folded[unitEnd..Math.Min(folded.Length, unitEnd + 12)]) is { Success: true } qualifier
            && unitStart == unitEnd)
        {
            unitStart = unitEnd = unitEnd + qualifier.Length;
        }

        var afterEnd = PhraseEnd(folded, unitEnd, clauseEnd);
        var after = Clean(text.Slice(unitEnd, afterEnd));
        var named = unitStart < unitEnd ? Clean(text.Slice(unitStart, afterEnd)) : after;
        var before = Before(text, clauseStart, valueStart);
        if (preferBefore && before is not null && (after is null || StartsWithPreposition(folded, unitEnd)))
        {
            return before;
        }

        if (unitStart < unitEnd && after is null && before is not null && before.Split(' ').Length <= 6)
        {
            // "mỗi học sinh đọc tối thiểu 06 cuốn sách/năm học", "Kết nạp mới ít nhất 250 hội viên": the counted
            // noun with who does it or what is done to it ("hội viên kết nạp mới").
            return Clean(Letters.Squash(text.Slice(unitStart, Math.Min(unitEnd, NounEnd(folded, unitStart, unitEnd)))) + " " + LowerFirst(before));
        }

        return (unitStart < unitEnd ? named : after) is { Length: > 0 } phrase && HasNoun(phrase) ? phrase : before ?? named;
    }

    /// <summary>The counted noun without its rate ("cuốn sách/năm học" → "cuốn sách").</summary>
    private static int NounEnd(string folded, int unitStart, int unitEnd)
    {
        var slash = folded.IndexOf('/', unitStart, unitEnd - unitStart);
        return slash < 0 ? unitEnd : slash;
    }

    private static int PhraseEnd(string folded, int from, int clauseEnd)
    {
        var limit = Math.Min(clauseEnd, folded.Length);
        var stop = AfterStop().Match(folded, from, Math.Max(0, limit - from));
        var end = stop.Success ? stop.Index : limit;
        var words = 0;
        for (var i = from; i < end; i++)
        {
            if (folded[i] == ' ' && i > from && folded[i - 1] != ' ' && ++words >= MaxWords)
            {
                return i;
            }
        }

        return end;
    }

    /// <summary>The phrase before the value, from the clause start, without the verbs that lead and end it.</summary>
    private static string? Before(FoldedText text, int clauseStart, int valueStart)
    {
        var folded = text.Folded;
        var start = clauseStart;
        // "Tổng sản lượng lương thực bình quân hàng năm: 25.000 tấn": a list entry names its target before the colon.
        var colon = folded.LastIndexOf(':', Math.Max(0, valueStart - 1), Math.Max(0, valueStart - clauseStart));
        var end = colon >= 0 && folded.AsSpan(colon + 1, valueStart - colon - 1).Trim().Length == 0 ? colon : valueStart;
        if (colon >= 0 && end == colon)
        {
            var lineStart = folded.LastIndexOf('\n', Math.Max(0, colon - 1));
            start = Math.Max(lineStart + 1, folded.LastIndexOfAny([';', '.'], Math.Max(0, colon - 1)) + 1);
        }

        // "…, bảo đảm tỷ lệ cấp ủy viên nữ từ 15%": the measured phrase starts at "tỷ lệ" or after the last
        // comma that opens an action.
        var rate = folded.LastIndexOf("ty le", end, end - start, StringComparison.Ordinal);
        var action = ActionComma().Matches(folded[start..end]);
        if (rate >= 0)
        {
            start = rate;
        }
        else if (action.Count > 0)
        {
            start += action[^1].Index + 1;
        }

        var span = folded[start..end].Replace('\n', ' ');
        var lead = LeadingVerbs().Match(span);
        var from = start + (lead.Success ? lead.Length : 0);
        var trail = TrailingVerbs().Match(folded[from..end].Replace('\n', ' '));
        var to = trail.Success ? from + trail.Index : end;
        return to > from ? Clean(text.Slice(from, to)) : null;
    }

    private static bool StartsWithPreposition(string folded, int at) =>
        PrepositionAfter().IsMatch(folded.AsSpan(at, Math.Min(12, folded.Length - at)));

    // A clause's first word is capitalised as a sentence start, not as a name ("Kết nạp" but "Đoàn viên").
    private static string LowerFirst(string phrase) =>
        phrase.Length > 1 && char.IsUpper(phrase[0]) && !char.IsUpper(phrase[1]) && !Letters.IsUpper(phrase.Split(' ')[0])
            && (phrase.IndexOf(' ') is var space && (space < 0 || !char.IsUpper(phrase[Math.Min(phrase.Length - 1, space + 1)])))
            ? char.ToLowerInvariant(phrase[0]) + phrase[1..]
            : phrase;

    private static bool HasNoun(string phrase) => phrase.Count(char.IsLetter) >= 2;

    private static string? Clean(string slice)
    {
        var squashed = Letters.Squash(slice).Trim(' ', ',', '-', '+', '*', '•');
        var folded = Text.TextFolding.Fold(squashed);
        var dangling = DanglingWords().Match(folded);
        if (dangling.Success && dangling.Index > 0)
        {
            squashed = Letters.Squash(new FoldedText(squashed).Slice(0, dangling.Index)).Trim(' ', ',');
        }

        return squashed.Length >= 2 && Letters.HasLetter(squashed) ? squashed : null;
    }
}
