using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;

namespace PlanIngest.Extraction.Fields;

/// <summary>What a piece of the header is.</summary>
internal enum HeaderCellKind
{
    Body,
    Motto,
    Organisation,
    Number,
    PlaceDate,
    Subject,
    Separator,
    Other,
}

/// <summary>One logical piece of the header: its kind, its text and the header line it starts on.</summary>
internal sealed record HeaderCell(HeaderCellKind Kind, string Text, string Folded, int Line, int Column = 0);

/// <summary>
/// Reads the header into logical cells whatever flattened it (testdata/corpus/LAYOUTS.md): the two columns
/// side by side with a run of spaces or a tab, table cells with "|" between them, or every cell broken over
/// lines by a web page ("HỘI" / "ĐỒNG NHÂN DÂN", "CỘNG" / "HÒA XÃ HỘI …", "Số:" / "21/2022/NQ-HĐND",
/// "Bình" / "Định, ngày …"). Pieces split by a line break are joined when the first is incomplete: a
/// number that ends with a dash, a place without its date, a body name whose words only make sense with
/// the next line's.
/// </summary>
internal static partial class HeaderCells
{
    [GeneratedRegex(@"\||\t|\s{3,}(?=\S)")]
    private static partial Regex CellBreak();

    [GeneratedRegex(@"c\s*o\s*n\s*g\s*h\s*o\s*a\s*x\s*a\s*h\S*\s*c\s*h\s*u\s*n\s*g\s*h\s*i\s*a|\S*\s*o\s*c\s*l\s*a\s*p\s*-|\b[dpb]\s*a\s*n\s*g\s*c\s*o\s*n\s*g\s*s\s*a\s*n\s*v\s*i\s*e\s*t|(?<=\S\s+)\bhoi\s+\S+(?:\s+\S+){0,3}\s+viet\s+nam\s*$|\bhoa\s+xa\s+hoi\s+chu\s+nghia|\bchu\s+nghia\s+viet\s+nam\b|\btu\s+do\s*-\s*hanh\s+phuc")]
    private static partial Regex MottoMarker();

    [GeneratedRegex(@"\b[dpb]\s*a\s*n\s*g\s*c\s*o\s*n\s*g\s*s\s*a\s*n")]
    private static partial Regex PartyMarker();

    [GeneratedRegex(@"\b[dp]oan\s+(?:tncs|thanh\s+nien\s+cong\s+san)\s+ho\s+chi\s+minh\s*$")]
    private static partial Regex OrganisationMarker();

    [GeneratedRegex(@",\s*" + Patterns.Ngay + @"\b|,\s*(?=\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})|^\s*\.{3,}\s*,")]
    private static partial Regex PlaceDateComma();

    [GeneratedRegex(@"^\s*(?:[-_*=~]\s*)*(?:(?:nghi\s+quyet|quyet\s+dinh|ke\s+hoach)\s+)?s[o06ebd$&¢§]?\s*[:.]?\s*(?=/?\s?\d|$)")]
    private static partial Regex NumberLead();

    [GeneratedRegex(@"^\s*v\s*/\s*v\b|^\s*ve\s+viec\b")]
    private static partial Regex SubjectLead();

    [GeneratedRegex(@"^[\s\-_*=~•.|]*$")]
    private static partial Regex SeparatorOnly();

    // OCR specks around the cells: underscores, lone accents, stray punctuation at an end ("Số: 45/KH-THCS_", "XMC _", "ˆ", "DÂN. :").
    [GeneratedRegex(@"(?<=\S)_+(?=\s|$)|(?:^|(?<=\s))[_\p{Sk}\p{Mn}'`´ˆ˜]+(?=\s|$)|[\s.:;,]+$")]
    private static partial Regex Noise();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?$")]
    private static partial Regex CapitalisedName();

    [GeneratedRegex(@"ngay(?:\s+\d{1,2})?\s*$")]
    private static partial Regex EndsWithNgay();

    [GeneratedRegex(@"\bviet\s*$")]
    private static partial Regex EndsWithViet();

    [GeneratedRegex(@"^\s*cong\s*$")]
    private static partial Regex LoneCong();

    [GeneratedRegex(@"^(?:\d|thang)")]
    private static partial Regex OpensWithDayOrMonth();

    [GeneratedRegex(@"^\d")]
    private static partial Regex OpensWithDigit();

    [GeneratedRegex(@"^\s*nam\b")]
    private static partial Regex OpensWithNam();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^\p{L}+(?:[\s-]\p{L}+)*\s*,")]
    private static partial Regex WordsThenComma();

