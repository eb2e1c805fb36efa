using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>One mention of a document in the text.</summary>
internal sealed record ReferenceMention(string? DocType, string? Number, PartialDate? Date, string? Issuer, int Start, int End);

/// <summary>
/// Finds document references: every number and symbol in the text with the type word before it and the
/// date and issuing body after it ("Chỉ thị số 13/CT-UBND ngày 29/12/2020 của Ủy ban nhân dân tỉnh").
/// </summary>
internal static partial class ReferenceParser
{
    // The type word right before "số" ("Chỉ thị số", "Quyết địnhsố"), or a law named before its number
    // ("Luật Tổ chức chính quyền địa phương số 77/2015/QH13"); its name may hold a comma ("Luật Phòng, chống thiên tai").
    private static readonly Regex TypeBefore = new(
        @"(?<type>" + string.Join('|', DocTypes.Words.Select(w => w.Folded.Replace(" ", @"\s+"))) + @")(?<named>(?<=luat)(?:,?\s+[^\s;,.]+){1,9}?\s+(?=s[o06]\b))?\s*(?:lien\s+tich\s*)?(?:" + Patterns.So + @")?\s*$",
        // Right to left: the pattern is anchored at the end of the look-back window.
        RegexOptions.Compiled | RegexOptions.RightToLeft);

    [GeneratedRegex(@"\G\s*,?\s*(?:" + Patterns.Ngay + @"\s*)?(?=\d)")]
    private static partial Regex DateLead();

    // "của Bộ Chính trị"; "giữa Ban Thường vụ Tỉnh đoàn và Sở …" names the parties of a joint document.
    [GeneratedRegex(@"\G\s*,?\s*(?:" + Patterns.Cua + @"|giua)\s+")]
    private static partial Regex IssuerLead();

    [GeneratedRegex(@"\G\s*,?\s*(?:" + Patterns.Ngay + @"\s*)?(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>(?:19|20))\s(?<y2>\d{2})\b")]
    private static partial Regex BrokenYear();

    [GeneratedRegex(@"^\s*(?:,|va)\s*$")]
    private static partial Regex CommaOrVa();

    public static IReadOnlyList<ReferenceMention> FindAll(FoldedText text)
    {
        var mentions = new List<ReferenceMention>();
        foreach (var symbol in NumberSymbol.FindAll(text))
        {
            var lookBack = Math.Max(0, symbol.Start - 60);
            var before = text.Folded[lookBack..symbol.Start];
            var typeMatch = TypeBefore.Match(before);
            var docType = typeMatch.Success ? DocTypes.TypeAt(Patterns.WhitespaceRun().Replace(typeMatch.Groups["type"].Value, " ")) : DocTypes.FromCode(symbol.Code);
            var start = typeMatch.Success ? lookBack + typeMatch.Index : symbol.Start;
            var (date, issuer, end) = ReadTail(text, symbol.End);
            foreach (var number in symbol.Numbers)
            {
                mentions.Add(new ReferenceMention(docType, number, date, issuer, start, end));
            }
        }

        // A body named before the reference ("đề nghị của Sở Nội vụ tại Tờ trình số …") only where none follows it.
        return ShareTails(text.Folded, mentions)
            .Select(m => m.Issuer is null && CitedIssuer.Before(text, m.Start) is { } before ? m with { Issuer = before } : m)
            .ToList();
    }

    /// <summary>
    /// "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị": references
    /// joined by "và" or a comma share the date and issuer written once after the last.
    /// </summary>
    private static List<ReferenceMention> ShareTails(string folded, List<ReferenceMention> mentions)
    {
        for (var i = mentions.Count - 2; i >= 0; i--)
        {
            var (a, b) = (mentions[i], mentions[i + 1]);
            if (a.Date is null && a.Issuer is null && b.Start >= a.End && (b.Date is not null || b.Issuer is not null)
                && CommaOrVa().IsMatch(folded.AsSpan(a.End, b.Start - a.End)))
            {
                mentions[i] = a with { Date = b.Date, Issuer = b.Issuer };
            }
        }

        return mentions;
    }

    /// <summary>The date and issuing body after a reference; either may be missing.</summary>
    public static (PartialDate? Date, string? Issuer, int End) ReadTail(FoldedText text, int at)
    {
        var folded = text.Folded;
        PartialDate? date = null;
        var end = at;
        if (DateLead().Match(folded, at) is { Success: true } lead
            && DateReader.ReadAt(folded, lead.Index + lead.Length) is { Date: { Precision: DatePrecision.Day } day } dateMatch)
        {
            date = day;
            end = dateMatch.End;
        }
        else if (BrokenYear().Match(folded, at) is { Success: true } broken)
        {
            // "ngày 16/7/20 21": a year split by a space (text layers of some PDFs).
            var g = broken.Groups;
            date = PartialDate.TryDay(int.Parse(g["y"].Value + g["y2"].Value), int.Parse(g["m"].Value), int.Parse(g["d"].Value));
            end = broken.Index + broken.Length;
        }

        string? issuer = null;
        if (IssuerLead().Match(folded, end) is { Success: true } cua)
        {
            var from = cua.Index + cua.Length;
            var to = CitedIssuer.End(text, from);
            var words = Letters.Squash(text.Slice(from, to)).Split(' ');
            issuer = string.Join(' ', words.Take(20)).Trim();
            if (issuer.Length < 2 || !Letters.HasLetter(issuer))
            {
                issuer = null;
            }
            else
            {
                end = to;
            }
        }

        return (date, issuer, end);
    }
}
