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
    [GeneratedRegex(@"^\s*(?:[-+*•]\s*)?(?:can\s*c[a-z]{1,2}\b|thuc\s*hien\b|tren\s*co\s*so\b|nh[a-z]m\s*cu\s*th[a-z]\s*ho[a-z]?\b|huong\s*ung\b|theo\s*de\s*nghi\b)")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^\s*(?:[ivxl|1]{1,4}\s*[.]\s|[a-z]{0,3}\s*[.]?\s*muc\s*d|\d+\s*[.]\s)")]
    private static partial Regex Heading();

    // A clause that may open with an unnumbered document: after the opening word, a comma, a semicolon or "và".
    [GeneratedRegex(@"(?:^\s*(?:[-+*•]\s*)?(?:can\s*c[a-z]{1,2}|thuc\s*hien|tren\s*co\s*so|nh[a-z]m\s*cu\s*th[a-z]\s*ho[a-z]?|huong\s*ung)|[,;]\s*(?:phoi\s*hop\s*)?(?:thuc\s*hien|can\s*cu)?|\sva)\s+(?=[a-z])", RegexOptions.Multiline)]
    private static partial Regex ClauseStart();

    public static (IReadOnlyList<DocumentReference> Bases, IReadOnlyList<ReferenceMention> Unnumbered) Parse(
        FoldedText text, IReadOnlyList<TextLine> lines, int bodyStart, IReadOnlyList<ReferenceMention> mentions, string? ownNumber)
    {
        var spans = PreambleSpans(lines, bodyStart);
        var bases = new List<(int At, DocumentReference Basis)>();
        var unnumbered = new List<ReferenceMention>();
        foreach (var (start, end) in spans)
        {
            var inSpan = mentions.Where(m => m.Start >= start && m.Start < end && !IsOwn(m.Number, ownNumber)).ToList();
            foreach (var mention in inSpan.Where(m => OpensClause(text.Folded, start, m.Start)))
            {
                if (!bases.Any(b => b.Basis.Number == mention.Number))
                {
                    bases.Add((mention.Start, new DocumentReference(mention.DocType, mention.Number, mention.Date, mention.Issuer)));
                }
            }

            foreach (var found in Unnumbered(text, start, end, inSpan))
            {
                unnumbered.Add(found);
                bases.Add((found.Start, new DocumentReference(found.DocType, null, null, found.Issuer)));
            }
        }

        return (bases.OrderBy(b => b.At).Select(b => b.Basis).ToList(), unnumbered);
    }

    [GeneratedRegex(@"(?:^|[;,]|\bva\b|\n\s*\n)(?:\s|[-+*•]|can\s*c[a-z]{1,2}|thuc\s*hien|tren\s*co\s*so|nh[a-z]m\s*cu\s*th[a-z]\s*ho[a-z]?|huong\s*ung|theo\s*de\s*nghi|ph[a-z]{1,2}i\s*hop|tiep\s*tuc|dong\s*thoi|va)*(?:[^\s;,]+\s+){0,2}?(?:s[o06ebd$&¢§]?\s*[:.]?\s*)?$", RegexOptions.RightToLeft)]
    private static partial Regex ClauseOpening();

    /// <summary>
    /// A basis opens its clause ("Căn cứ X", "; Y", "và Z"); a document named inside another's subject
    /// ("… về tiếp tục thực hiện Chỉ thị số 05-CT/TW") is cited, not relied on.
    /// </summary>
    private static bool OpensClause(string folded, int spanStart, int mentionStart) =>
        ClauseOpening().IsMatch(folded[spanStart..mentionStart]);

    public static bool IsOwn(string? number, string? ownNumber) =>
        number is not null && ownNumber is not null
        && Text.TextFolding.Fold(number) == Text.TextFolding.Fold(ownNumber);

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
            while (i < lines.Count && !lines[i].IsBlank && (i == first || !Heading().IsMatch(lines[i].Folded)))
            {
                i++;
            }

            if (Opening().IsMatch(lines[first].Folded))
            {
                spans.Add((lines[first].Start, lines[i - 1].End));
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
            if (Regex.IsMatch(body, @"\bnay\b") || numbered.Any(n => n.Start >= at && n.Start < clauseEnd && n.Start < (nextComma < 0 ? clauseEnd : nextComma)))
            {
                continue;
            }

            var typeEnd = at + Text.TextFolding.Fold(type).Length;
            var cua = Regex.Match(folded[typeEnd..clauseEnd], Patterns.Cua + @"\s+");
            var issuer = cua.Success ? ReferenceParser.ReadTail(text, typeEnd + cua.Index).Issuer : null;
            yield return new ReferenceMention(type, null, null, issuer, at, clauseEnd);
        }
    }
}