    public static IReadOnlyList<HeaderCell> Read(FoldedText text, IReadOnlyList<TextLine> lines, int end)
    {
        var raw = new List<HeaderCell>();
        for (var i = 0; i < end && i < lines.Count; i++)
        {
            var column = 0;
            foreach (var (start, stop) in Segments(lines[i]))
            {
                var original = Noise().Replace(Letters.Squash(text.Slice(lines[i].Start + start, lines[i].Start + stop)), string.Empty).Trim();
                if (original.Length == 0)
                {
                    continue;
                }

                var folded = Text.TextFolding.Fold(original);
                var kind = Classify(original, folded);
                // An upper-case name in the right column is the organisation's own name ("HỘI NÔNG DÂN VIỆT NAM",
                // "ĐOÀN TNCS HỒ CHÍ MINH"), as the motto is the State's: it is not the issuer column.
                if (column > 0 && kind == HeaderCellKind.Body && raw.Count > 0 && raw[^1].Line == i && raw[^1].Kind == HeaderCellKind.Body)
                {
                    kind = HeaderCellKind.Organisation;
                }

                raw.Add(new HeaderCell(kind, original, folded, i, column++));
            }
        }

        return Join(raw);
    }

    public static bool IsParty(string folded) => PartyMarker().IsMatch(folded);

    /// <summary>The pieces of one header line: cells split at "|", tabs and runs of spaces, then at the motto and the place-date.</summary>
    private static IEnumerable<(int Start, int End)> Segments(TextLine line)
    {
        var folded = line.Folded;
        var bounds = new List<(int, int)>();
        var from = 0;
        foreach (Match m in CellBreak().Matches(folded))
        {
            bounds.Add((from, m.Index));
            from = m.Index + (m.Value == "|" || m.Value == "\t" ? 1 : m.Length);
        }

        bounds.Add((from, folded.Length));
        foreach (var (s, e) in bounds)
        {
            foreach (var piece in SplitInside(folded, line.Original.Length == folded.Length ? line.Original : null, s, e))
            {
                var (a, b) = Trim(folded, piece.Item1, piece.Item2);
                if (b > a)
                {
                    yield return (a, b);
                }
            }
        }
    }

    /// <summary>Within one cell: a motto or the Party's name after the issuer column, a place-date after a number.</summary>
    private static IEnumerable<(int, int)> SplitInside(string folded, string? original, int start, int end)
    {
        var cell = folded[start..end];
        var cut = -1;
        foreach (var marker in new[] { MottoMarker().Match(cell), PartyMarker().Match(cell), OrganisationMarker().Match(cell) })
        {
            if (marker.Success && cell[..marker.Index].Trim().Length > 0 && (cut < 0 || marker.Index < cut))
            {
                cut = marker.Index;
            }
        }

        if (PlaceDateComma().Match(cell) is { Success: true } comma && comma.Index > 0)
        {
            var placeStart = PlaceStart(folded, original, start, start + comma.Index);
            if (placeStart > start && (cut < 0 || placeStart - start < cut))
            {
                cut = placeStart - start;
            }
        }

        if (cut > 0)
        {
            yield return (start, start + cut);
            foreach (var rest in SplitInside(folded, original, start + cut, end))
            {
                yield return rest;
            }
        }
        else
        {
            yield return (start, end);
        }
    }

    /// <summary>
    /// Place words run back from the comma over letters-only words that are not part of a number and, where
    /// the case can be seen, not upper case: the issuer column beside it is ("BAN DÂN VẬN Châu Thành, ngày …").
    /// </summary>
    private static int PlaceStart(string folded, string? original, int start, int comma)
    {
        var words = Word().Matches(folded[start..comma]);
        var at = comma;
        for (var w = words.Count - 1; w >= 0 && comma - (start + words[w].Index) < 40; w--)
        {
            var word = words[w].Value;
            var written = original?.Substring(start + words[w].Index, word.Length);
            if (!word.Any(char.IsLetter) || word.Any(char.IsDigit) || word.Contains('/') || word.EndsWith(':')
                || written is not null && Letters.IsUpper(written) && written.Count(char.IsLetter) > 1 && written.TrimEnd('.') is not ("TP" or "TX"))
            {
                break;
            }

            at = start + words[w].Index;
        }

        return at;
    }

