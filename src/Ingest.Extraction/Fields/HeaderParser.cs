using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>What the header and the type-and-subject block say.</summary>
internal sealed record HeaderResult(
    string? DocType,
    string? Number,
    bool NumberRepaired,
    IReadOnlyList<string> LeftColumn,
    bool IsParty,
    string? Place,
    PartialDate? IssuedDate,
    string? Title,
    int BodyStart)
{
    /// <summary>An organisation the right column names beside a committee ("ĐOÀN TNCS HỒ CHÍ MINH" beside "BAN CHẤP HÀNH TRUNG ƯƠNG").</summary>
    public string? Organisation { get; init; }

    /// <summary>The issuer repeated under the title of a Quyết định or Nghị quyết ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH").</summary>
    public string? IssuerLine { get; init; }

    /// <summary>The header was read: a motto, a Party or Đoàn name, a number or a type line.</summary>
    public bool HasHeader { get; init; }
}

/// <summary>
/// Reads the header (issuer column, motto column, number, place and date) and the type and subject
/// lines. The two header columns are often flattened onto one line by OCR; the motto, the Party name
/// and the "place, ngày …" phrase mark where the right column begins.
/// </summary>
internal static partial class HeaderParser
{
    private const int MaxHeaderLines = 25;

    [GeneratedRegex(@",\s*" + Patterns.Ngay + @"\b|,\s*(?=\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})")]
    private static partial Regex PlaceDateComma();

