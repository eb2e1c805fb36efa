using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The signature block at the end: "TM./T/M/KT./TL." lines joined with " / ", the signer's title and name.
/// In scans it shares lines with the recipients column, so lines are read in tab- or gap-separated pieces.
/// </summary>
internal static partial class SignerParser
{
    private const int TailLines = 45;

    [GeneratedRegex(@"(?<![a-z])(?<m>(?:t\s?/\s?m|k\s?/\s?t|t\s?/\s?l)\s*[.]?|(?:tm|kt|tl|tuq|q)\s*[.])\s*(?=[a-z])")]
    private static partial Regex OnBehalfMarker();

    [GeneratedRegex(@"\t|\s{3,}")]
    private static partial Regex ColumnGap();

    private static readonly string[] Ranks = ["Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Thiếu tướng", "Trung tướng", "Đại úy"];

    public static SignerInfo? Parse(IReadOnlyList<TextLine> lines)
    {
        var from = Math.Max(0, lines.Count - TailLines);
        var onBehalf = new List<string>();
        string? title = null;
        string? name = null;
        var anchor = -1;
        for (var i = from; i < lines.Count; i++)
        {
            foreach (var (segment, folded) in Segments(lines[i]))
            {
                var marker = OnBehalfMarker().Match(folded);
                if (marker.Success && onBehalf.Count < 3 && Letters.IsUpper(segment[marker.Index..]))
                {
                    var body = Letters.Squash(segment[(marker.Index + marker.Length)..]);
                    var markerText = Letters.Squash(segment[marker.Index..(marker.Index + marker.Length)]).Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
                    var entry = markerText + " " + Display(body);
                    if (!onBehalf.Contains(entry))
                    {
                        onBehalf.Add(entry);
                    }

                    anchor = i;
                    continue;
                }

                if (title is null && !IsBullet(segment) && segment.Length <= 40 && SignerTitles.Match(folded) is { } t && Letters.IsUpper(segment))
                {
                    title = t;
                    anchor = Math.Max(anchor, i);
                    continue;
                }

                if (title is null && TrailingUpper(segment) is { } tail && SignerTitles.Match(Text.TextFolding.Fold(tail)) is { } trailingTitle)
                {
                    // OCR flattens the columns: "- Thường trực Tỉnh ủy; PHÓ CHỦ TỊCH".
                    title = trailingTitle;
                    anchor = Math.Max(anchor, i);
                    continue;
                }

                if ((anchor >= 0 || i >= lines.Count - 6) && (IsPersonName(segment) ?? TrailingName(segment)) is { } person)
                {
                    name = person;
                }
            }
        }

        return onBehalf.Count == 0 && title is null && name is null
            ? null
            : new SignerInfo(onBehalf.Count == 0 ? null : string.Join(" / ", onBehalf), title, name);
    }

    /// <summary>
    /// The bodies the signatures act for ("TM. BAN THƯỜNG VỤ" → "BAN THƯỜNG VỤ"), one per signature column,
    /// left to right: a joint document has one for each of its bodies. KT. and TL. lines act for a person.
    /// </summary>
    public static IReadOnlyList<string> OnBehalfBodies(IReadOnlyList<TextLine> lines)
    {
        var bodies = new List<string>();
        for (var i = Math.Max(0, lines.Count - TailLines); i < lines.Count; i++)
        {
            foreach (var (segment, folded) in Segments(lines[i]))
            {
                var marker = OnBehalfMarker().Match(folded);
                if (marker.Success && OpensWithOnBehalf().IsMatch(folded[marker.Index..]) && Letters.IsUpper(segment[marker.Index..]))
                {
                    // The next column may follow after a single space in OCR text: a signing title or a second
                    // "TM." ends this body ("TM. BAN THƯỜNG VỤ HUYỆN ĐOÀN TRƯỞNG PHÒNG …").
                    var body = Letters.Squash(segment[(marker.Index + marker.Length)..]);
                    var bodyFolded = Text.TextFolding.Fold(body);
                    var end = SignerBlockEnd().Match(bodyFolded);
                    bodies.Add(end.Success ? body[..end.Index].Trim() : body);
                }
            }
        }

        return bodies;
    }

