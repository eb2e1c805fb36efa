using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The "Nơi nhận:" list as written, one entry per addressee, without the archive line ("Lưu: VT") and
/// without purpose notes such as "(báo cáo)" or "(b/c)". Signature pieces sharing the lines are left out.
/// </summary>
internal static partial class RecipientParser
{
    [GeneratedRegex(@"n[o0]i\s*nh[a-z]{1,2}n\s*:?")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[lh][uw][a-z]{0,2}\b\s*:?")]
    private static partial Regex ArchiveLine();

    [GeneratedRegex(@"\s*\((?:[a-z]{0,2}\s*/\s*[c©€e]?|b\s*/\s*c|bao\s*cao|b[a-z]o\s*c[a-z]o|de\s*biet|d/b|t/h|thuc\s*hien|ph[a-z]i\s*hop|p/h|chi\s*dao|de\s*b/c|de\s*thuc\s*hien)\)\s*")]
    private static partial Regex PurposeNote();

    [GeneratedRegex(@"\t|\s{3,}")]
    private static partial Regex ColumnGap();

    [GeneratedRegex(@"(?:^|\s)(?:T\s?/\s?M|K\s?/\s?T|T\s?/\s?L|TM\.|KT\.|TL\.)\s*[\p{Lu}]")]
    private static partial Regex SignatureMarker();

    public static IReadOnlyList<string> Parse(IReadOnlyList<TextLine> lines)
    {
        var start = -1;
        for (var i = lines.Count - 1; i >= Math.Max(0, lines.Count - 60); i--)
        {
            if (Heading().IsMatch(lines[i].Folded))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return [];
        }

        var items = new List<string>();
        var current = (string?)null;
        var open = false;
        for (var i = start + 1; i < lines.Count; i++)
        {
            var (text, folded) = LeftColumn(lines[i]);
            if (text.Length == 0)
            {
                continue;
            }

            // OCR reads a bullet dash as "_", "~", "—" or a quote mark.
            var isBullet = text.Length > 1 && text[0] is '-' or '+' or '•' or '_' or '~' or '—' or '–' or '"' or '|';
            var content = isBullet ? text.TrimStart('-', '+', '•', '_', '~', '—', '–', '"', '|', ' ') : text;
            var contentFolded = isBullet ? folded.TrimStart('-', '+', '•', '_', '~', '—', '–', '"', '|', ' ') : folded;
            if (ArchiveLine().IsMatch(contentFolded))
            {
                break;
            }

            if (isBullet)
            {
                Flush(items, current);
                current = content;
                open = !EndsItem(content);
            }
            else if (open && current is not null && char.IsLetter(content.FirstOrDefault()) | content.StartsWith('('))
            {
                current += " " + content;
                open = !EndsItem(content);
            }
        }

        Flush(items, current);
        return items;
    }

    private static (string Text, string Folded) LeftColumn(TextLine line)
    {
        var original = ColumnGap().Split(line.Original.Trim());
        var folded = ColumnGap().Split(line.Folded.Trim());
        return original.Length == folded.Length ? (original[0].Trim(), folded[0].Trim()) : (line.Original.Trim(), line.Folded.Trim());
    }

    private static bool EndsItem(string text) => text.TrimEnd().EndsWith(';') || text.TrimEnd().EndsWith(',') || text.TrimEnd().EndsWith('.');

    private static void Flush(List<string> items, string? item)
    {
        if (item is null)
        {
            return;
        }

        foreach (var piece in item.Split(';'))
        {
            var cleaned = PurposeNoteOriginal(WithoutSignature(piece));
            cleaned = Letters.Squash(cleaned).Trim(' ', ',', '.', ':', ';', '\'', '\\', '/', '-');
            if (cleaned.Count(char.IsLetter) >= 2)
            {
                items.Add(cleaned);
            }
        }
    }

    /// <summary>"… (để b/c), BÍ THƯ", "KT. CHỦ TỊCH": the signature column read into the recipients column.</summary>
    private static string WithoutSignature(string piece)
    {
        var marker = SignatureMarker().Match(piece);
        if (marker.Success)
        {
            piece = piece[..marker.Index];
        }

        if (SignerParser.TrailingUpper(piece) is { } tail && Vocabulary.SignerTitles.Match(Text.TextFolding.Fold(tail)) is not null)
        {
            piece = piece[..piece.LastIndexOf(tail, StringComparison.Ordinal)];
        }
        else if (Letters.IsUpper(piece) && Vocabulary.SignerTitles.Match(Text.TextFolding.Fold(piece)) is not null)
        {
            return string.Empty;
        }

        return piece;
    }

    // Purpose notes are matched on the folded piece and cut from the original at the same place.
    private static string PurposeNoteOriginal(string piece)
    {
        var folded = new FoldedText(piece);
        var m = PurposeNote().Match(folded.Folded);
        return m.Success ? folded.Slice(0, m.Index) + " " + folded.Slice(m.Index + m.Length, folded.Folded.Length) : piece;
    }
}
