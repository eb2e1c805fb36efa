using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Text;

/// <summary>
/// Line-level repairs of English-model OCR (DESIGN §2) that need no lexicon: Roman heading numerals read
/// as <c>|</c>, <c>Il</c>, <c>111</c>; the <c>Số</c> label read as <c>S6</c>, <c>S$</c>, <c>sb</c>; a
/// Party symbol's slash read as I (<c>330-KHITU</c>); Đ in type codes read as B, P or D (<c>QB</c>);
/// stray spaces and slashes around the number (<c>S6: /51 /KH-MTTQ-BTT</c>).
/// </summary>
internal static partial class OcrLineRules
{
    private static readonly Dictionary<string, string> TypeCodes = new(StringComparer.Ordinal)
    {
        ["QB"] = "QĐ", ["QP"] = "QĐ", ["QD"] = "QĐ",
        ["NB"] = "NĐ", ["NP"] = "NĐ", ["ND"] = "NĐ",
        ["HDND"] = "HĐND", ["HPND"] = "HĐND", ["HBND"] = "HĐND",
        ["DA"] = "ĐA", ["PA"] = "ĐA",
    };

    private static readonly string[] Romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];

    public static string Apply(string line, int lineNumber, List<TextChange> changes)
    {
        // A lone 1 may be I, II or III with strokes lost, or a real Arabic heading: it stays as read.
        line = Replace(line, HeadingNumeral(), lineNumber, changes, ChangeReasons.HeadingNumeral, m =>
            m.Groups["n"].Value != "1" && AsRoman(m.Groups["n"].Value) is { } roman ? m.Groups["lead"].Value + roman + "." : null);
        line = Replace(line, InlineRoman(), lineNumber, changes, ChangeReasons.HeadingNumeral, m => AsRoman(m.Value));
        line = Replace(line, NumberLabel(), lineNumber, changes, ChangeReasons.NumberLabel, m => char.IsUpper(m.Value[0]) ? "Số" : "số");
        if (line.Contains("Số", StringComparison.Ordinal))
        {
            line = Replace(line, SlashBeforeNumber(), lineNumber, changes, ChangeReasons.Symbol, m => m.Groups["label"].Value + " ");
            line = Replace(line, SpacedSlash(), lineNumber, changes, ChangeReasons.Symbol, _ => "/");
        }

        line = Replace(line, PartySlashReadAsI(), lineNumber, changes, ChangeReasons.Symbol, m => m.Groups["type"].Value + "/");
        line = Replace(line, Symbol(), lineNumber, changes, ChangeReasons.Symbol, m => FixTypeCodes(m.Value));
        return line;
    }

    private static string? AsRoman(string read)
    {
        var normalised = string.Concat(read.Select(c => c is '|' or 'l' or 'L' or '1' or '!' ? 'I' : c));
        return normalised != read && Romans.Contains(normalised) ? normalised : null;
    }

    private static string FixTypeCodes(string symbol) =>
        SymbolSegment().Replace(symbol, m => TypeCodes.GetValueOrDefault(m.Value, m.Value));

    private static string Replace(string line, Regex rule, int lineNumber, List<TextChange> changes, string reason, Func<Match, string?> repair) =>
        rule.Replace(line, m =>
        {
            var replacement = repair(m);
            if (replacement is null || replacement == m.Value)
            {
                return m.Value;
            }

            changes.Add(new TextChange(lineNumber, m.Value, replacement, reason));
            return replacement;
        });

    // "|. MUC DICH", "Il. HUONG UNG", "111. TO CHUC": a heading numeral before a heading in capitals.
    [GeneratedRegex(@"^(?<lead>\s*)(?<n>[|Il1!LVX]{1,4})\.(?=\s+[^\s\p{Ll}]*\p{Lu}[^\s\p{Ll}]*\p{Lu})")]
    private static partial Regex HeadingNumeral();

    // "lần thứ X111": a Roman numeral with digits or l for I inside running text.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?=[XVIl1]*[XV])(?=[XVIl1]*[l1])[XVIl1]{2,5}(?![\p{L}\p{N}])")]
    private static partial Regex InlineRoman();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[Ss][6$&éèbdóòoô0ố](?=\s*:?\s*/?\s*\d)")]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"(?<label>Số:?)\s*/\s*(?=\d)")]
    private static partial Regex SlashBeforeNumber();

    [GeneratedRegex(@"(?<=\d)(\s+/\s*|/\s+)(?=[A-ZĐ])")]
    private static partial Regex SpacedSlash();

    [GeneratedRegex(@"(?<=\d-)(?<type>KH|NQ|QĐ|QD|QB|CT|HD|TB|BC|KL|QC|CTr|TTr|ĐA|DA)[Il1|](?=[A-ZĐ]{2,}\b)")]
    private static partial Regex PartySlashReadAsI();

    // "979-QB/HU", "242/QD-MTTQ-BTT", "30/2020/ND-CP": a number and symbol.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\d+(/\d{4})?[-/][A-ZĐ][A-ZĐa-z0-9/-]*")]
    private static partial Regex Symbol();

    [GeneratedRegex(@"(?<=[-/])[A-ZĐ]+(?=[-/]|$)")]
    private static partial Regex SymbolSegment();
}
