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
    int BodyStart);

/// <summary>
/// Reads the header (issuer column, motto column, number, place and date) and the type and subject
/// lines. The two header columns are often flattened onto one line by OCR; the motto, the Party name
/// and the "place, ngày …" phrase mark where the right column begins.
/// </summary>
internal static partial class HeaderParser
{
    private const int MaxHeaderLines = 25;

    [GeneratedRegex(@"c\s*o\s*n\s*g\s*h\s*o\s*a\s*x\s*a\s*h\S*\s*c\s*h\s*u\s*n\s*g\s*h\s*i\s*a|\S*\s*o\s*c\s*l\s*a\s*p\s*-|\b[dpb]\s*a\s*n\s*g\s*c\s*o\s*n\s*g\s*s\s*a\s*n\s*v\s*i\s*e\s*t|\b[dp]oan\s+(?:tncs|thanh\s+nien\s+cong\s+san)\s+ho\s+chi\s+minh\s*$|(?<=\S\s+)\bhoi\s+\S+(?:\s+\S+){0,3}\s+viet\s+nam\s*$|\t|\s{3,}(?=\S)")]
    private static partial Regex RightColumnMarker();

    [GeneratedRegex(@"\b[dpb]\s*a\s*n\s*g\s*c\s*o\s*n\s*g\s*s\s*a\s*n")]
    private static partial Regex PartyMarker();

    [GeneratedRegex(@",\s*" + Patterns.Ngay + @"\b|,\s*(?=\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})")]
    private static partial Regex PlaceDateComma();

    [GeneratedRegex(@"^\s*(?:[-_*=~]\s*)*s[o06ebd$&¢§]?\s*[:.]?\s*(?=/?\s?\d)")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^\s*(?:can\s*c|thuc\s*hien|tren\s*co\s*so|nh[a-z]m\s*cu\s*th[a-z]\s*ho|huong\s*ung|kinh\s*gui|[ivxl|1]{1,4}\s*[.]\s|\d+\s*[.]\s)")]
    private static partial Regex BodyOpening();

    public static HeaderResult Parse(FoldedText text, IReadOnlyList<TextLine> lines)
    {
        var typeLine = FindTypeLine(lines);
        var headerEnd = typeLine?.Index ?? Math.Min(lines.Count, 8);
        string? number = null;
        var repaired = false;
        string? place = null;
        PartialDate? date = null;
        var isParty = false;
        var left = new List<string>();

        for (var i = 0; i < headerEnd && i < MaxHeaderLines; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            var leftEnd = line.Folded.Length;
            var marker = RightColumnMarker().Match(line.Folded);
            while (marker.Success && line.Folded[..marker.Index].Trim().Length == 0 && marker.Length > 0 && char.IsWhiteSpace(marker.Value[0]))
            {
                marker = marker.NextMatch();
            }

            if (marker.Success)
            {
                leftEnd = marker.Index;
                isParty |= PartyMarker().IsMatch(line.Folded);
            }

            if (PlaceDateComma().Match(line.Folded) is { Success: true } comma && comma.Index < leftEnd + 60)
            {
                var placeStart = PlaceStart(line, comma.Index);
                if (place is null && placeStart < comma.Index)
                {
                    place = Letters.Squash(line.Original[ToLineOriginal(text, line, placeStart)..ToLineOriginal(text, line, comma.Index)]).Trim(' ', '-', '_', '.');
                    date = ReadIssueDate(line.Folded, comma.Index + comma.Length);
                }

                leftEnd = Math.Min(leftEnd, placeStart);
            }

            var leftFolded = line.Folded[..leftEnd];
            if (NumberLine().Match(leftFolded) is { Success: true } numberLine)
            {
                if (number is null && NumberSymbol.ReadAt(text, line.Start + numberLine.Length) is { } symbol)
                {
                    number = symbol.Numbers[0];
                    repaired = symbol.Repaired;
                }

                continue;
            }

            var leftOriginal = Letters.Squash(line.Original[..ToLineOriginal(text, line, leftEnd)]);
            // Without a type line there is no telling a header from an upper-case heading: no issuer column then.
            if (typeLine is not null && Letters.Key(leftFolded).Length >= 2 && Letters.IsUpper(leftOriginal))
            {
                left.Add(leftOriginal);
            }
        }

        if (typeLine is null)
        {
            return new HeaderResult(null, number, repaired, left, isParty, place, date, null, 0);
        }

        var (title, bodyStart) = ReadTitle(lines, typeLine.Index + 1);
        return new HeaderResult(DocTypes.TypeLine(typeLine.Folded), number, repaired, left, isParty, place, date, title, bodyStart);
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

    /// <summary>Place words run back from the comma while they are not upper case (the left column is).</summary>
    private static int PlaceStart(TextLine line, int comma)
    {
        var words = Regex.Matches(line.Original[..Math.Min(comma, line.Original.Length)], @"\S+");
        var start = comma;
        for (var w = words.Count - 1; w >= 0; w--)
        {
            var word = words[w].Value;
            if (!Letters.HasLetter(word) || word.Any(char.IsDigit) || word.Contains('/') || word.EndsWith(':') || (Letters.IsUpper(word) && !IsPlacePrefix(word) && word.Count(char.IsLetter) > 1))
            {
                break;
            }

            start = words[w].Index;
        }

        return start;
    }

    private static bool IsPlacePrefix(string word) => word.TrimEnd('.').ToUpperInvariant() is "TP" or "TX";

    // The folded line and the original line line up character for character except where a lone mark
    // was dropped; this maps a folded column to the original column.
    private static int ToLineOriginal(FoldedText text, TextLine line, int foldedColumn) =>
        Math.Clamp(text.ToOriginal(line.Start + foldedColumn) - text.ToOriginal(line.Start), 0, line.Original.Length);

    private static PartialDate? ReadIssueDate(string folded, int at)
    {
        if (DateReader.ReadAt(folded, at) is { Date: { } date })
        {
            return date;
        }

        // "ngày   tháng 3 năm 2024": the day left blank for the signer to fill in.
        var afterNgay = Regex.Match(folded[at..], @"^\s*" + Patterns.Ngay + @"\s*");
        return afterNgay.Success && DateReader.ReadAt(folded, at + afterNgay.Length) is { Date: { } month } ? month : null;
    }

    private static (string? Title, int BodyStart) ReadTitle(IReadOnlyList<TextLine> lines, int from)
    {
        var parts = new List<string>();
        var i = from;
        var bodyStart = from < lines.Count ? lines[from].Start : lines[^1].End;
        while (i < lines.Count && parts.Count < 6)
        {
            var line = lines[i];
            var content = Letters.Squash(line.Original).Trim('_', '-', '=', ' ');
            if (line.IsBlank || !Letters.HasLetter(content))
            {
                if (parts.Count > 0 && !ParagraphContinuesTitle(lines, i + 1))
                {
                    break;
                }

                i++;
                continue;
            }

            if (parts.Count > 0 && BodyOpening().IsMatch(line.Folded))
            {
                break;
            }

            if (parts.Count == 0 && Regex.IsMatch(line.Folded, @"^\s*kinh\s*gui"))
            {
                break;
            }

            parts.Add(content);
            i++;
            bodyStart = i < lines.Count ? lines[i].Start : lines[^1].End;
        }

        var title = parts.Count == 0 ? null : Letters.Squash(string.Join(' ', parts)).Trim();
        return (string.IsNullOrEmpty(title) ? null : title, bodyStart);
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