    private static (int, int) Trim(string folded, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(folded[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(folded[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static HeaderCellKind Classify(string original, string folded)
    {
        folded = Patterns.ColonInsideWord().Replace(folded, string.Empty);
        if (SeparatorOnly().IsMatch(folded))
        {
            return HeaderCellKind.Separator;
        }

        if (NumberLead().IsMatch(folded))
        {
            return HeaderCellKind.Number;
        }

        if (PlaceDateComma().IsMatch(folded))
        {
            return HeaderCellKind.PlaceDate;
        }

        if (SubjectLead().IsMatch(folded))
        {
            return HeaderCellKind.Subject;
        }

        if (OrganisationMarker().IsMatch(folded) && folded.TrimStart().StartsWith('d') || folded.TrimStart().StartsWith("doan tncs", StringComparison.Ordinal))
        {
            return HeaderCellKind.Organisation;
        }

        if (MottoMarker().IsMatch(folded) || PartyMarker().IsMatch(folded) || LoneCong().IsMatch(folded))
        {
            return HeaderCellKind.Motto;
        }

        return Letters.IsUpper(original) && original.Count(char.IsLetter) >= 2 ? HeaderCellKind.Body : HeaderCellKind.Other;
    }

    private static IReadOnlyList<HeaderCell> Join(List<HeaderCell> raw)
    {
        var cells = new List<HeaderCell>();
        for (var i = 0; i < raw.Count; i++)
        {
            var cell = raw[i];
            var next = NextContent(raw, i, cell);
            if (next >= 0 && ShouldJoin(cell, raw[next]))
            {
                var joined = Joined(cell, raw[next]);
                // A body piece joined with its next line may have become an organisation or a place-date.
                raw[next] = joined with { Kind = cell.Kind == HeaderCellKind.Number ? HeaderCellKind.Number : Classify(joined.Text, joined.Folded), Column = cell.Column };
                continue;
            }

            cells.Add(cell);
        }

        return cells;
    }

    /// <summary>
    /// The piece that may continue <paramref name="cell"/>: the next one on the following lines of the same
    /// column (a body or a number continues on the left under itself, not in the motto beside it).
    /// </summary>
    private static int NextContent(List<HeaderCell> raw, int i, HeaderCell cell)
    {
        for (var j = i + 1; j < raw.Count; j++)
        {
            var other = raw[j];
            if (other.Kind == HeaderCellKind.Separator || other.Line == cell.Line && cell.Kind is HeaderCellKind.Body or HeaderCellKind.Number)
            {
                continue;
            }

            if (cell.Kind is HeaderCellKind.Body or HeaderCellKind.Number && other.Column > cell.Column)
            {
                continue;
            }

            return j;
        }

        return -1;
    }

    private static HeaderCell Joined(HeaderCell a, HeaderCell b)
    {
        var text = a.Text + " " + b.Text;
        // "Số: 255 / BC-BCĐPCGD-" + "XMC": a symbol broken after a dash is one word again.
        if (a.Kind == HeaderCellKind.Number && a.Text.TrimEnd().EndsWith('-'))
        {
            text = a.Text.TrimEnd() + b.Text.TrimStart();
        }

        return new HeaderCell(a.Kind, text, Text.TextFolding.Fold(text), a.Line);
    }

    private static bool ShouldJoin(HeaderCell a, HeaderCell b)
    {
        switch (a.Kind)
        {
            case HeaderCellKind.Number:
                // "Số:" alone, or a symbol broken after a dash or slash, continues on the next piece.
                var rest = NumberLead().Replace(a.Folded, string.Empty).Trim();
                return b.Line > a.Line && b.Kind is HeaderCellKind.Body or HeaderCellKind.Other or HeaderCellKind.Number
                    && (rest.Length == 0 || rest.EndsWith('-') || rest.EndsWith('/')) && b.Text.Length < 40 && !b.Text.Contains(' ', StringComparison.Ordinal) || rest.Length == 0 && b.Line > a.Line && OpensWithDigit().IsMatch(b.Folded);
            case HeaderCellKind.PlaceDate:
                // "Quảng Ngãi, ngày" + "22 tháng 02 năm 2024"; "Đắk Nông, ngày 21" + "tháng 02 năm 2023".
                return b.Line > a.Line && EndsWithNgay().IsMatch(a.Folded) && OpensWithDayOrMonth().IsMatch(b.Folded);
            case HeaderCellKind.Motto:
                // "CỘNG" / "HÒA XÃ HỘI …"; "… CHỦ NGHĨA VIỆT" / "NAM".
                return b.Line > a.Line && (LoneCong().IsMatch(a.Folded) || EndsWithViet().IsMatch(a.Folded) && OpensWithNam().IsMatch(b.Folded));
            case HeaderCellKind.Body or HeaderCellKind.Other when b.Kind == HeaderCellKind.PlaceDate && b.Line <= a.Line + 2:
                // "Bình" + "Định, ngày 07 tháng 9 năm 2022": a place broken before its last word.
                return CapitalisedName().IsMatch(a.Text) && WordsThenComma().IsMatch(b.Text);
            case HeaderCellKind.Body when b.Kind is HeaderCellKind.Body or HeaderCellKind.Organisation && b.Line > a.Line:
                return BodyContinues(a.Text, b.Text);
            default:
                return false;
        }
    }

    /// <summary>
    /// A body line continues on the next when it ends with a dash or an ampersand, or when the two read as a
    /// name with fewer unknown words together than apart ("ỦY BAN NHÂN" + "DÂN", "UBND THỊ XÃ" + "PHÚ THỌ").
    /// </summary>
    private static bool BodyContinues(string first, string second)
    {
        if (first.EndsWith('-') || first.EndsWith('&'))
        {
            return true;
        }

        var apart = Unknown(BodyNames.Read(first)) + Unknown(BodyNames.Read(second));
        var together = Unknown(BodyNames.Read(first + " " + second));
        var dangling = BodyNames.Read(first).Parts is { Count: > 0 } parts && parts[^1].Kind == BodyPartKind.Unit;
        return together < apart || dangling && together <= apart && BodyNames.Read(second).Parts.FirstOrDefault()?.Kind == BodyPartKind.Unknown;
    }

    private static int Unknown(BodyName name) => name.Parts.Count(p => p.Kind == BodyPartKind.Unknown);
}
