using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// Regex fragments over folded text that also accept the OCR readings DESIGN.md §2 lists
/// ("s6" số, "ctia" của, "ndm" năm, "thdang" tháng), so garbled input is matched like clean input.
/// </summary>
internal static partial class Patterns
{
    /// <summary>"số" and its misreadings: so, s6, s$, se, sb, s&amp;, sd, s¢, a bare s before a number.</summary>
    public const string So = @"\bs[o06ebd$&¢§]?\s*[:.]?\s*";

    public const string Ngay = @"\bng[a-z]{1,2}y";

    public const string Thang = @"\bth[a-z]{1,3}ng";

    public const string Nam = @"\bn[a-z]{1,2}m";

    public const string Cua = @"\bc[a-z]{1,3}a";

    /// <summary>"trở lên" and misreadings ("tro 1én", "trd 1én", "tré 1én").</summary>
    public const string TroLen = @"\btr[a-z0-9]{0,2}\s+[l1i]en\b";

    /// <summary>A number and symbol: state 51/KH-MTTQ-BTT, normative 30/2020/NĐ-CP, Party 58-KH/BDVHU, and lists "217, 218-QĐ/TW".</summary>
    public const string Symbol =
        @"(?<![\d/.,])(?:/\s?)?(?<nums>\d{1,5}[a-z]?(?:\s?,\s?\d{1,5}[a-z]?)*)\s?(?:/\s?(?<year>(?:19|20)\d\d)\s?)?(?<sep>[-/])\s?(?:[17](?=[a-z]{2}))?(?<code>[a-zð][a-z0-9ð']{0,9})(?<rest>(?:\s?[-/]\s?[a-zð][a-z0-9ð']{0,9})*)";

    // Whole patterns more than one parser uses, generated at build time like the parsers' own.
    /// <summary>"Số" (or an OCR misreading of it) right before a number or its slash, at the start (DocumentNumber).</summary>
    [GeneratedRegex("^" + So + @"(?=\d|/)")]
    public static partial Regex NumberLabel();

    [GeneratedRegex(@"\s+")]
    public static partial Regex WhitespaceRun();

    /// <summary>A colon OCR put between two letters ("Kế:hoạch").</summary>
    [GeneratedRegex(@"(?<=\p{L}):(?=\p{L})")]
    public static partial Regex ColonInsideWord();

    /// <summary>A signer's title before the body's name ("chủ tịch UBND …").</summary>
    [GeneratedRegex(@"^(?:chu\s+tich|giam\s+doc|bo\s+truong|truong\s+ban|thu\s+truong)\s+")]
    public static partial Regex LeadingSignerTitle();
}