    private static IEnumerable<(string Segment, string Folded)> Segments(TextLine line)
    {
        var foldedParts = ColumnGap().Split(line.Folded);
        var originalParts = ColumnGap().Split(line.Original);
        if (foldedParts.Length != originalParts.Length)
        {
            yield return (line.Original.Trim(), line.Folded.Trim());
            yield break;
        }

        for (var i = 0; i < foldedParts.Length; i++)
        {
            var segment = originalParts[i].Trim();
            if (segment.Length > 0)
            {
                yield return (segment, foldedParts[i].Trim());
            }
        }

        // "Noi nhan: =2 FERUONG BAN": the title sits after the recipients heading on one line.
        var heading = NoiNhanHeading().Match(line.Folded);
        if (foldedParts.Length == 1 && heading.Success && heading.Index + heading.Length < line.Original.Length)
        {
            yield return (line.Original[(heading.Index + heading.Length)..].Trim(), line.Folded[(heading.Index + heading.Length)..].Trim());
        }
    }

    [GeneratedRegex(@"(?:^|[;,:.)]\s*|\s)(?<run>(?:[\p{Lu}\p{M}]{1,}\s+){0,4}[\p{Lu}\p{M}]{2,})\s*$")]
    private static partial Regex TrailingUpperRun();

    [GeneratedRegex(@"[.;,]\s+(?:(?:Đại|Dai|Thượng|Thuong|Trung|Thiếu|Thieu)\s+(?:tá|ta|tướng|tuong|úy|uy)\s+)?(?<name>(?:\p{Lu}[\p{Ll}\p{M}]*\s+){1,5}\p{Lu}[\p{Ll}\p{M}]*)\s*$")]
    private static partial Regex TrailingNameRun();

    [GeneratedRegex(@"n[o0]i\s*nh[a-z]{1,2}n\s*:?")]
    private static partial Regex NoiNhanHeading();

    [GeneratedRegex(@"^(?:t\s?/\s?m|tm)\b")]
    private static partial Regex OpensWithOnBehalf();

    [GeneratedRegex(@"^(?:da ky|noi nhan|ky ten)$")]
    private static partial Regex SignatureFiller();

    [GeneratedRegex(@"\s(?:t\s?/\s?m|tm\.|kt\.|k/t|(?:pho\s+)?(?:truong\s+phong|truong\s+ban|chu\s+tich|giam\s+doc|bi\s+thu|hieu\s+truong))\b")]
    private static partial Regex SignerBlockEnd();

    /// <summary>The upper-case words that end a line, if the line has other text before them.</summary>
    public static string? TrailingUpper(string segment)
    {
        var m = TrailingUpperRun().Match(segment);
        return m.Success && m.Groups["run"].Index > 0 ? m.Groups["run"].Value : null;
    }

    private static string? TrailingName(string segment)
    {
        var m = TrailingNameRun().Match(segment);
        return m.Success ? IsPersonName(m.Groups["name"].Value) : null;
    }

    private static bool IsBullet(string segment) => segment.TrimStart().StartsWith('-') || segment.TrimStart().StartsWith('+');

    /// <summary>"BAN THƯỜNG TRỰC" → "Ban Thường trực", "CHỦ TỊCH" → "Chủ tịch".</summary>
    private static string Display(string upper)
    {
        if (SignerTitles.Match(Text.TextFolding.Fold(upper)) is { } title)
        {
            return title;
        }

        var body = BodyNames.Read(upper);
        return body.IsRecognised ? body.Text : Letters.SentenceCase(upper);
    }

    /// <summary>Two to five capitalised words and nothing else: a person's name, rank dropped.</summary>
    private static string? IsPersonName(string segment)
    {
        var text = Letters.Squash(segment).Trim();
        foreach (var rank in Ranks)
        {
            // Ranks are matched folded so that accent-stripped "Dai ta" goes too; same length before and after folding.
            if (Text.TextFolding.Fold(text).StartsWith(Text.TextFolding.Fold(rank) + " ", StringComparison.Ordinal))
            {
                text = text[(rank.Length + 1)..];
            }
        }

        var words = text.Split(' ');
        if (words.Length is < 2 or > 5 || words.Any(w => w.Length == 0 || !w.All(char.IsLetter) || !char.IsUpper(w[0]) || w[1..].Any(char.IsUpper)))
        {
            return null;
        }

        var folded = Text.TextFolding.Fold(text);
        return SignatureFiller().IsMatch(folded) || SignerTitles.Match(folded) is not null ? null : text;
    }
}