    [GeneratedRegex(@"^\s*(?:[-_*=~]\s*)*(?:(?:nghi\s+quyet|quyet\s+dinh|ke\s+hoach)\s+)?s[o06ebd$&¢§]?\s*[:.]?\s*(?=/?\s?\d)")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^\s*(?:can\s*c|thuc\s*hien|tren\s*co\s*so|nh[a-z]m\s*cu\s*th[a-z]\s*ho|huong\s*ung|kinh\s*gui|[ivxl|1]{1,4}\s*[.]\s|\d+\s*[.]\s)")]
    private static partial Regex BodyOpening();

    [GeneratedRegex(@"^\s*[-+•]")]
    private static partial Regex BulletLine();

    [GeneratedRegex(@"^\s*(?:quyet\s+dinh|quyet\s+nghi)\s*:")]
    private static partial Regex DecidesHeading();

    [GeneratedRegex(@"^\s*kinh\s*gui")]
    private static partial Regex KinhGui();

    [GeneratedRegex(@"^\s*" + Patterns.Ngay + @"\s*")]
    private static partial Regex LeadingNgay();

    [GeneratedRegex(@"^\s*\d")]
    private static partial Regex OpensWithNumber();

    [GeneratedRegex(@"^\s*(?:[Vv]\s*/\s*[Vv]|[Vv]ề\s+việc|[Vv]e\s+viec)\s*:?\s*")]
    private static partial Regex SubjectLabel();

    [GeneratedRegex(@"^\s*(?:v\s*/\s*v|s[o06]\b)")]
    private static partial Regex SubjectOrNumberLabel();

    [GeneratedRegex(@"\b(?:khoa|ky\s+hop)\b")]
    private static partial Regex TermOrSession();

    public static HeaderResult Parse(FoldedText text, IReadOnlyList<TextLine> lines)
    {
        var typeLine = FindTypeLine(lines);
        var regionEnd = HeaderEnd(lines, typeLine);
        var cells = HeaderCells.Read(text, lines, regionEnd);
        string? number = null;
        string? code = null;
        var repaired = false;
        string? place = null;
        PartialDate? date = null;
        var isParty = false;
        string? organisation = null;
        string? subject = null;
        var subjectLine = -1;
        var left = new List<string>();
        var evidence = typeLine is not null;
        foreach (var cell in cells)
        {
            switch (cell.Kind)
            {
                case HeaderCellKind.Number when number is null:
                    // "02/CT:PH-HĐTN": OCR drops a colon into a symbol.
                    var cellText = new FoldedText(Patterns.ColonInsideWord().Replace(cell.Text, string.Empty));
                    var lead = NumberLine().Match(cellText.Folded);
                    if (NumberSymbol.ReadAt(cellText, lead.Length) is { } symbol)
                    {
                        number = symbol.Numbers[0];
                        code = symbol.Code;
                        repaired = symbol.Repaired;
                        evidence = true;
                    }

                    break;
                case HeaderCellKind.PlaceDate when place is null:
                    var placeDate = new FoldedText(cell.Text);
                    var comma = PlaceDateComma().Match(placeDate.Folded);
                    var placeText = Letters.Squash(placeDate.Slice(0, comma.Index)).Trim(' ', '-', '_', '.', '|');
                    if (placeText.Length > 0 && Letters.HasLetter(placeText))
                    {
                        place = placeText;
                    }

                    date = ReadIssueDate(placeDate.Folded, comma.Index + comma.Length);
                    break;
                case HeaderCellKind.Motto:
                    isParty |= HeaderCells.IsParty(cell.Folded);
                    evidence = true;
                    break;
                case HeaderCellKind.Organisation:
                    organisation ??= BodyNames.Read(cell.Text) is { IsRecognised: true } org ? org.Text : null;
                    evidence = true;
                    break;
                case HeaderCellKind.Subject when subject is null:
                    subject = SubjectText(cell.Text);
                    subjectLine = cell.Line;
                    break;
                case HeaderCellKind.Other when subject is not null && cell.Line <= subjectLine + 2 && cell.Text.Length < 80 && !cell.Text.Contains(':', StringComparison.Ordinal):
                    // The "V/v …" subject goes on over the next lines of the left column.
                    subject += " " + cell.Text;
                    subjectLine = cell.Line;
                    break;
                case HeaderCellKind.Body when Letters.Key(cell.Folded).Length >= 2:
                    left.Add(cell.Text);
                    break;
            }
        }

        if (!evidence)
        {
            // Without a motto, a number or a type line there is no telling a header from an upper-case heading.
            left.Clear();
        }

        var letter = subject is not null || evidence && AddressedAt(lines, regionEnd) >= 0;
        if (typeLine is null)
        {
            var docType = letter && evidence ? "Công văn" : evidence && code is not null ? DocTypes.FromCode(code) : null;
            return new HeaderResult(docType, number, repaired, left, isParty, place, date, letter ? subject : null, LetterBodyStart(lines, regionEnd, evidence))
            {
                Organisation = organisation,
                HasHeader = evidence,
            };
        }

        var (title, bodyStart, issuerLine) = ReadTitle(lines, typeLine.Index + 1);
        return new HeaderResult(DocTypes.TypeLine(typeLine.Folded), number, repaired, left, isParty, place, date, title, bodyStart)
        {
            Organisation = organisation,
            IssuerLine = issuerLine,
            HasHeader = true,
        };
    }

    /// <summary>"V/v tăng cường …" → "tăng cường …".</summary>
    private static string SubjectText(string cell) =>
        SubjectLabel().Replace(cell, string.Empty).Trim();

    /// <summary>The header ends at the type line, or, in a letter, at "Kính gửi" or the first line of running text.</summary>
    private static int HeaderEnd(IReadOnlyList<TextLine> lines, TextLine? typeLine)
    {
        if (typeLine is not null)
        {
            return typeLine.Index;
        }

        for (var i = 0; i < lines.Count && i < MaxHeaderLines; i++)
        {
            var line = lines[i];
            var trimmed = line.Original.Trim();
            if (line.IsBlank)
            {
                continue;
            }

            if (KinhGui().IsMatch(line.Folded) || i > 0 && BodyOpening().IsMatch(line.Folded) && !OpensWithNumber().IsMatch(line.Folded))
            {
                return i;
            }

            if (i > 0 && trimmed.Length > 90 && !Letters.IsUpper(trimmed) && !SubjectOrNumberLabel().IsMatch(line.Folded) && !line.Folded.Contains(", ngay", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return Math.Min(lines.Count, MaxHeaderLines);
    }

    private static int AddressedAt(IReadOnlyList<TextLine> lines, int from)
    {
        for (var i = Math.Max(0, from - 2); i < lines.Count && i < from + 3; i++)
        {
            if (KinhGui().IsMatch(lines[i].Folded))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A letter's body starts after its "Kính gửi" list; a text without a header starts at once.</summary>
    private static int LetterBodyStart(IReadOnlyList<TextLine> lines, int regionEnd, bool evidence)
    {
        if (!evidence)
        {
            return 0;
        }

        var i = regionEnd;
        if (AddressedAt(lines, regionEnd) is var addressed && addressed >= 0)
        {
            i = addressed + 1;
            while (i < lines.Count && (lines[i].IsBlank || BulletLine().IsMatch(lines[i].Folded)))
            {
                i++;
            }
        }

        return i < lines.Count ? lines[i].Start : lines[^1].End;
    }

    private static TextLine? FindTypeLine(IReadOnlyList<TextLine> lines)
    {
        foreach (var line in lines.Take(MaxHeaderLines + 5))
        {
            var trimmed = line.Original.Trim().Trim('*').Trim();
            if (trimmed.Length is > 0 and <= 40 && Letters.IsUpper(trimmed) && DocTypes.TypeLine(line.Folded) is not null)
            {
                return line;
            }
        }

        return null;
    }

    private static PartialDate? ReadIssueDate(string folded, int at)
    {
        if (DateReader.ReadAt(folded, at) is { Date: { } date })
        {
            return date;
        }

        // "ngày   tháng 3 năm 2024": the day left blank for the signer to fill in.
        var afterNgay = LeadingNgay().Match(folded[at..]);
        return afterNgay.Success && DateReader.ReadAt(folded, at + afterNgay.Length) is { Date: { } month } ? month : null;
    }

    private static (string? Title, int BodyStart, string? IssuerLine) ReadTitle(IReadOnlyList<TextLine> lines, int from)
    {
        var parts = new List<string>();
        var i = from;
        var bodyStart = from < lines.Count ? lines[from].Start : lines[^1].End;
        string? issuerLine = null;
        while (i < lines.Count && parts.Count < 8)
        {
            var line = lines[i];
            var content = Letters.Squash(line.Original).Trim('_', '-', '=', ' ', '|', '—');
            if (line.IsBlank || !Letters.HasLetter(content))
            {
                if (parts.Count > 0 && !ParagraphContinuesTitle(lines, i + 1))
                {
                    break;
                }

                i++;
                continue;
            }

            if (parts.Count > 0 && (BodyOpening().IsMatch(line.Folded) || DecidesHeading().IsMatch(line.Folded)))
            {
                break;
            }

            if (parts.Count == 0 && KinhGui().IsMatch(line.Folded))
            {
                break;
            }

            if (parts.Count > 0 && IsIssuerRepeat(content))
            {
                // "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" under a decision's title.
                issuerLine = content;
                i++;
                while (i < lines.Count && Letters.IsUpper(lines[i].Original.Trim()) && TermOrSession().IsMatch(lines[i].Folded))
                {
                    i++;
                }

                bodyStart = i < lines.Count ? lines[i].Start : lines[^1].End;
                break;
            }

            parts.Add(content);
            i++;
            bodyStart = i < lines.Count ? lines[i].Start : lines[^1].End;
        }

        var title = parts.Count == 0 ? null : Letters.Squash(string.Join(' ', parts)).Trim();
        return (string.IsNullOrEmpty(title) ? null : title, bodyStart, issuerLine);
    }

    /// <summary>An upper-case line that names a body (with a signing title before it): the issuer repeated, not the title.</summary>
    private static bool IsIssuerRepeat(string content)
    {
        if (!Letters.IsUpper(content) || content.Length > 90)
        {
            return false;
        }

        var folded = Text.TextFolding.Fold(content);
        var withoutTitle = Patterns.LeadingSignerTitle().Replace(folded, string.Empty);
        var name = BodyNames.Read(content[(content.Length - withoutTitle.Length)..]);
        return name.IsRecognised && name.HasBody && (name.Place is not null || name.Level is not null || withoutTitle.Length < folded.Length);
    }

    /// <summary>After a blank line the title goes on only with a short paragraph that is not the body's opening.</summary>
    private static bool ParagraphContinuesTitle(IReadOnlyList<TextLine> lines, int next)
    {
        while (next < lines.Count && lines[next].IsBlank)
        {
            next++;
        }

        if (next >= lines.Count || BodyOpening().IsMatch(lines[next].Folded))
        {
            return false;
        }

        var paragraph = new List<string>();
        for (var j = next; j < lines.Count && !lines[j].IsBlank; j++)
        {
            paragraph.Add(lines[j].Original.Trim());
        }

        var joined = string.Join(' ', paragraph).TrimEnd('*', ' ');
        return joined.Length < 250 && !joined.EndsWith('.') && !joined.EndsWith(':') && !joined.EndsWith(';');
    }
}
