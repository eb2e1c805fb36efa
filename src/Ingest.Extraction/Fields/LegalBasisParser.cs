using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The preamble's references (Căn cứ / Thực hiện / Trên cơ sở / Nhằm cụ thể hóa / Hưởng ứng …): the
/// paragraphs after the title that open with one of those words, up to the first heading. Unnumbered
/// bases ("Chương trình phối hợp … năm 2024") are kept with a null number.
/// </summary>
internal static partial class LegalBasisParser
{
    [GeneratedRegex(@"^[\s\-+*•_~|—""'.]*(?:can\W{0,2}\s*c[a-z]{1,2}\b|thuc\s*hien\b|tren\s*co\s*so\b|nh[a-z]m\s*cu\s*th[a-z]\s*ho[a-z]?\b|huong\s*ung\b|theo\s*de\s*nghi\b)")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^\s*(?:[ivxl|1]{1,4}\s*[.]\s|[a-z]{0,3}\s*[.]?\s*muc\s*d|\d+\s*[.]\s)")]
    private static partial Regex Heading();

    // A clause that may open with an unnumbered document: after the opening word, a comma, a semicolon or "và".
    [GeneratedRegex(@"(?:^\s*(?:[-+*•]\s*)?(?:can\s*c[a-z]{1,2}|thuc\s*hien|tren\s*co\s*so|nh[a-z]m\s*cu\s*th[a-z]\s*ho[a-z]?|huong\s*ung)|[,;]\s*(?:phoi\s*hop\s*)?(?:thuc\s*hien|can\s*cu)?|\sva)\s+(?=[a-z])", RegexOptions.Multiline)]
    private static partial Regex ClauseStart();

    // "Căn cứ các Nghị quyết của Hội đồng nhân dân tỉnh: số 45/NQ-HĐND …; số 46/NQ-HĐND …": every item of
    // the list is a basis of the type and issuer the lead names, the first one too.
    private static readonly Regex PluralLead = new(
        @"(?:can\s*c[a-z]{1,2}|thuc\s*hien)\s+(?:vao\s+)?cac\s+(?<type>" + string.Join('|', DocTypes.Words.Select(w => w.Folded.Replace(" ", @"\s+"))) + @")(?:\s+(?:cua|do)\s+(?<issuer>[^:;.]{3,80}?))?\s*:",
        RegexOptions.Compiled);

    // "Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Công điện số 98/CĐ-TTg": the basis is the document the direction is in.
    [GeneratedRegex(@"(?:thuc\s*hien|theo)\s+(?:y\s+kien\s+)?(?:chi\s+dao|ket\s+luan)\s+cua\s+(?<issuer>[^;,.]{3,80}?)\s+tai\s+$")]
    private static partial Regex DirectedBefore();

    public static (IReadOnlyList<DocumentReference> Bases, IReadOnlyList<ReferenceMention> Unnumbered) Parse(
        FoldedText text, IReadOnlyList<TextLine> lines, int bodyStart, IReadOnlyList<ReferenceMention> mentions, string? ownNumber)
    {
        var spans = PreambleSpans(lines, bodyStart);
        var bases = new List<(int At, DocumentReference Basis)>();
        var unnumbered = new List<ReferenceMention>();
        var folded = text.Folded;
        foreach (var (start, end) in spans)
        {
            var inSpan = mentions.Where(m => m.Start >= start && m.Start < end && !IsOwn(m.Number, ownNumber)).ToList();
            var listed = ListedUnderPluralLead(text, start, end, inSpan);
            foreach (var mention in inSpan)
            {
                var basis = listed.GetValueOrDefault(mention);
                if (basis is null && DirectedBefore().Match(folded[Math.Max(start, mention.Start - 100)..mention.Start]) is { Success: true } directed)
                {
                    var lookBack = Math.Max(start, mention.Start - 100);
                    var named = directed.Groups["issuer"];
                    basis = mention with { Issuer = mention.Issuer ?? Letters.Squash(text.Slice(lookBack + named.Index, lookBack + named.Index + named.Length)) };
                }

                if (basis is null && OpensClause(folded, start, mention.Start))
                {
                    basis = mention;
                }

                if (basis is not null && !bases.Any(b => b.Basis.Number == basis.Number))
                {
                    bases.Add((basis.Start, new DocumentReference(basis.DocType, basis.Number, basis.Date, basis.Issuer)));
                }
            }

            foreach (var found in Unnumbered(text, start, end, inSpan))
            {
                unnumbered.Add(found);
                bases.Add((found.Start, new DocumentReference(found.DocType, null, found.Date, found.Issuer)));
            }
        }

        return (bases.OrderBy(b => b.At).Select(b => b.Basis).ToList(), unnumbered);
    }

    [GeneratedRegex(@"(?:^|[;,]|\bva\b|\n\s*\n|\n(?=\s*(?:[-+*•]\s*)?(?:can\s*c[a-z]{1,2}|thuc\s*hien|tren\s*co\s*so)\b))(?:\s|[-+*•]|can\s*c[a-z]{1,2}|thuc\s*hien|tren\s*co\s*so|nh[a-z]m\s*cu\s*th[a-z]\s*ho[a-z]?|huong\s*ung|theo\s*de\s*nghi|ph[a-z]{1,2}i\s*hop|tiep\s*tuc|dong\s*thoi|va|vao|ket\s*qua)*(?:[^\s;,]+\s+){0,2}?(?:s[o06ebd$&¢§]?\s*[:.]?\s*)?$", RegexOptions.RightToLeft)]
    private static partial Regex ClauseOpening();

    /// <summary>The mentions listed after a plural lead, with the type and issuer the lead gives them.</summary>
    private static Dictionary<ReferenceMention, ReferenceMention> ListedUnderPluralLead(FoldedText text, int start, int end, List<ReferenceMention> inSpan)
    {
        var listed = new Dictionary<ReferenceMention, ReferenceMention>();
        var folded = text.Folded;
        foreach (Match lead in PluralLead.Matches(folded[..end], start))
        {
            var type = DocTypes.TypeAt(Patterns.WhitespaceRun().Replace(lead.Groups["type"].Value, " "));
            var issuer = lead.Groups["issuer"].Success
                ? Letters.Squash(text.Slice(lead.Groups["issuer"].Index, lead.Groups["issuer"].Index + lead.Groups["issuer"].Length))
                : null;
            var stop = folded.IndexOf('.', lead.Index + lead.Length) is var dot && dot >= 0 && dot < end ? dot : end;
            foreach (var mention in inSpan.Where(m => m.Start >= lead.Index + lead.Length && m.Start < stop))
            {
                listed[mention] = mention with { DocType = type ?? mention.DocType, Issuer = mention.Issuer ?? issuer };
            }
        }

        return listed;
    }

    /// <summary>
    /// A basis opens its clause ("Căn cứ X", "; Y", "và Z"); a document named inside another's subject
    /// ("… về tiếp tục thực hiện Chỉ thị số 05-CT/TW") is cited, not relied on.
    /// </summary>
    private static bool OpensClause(string folded, int spanStart, int mentionStart) =>
        ClauseOpening().IsMatch(folded[spanStart..mentionStart]);

    public static bool IsOwn(string? number, string? ownNumber) =>
        number is not null && ownNumber is not null
        && Text.TextFolding.Fold(number) == Text.TextFolding.Fold(ownNumber);

    // Where a preamble written without blank lines ends: the decision's "QUYẾT ĐỊNH:", its first article, a chapter.
    [GeneratedRegex(@"^\s*(?:(?:quyet\s+dinh|quyet\s+nghi)\s*:|dieu\s+1\b|chuong\s+[ivx]+\b|phan\s+thu\b)")]
    private static partial Regex PreambleEnd();

    [GeneratedRegex(@"[,;]\s*(?:thuc\s*hien|can\s*cu)\s+(?=[a-z])")]
    private static partial Regex InnerOpening();

    [GeneratedRegex(Patterns.Cua + @"\s+")]
    private static partial Regex Cua();

    [GeneratedRegex(@"(?:" + Patterns.Ngay + @"\s*(?=\d)|(?=" + Patterns.Nam + @"\s+(?:19|20)\d\d\b))")]
    private static partial Regex DateOrYearStart();

    [GeneratedRegex(@"[.;:,]$")]
    private static partial Regex EndsWithPunctuation();

    [GeneratedRegex(@"\bnay\b")]
    private static partial Regex Nay();

    /// <summary>The preamble's paragraphs (folded spans): references there are bases, not the plan's own dates or targets.</summary>
    public static IReadOnlyList<(int Start, int End)> Preamble(IReadOnlyList<TextLine> lines, int bodyStart) => PreambleSpans(lines, bodyStart);

    private static List<(int Start, int End)> PreambleSpans(IReadOnlyList<TextLine> lines, int bodyStart)
    {
        var spans = new List<(int, int)>();
        var i = 0;
        while (i < lines.Count && lines[i].End < bodyStart)
        {
            i++;
        }

        var skippedParagraphs = 0;
        while (i < lines.Count)
        {
            while (i < lines.Count && lines[i].IsBlank)
            {
                i++;
            }

            if (i >= lines.Count || Heading().IsMatch(lines[i].Folded))
            {
                break;
            }

            var first = i;
            var ends = false;
            while (i < lines.Count && !lines[i].IsBlank && (i == first || !Heading().IsMatch(lines[i].Folded)))
            {
                if (i > first && PreambleEnd().IsMatch(lines[i].Folded))
                {
                    ends = true;
                    break;
                }

                // "Kính gửi: …" / "Căn cứ …" without a blank line between: a lead after a finished line starts a paragraph.
                if (i > first && Opening().IsMatch(lines[i].Folded) && EndsWithPunctuation().IsMatch(lines[i - 1].Original.TrimEnd()) && !Opening().IsMatch(lines[first].Folded))
                {
                    break;
                }

                i++;
            }

            var inner = InnerOpening().Match(string.Join('\n', lines.Skip(first).Take(i - first).Select(l => l.Folded)));
            if (Opening().IsMatch(lines[first].Folded))
            {
                spans.Add((lines[first].Start, lines[i - 1].End));
            }
            else if (spans.Count == 0 && skippedParagraphs == 0 && inner.Success)
            {
                // "Để bảo đảm …, thực hiện Chỉ thị số 02/CT-UBND …, Chủ tịch … yêu cầu:": the lead comes mid-sentence.
                spans.Add((lines[first].Start + inner.Index + 1, lines[i - 1].End));
            }
            else if (spans.Count > 0 && ContinuesSentence(lines[first - 1 >= 0 ? PreviousText(lines, first) : first], lines[first]))
            {
                // OCR may break a paragraph with a blank line; a lower-case start after an open sentence continues it.
                spans[^1] = (spans[^1].Item1, lines[i - 1].End);
            }
            else if (++skippedParagraphs > 1 || spans.Count > 0)
            {
                // The preamble is the first paragraphs; the sentence that announces the plan ends it.
                break;
            }

            if (ends)
            {
                break;
            }
        }

        return spans;
    }

    private static int PreviousText(IReadOnlyList<TextLine> lines, int index)
    {
        var j = index - 1;
        while (j > 0 && lines[j].IsBlank)
        {
            j--;
        }

        return j;
    }

    private static bool ContinuesSentence(TextLine previous, TextLine next)
    {
        var end = previous.Original.TrimEnd();
        var start = next.Original.TrimStart();
        return end.Length > 0 && end[^1] is not ('.' or ';' or ':') && start.Length > 0 && char.IsLower(start[0]);
    }

    /// <summary>A law without a number is known by its date: "Luật Giáo dục ngày 14 tháng 6 năm 2019", "Luật Lâm nghiệp năm 2017".</summary>
    private static PartialDate? LawDate(string folded, int from, int clauseEnd)
    {
        var stop = folded.IndexOf(',', from) is var comma && comma >= 0 && comma < clauseEnd ? comma : clauseEnd;
        var m = DateOrYearStart().Match(folded[from..stop]);
        return m.Success && DateReader.ReadAt(folded, from + m.Index + m.Length) is { Date: { } date } ? date : null;
    }

    private static IEnumerable<ReferenceMention> Unnumbered(FoldedText text, int start, int end, List<ReferenceMention> numbered)
    {
        var folded = text.Folded;
        foreach (Match clause in ClauseStart().Matches(folded[..end], start))
        {
            var at = clause.Index + clause.Length;
            if (numbered.Any(n => at >= n.Start && at < n.End) || DocTypes.TypeAt(folded[at..Math.Min(end, at + 40)]) is not { } type)
            {
                continue;
            }

            // Documents are named with a capital; "kế hoạch này", "ban hành kế hoạch" are the plan itself.
            if (!char.IsUpper(text.Slice(at, at + 1).FirstOrDefault()))
            {
                continue;
            }

            var clauseEnd = folded.IndexOfAny([';', '.'], at);
            clauseEnd = clauseEnd < 0 || clauseEnd > end ? end : clauseEnd;
            var nextComma = folded.IndexOf(',', at);
            var body = folded[at..clauseEnd];
            if (Nay().IsMatch(body) || numbered.Any(n => n.Start >= at && n.Start < clauseEnd && n.Start < (nextComma < 0 ? clauseEnd : nextComma)))
            {
                continue;
            }

            var typeEnd = at + Text.TextFolding.Fold(type).Length;
            var cua = Cua().Match(folded[typeEnd..clauseEnd]);
            var issuer = cua.Success ? ReferenceParser.ReadTail(text, typeEnd + cua.Index).Issuer : null;
            yield return new ReferenceMention(type, null, type == "Luật" ? LawDate(folded, typeEnd, clauseEnd) : null, issuer, at, clauseEnd);
        }
    }
}
