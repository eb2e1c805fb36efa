using System.Text;
using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;

namespace PlanIngest.Extraction.Fields;

/// <summary>One or more document numbers read from one symbol ("217, 218-QĐ/TW" gives two).</summary>
internal sealed record SymbolMatch(IReadOnlyList<string> Numbers, string Code, int Start, int End, bool Repaired);

/// <summary>
/// Reads and repairs a number and symbol: spaces and stray slashes dropped (<c>S6: /51 /KH-MTTQ-BTT</c>),
/// Party symbols that lost their slash mended (<c>330-KHITU</c> → <c>330-KH/TU</c>), Đ restored in the type
/// code where OCR or accent-stripping turned it into D, B or P (<c>979-QB/HU</c> → <c>979-QĐ/HU</c>).
/// </summary>
internal static partial class NumberSymbol
{
    [GeneratedRegex(Patterns.Symbol)]
    private static partial Regex SymbolPattern();

    public static IEnumerable<SymbolMatch> FindAll(FoldedText text)
    {
        foreach (Match m in SymbolPattern().Matches(text.Folded))
        {
            if (Read(text, m) is { } symbol)
            {
                yield return symbol;
            }
        }
    }

    /// <summary>The symbol starting at <paramref name="at"/> (after blanks and a stray slash), or null.</summary>
    public static SymbolMatch? ReadAt(FoldedText text, int at)
    {
        var m = SymbolPattern().Match(text.Folded, at);
        if (!m.Success || text.Folded.AsSpan(at, m.Index - at).Trim().Length > 0)
        {
            return null;
        }

        return Read(text, m);
    }

    private static SymbolMatch? Read(FoldedText text, Match m)
    {
        var codeGroup = m.Groups["code"];
        var original = text.Slice(codeGroup.Index, m.Index + m.Length);
        var isParty = m.Groups["sep"].Value == "-" && !m.Groups["year"].Success;
        // OCR writes Đ as the look-alike Ð (U+00D0), sometimes beside a real Đ ("QĐÐ"), and drops stray
        // apostrophes into codes ("T'T").
        var tail = RemoveSpaces(original).Replace("ĐĐ", "Đ", StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);
        var repaired = false;

        var segments = SplitKeepingSeparators(tail);
        var code = segments[0];
        if (isParty && !tail.Contains('/') && SplitLostSlash(code) is { } mended)
        {
            // "330-KHITU": the slash after the type code was read as I, 1 or l.
            segments[0] = mended.Code;
            segments.Insert(1, "/");
            segments.Insert(2, mended.Issuer);
            code = mended.Code;
            repaired = true;
        }

        var repairedCode = RepairCode(code);
        if (!DocTypes.IsCode(repairedCode) && OcrConfused(repairedCode) is { } known)
        {
            repairedCode = known;
        }

        if (!DocTypes.IsCode(repairedCode))
        {
            // A bare issuer code is still a symbol only in the state shape "123/UBND-VP" (a Công văn).
            if (isParty || tail.Length < 3 || !Letters.IsUpper(tail))
            {
                return null;
            }
        }
        else if (repairedCode != code)
        {
            segments[0] = repairedCode;
            repaired = true;
        }

        for (var i = 1; i < segments.Count; i++)
        {
            if (RepairIssuerSegment(segments[i]) is { } fixedSegment && fixedSegment != segments[i])
            {
                segments[i] = fixedSegment;
                repaired = true;
            }
        }

        var symbolTail = string.Concat(segments);
        var prefix = m.Groups["year"].Success ? "/" + m.Groups["year"].Value + m.Groups["sep"].Value : m.Groups["sep"].Value;
        var numbers = m.Groups["nums"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n + prefix + symbolTail)
            .ToList();
        var start = m.Groups["nums"].Index;
        // Spaces or a stray slash inside the symbol ("S6: /51 /KH-MTTQ-BTT") were damage too.
        var whole = text.Slice(m.Index, m.Index + m.Length);
        var spaced = whole.TrimStart().StartsWith('/') || whole.Trim().Any(char.IsWhiteSpace) && numbers.Count == 1;
        return new SymbolMatch(numbers, repairedCode, start, m.Index + m.Length, repaired || spaced || original.Length != tail.Length);
    }

    private static string RemoveSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static List<string> SplitKeepingSeparators(string tail)
    {
        var list = new List<string>();
        var current = new StringBuilder();
        foreach (var c in tail)
        {
            if (c is '-' or '/')
            {
                list.Add(current.ToString());
                list.Add(c.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        list.Add(current.ToString());
        return list;
    }

    private static (string Code, string Issuer)? SplitLostSlash(string segment)
    {
        foreach (var length in new[] { 3, 2 })
        {
            if (segment.Length > length + 1 && segment[length] is 'I' or '1' or 'l' or '|' && DocTypes.IsCode(RepairCode(segment[..length])))
            {
                return (segment[..length], segment[(length + 1)..]);
            }
        }

        return null;
    }

    /// <summary>
    /// A type code one OCR confusion away from a known one ("CI" → "CT", "KI-I" no): letters that print alike
    /// (T/I/l/1, O/0, B/8). Only codes of two or three letters, where a wrong guess would also be unknown.
    /// </summary>
    private static string? OcrConfused(string code)
    {
        if (code.Length is < 2 or > 3)
        {
            return null;
        }

        var alike = new Dictionary<char, string> { ['I'] = "TL", ['T'] = "I", ['l'] = "IT", ['1'] = "IT", ['0'] = "O", ['O'] = "0", ['8'] = "B" };
        for (var i = 0; i < code.Length; i++)
        {
            if (alike.TryGetValue(code[i], out var others))
            {
                foreach (var other in others)
                {
                    var candidate = code[..i] + other + code[(i + 1)..];
                    if (DocTypes.IsCode(candidate))
                    {
                        return RepairCode(candidate);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Type codes with Đ: QĐ, NĐ, ĐA. OCR and accent-stripping give D, B or P for the Đ.</summary>
    private static string RepairCode(string code) => code.ToUpperInvariant() switch
    {
        "QD" or "QB" or "QP" or "Q0" => "QĐ",
        "ND" or "NP" => "NĐ",
        "DA" or "PA" => "ĐA",
        "CTR" when code != "CTr" => "CTr",
        "TTR" when code != "TTr" => "TTr",
        _ => code,
    };

    private static string? RepairIssuerSegment(string segment) => segment.ToUpperInvariant() switch
    {
        "HDND" or "HPND" or "HBND" => "HĐND",
        _ => null,
    };
}
