using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The heading path at each point of the text: "II.2.1" for a Roman heading, then numbered headings
/// under it. OCR reads Roman numerals as "|", "Il", "111" or "1"; an upper-case heading whose numeral
/// does not follow the last one is taken as the next.
/// </summary>
internal sealed partial class SectionMap
{
    private readonly List<(int Start, string Path)> marks = [];

    [GeneratedRegex(@"^\s*(?<num>[ivxl|1]{1,4})\s*[.,]\s*(?=\S)")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^\s*(?<num>\d{1,2}(?:\s?\.\s?\d{1,2}){0,3})\s?(?:[.)]|-(?=\s?\D))\s*(?=\S)")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"\s")]
    private static partial Regex WhitespaceChar();

    public SectionMap(IReadOnlyList<TextLine> lines, int bodyStart)
    {
        var roman = 0;
        var numbers = new List<string>();
        foreach (var line in lines)
        {
            if (line.End < bodyStart || line.IsBlank)
            {
                continue;
            }

            var original = line.Original.TrimStart();
            var romanMatch = RomanHeading().Match(line.Folded);
            if (romanMatch.Success && IsRomanHeading(line, romanMatch))
            {
                var value = RomanValue(romanMatch.Groups["num"].Value);
                roman = value > roman && value <= roman + 1 ? value : roman + 1;
                numbers.Clear();
                marks.Add((line.Start, ToRoman(roman)));
                continue;
            }

            var numbered = NumberedHeading().Match(line.Folded);
            if (numbered.Success && original.Length > 0)
            {
                var parts = WhitespaceChar().Replace(numbered.Groups["num"].Value, string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 1 && parts[0].Length <= 2)
                {
                    numbers = [parts[0].TrimStart('0')];
                }
                else if (parts.Length > 1)
                {
                    numbers = parts.Select(p => p.TrimStart('0')).ToList();
                }

                // Without Roman headings (a Công văn, a Quyết định's articles) the path is the numbers alone.
                marks.Add((line.Start, roman > 0 ? ToRoman(roman) + "." + string.Join('.', numbers) : string.Join('.', numbers)));
            }
        }
    }

    public string? PathAt(int position)
    {
        string? path = null;
        foreach (var (start, p) in marks)
        {
            if (start > position)
            {
                break;
            }

            path = p;
        }

        return path;
    }

    /// <summary>
    /// "II. NỘI DUNG", "I. Mục đích, yêu cầu": a short heading after a numeral. A numeral that OCR may have
    /// made of I ("|", "l", "1") counts only before an upper-case heading, so "1. Thực hiện …" stays Arabic.
    /// </summary>
    private static bool IsRomanHeading(TextLine line, Match numeral)
    {
        var rest = line.Original[Math.Min(numeral.Length, line.Original.Length)..].Trim();
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(Letters.HasLetter).Take(4).ToList();
        if (words.Count == 0)
        {
            return false;
        }

        if (Letters.IsUpper(words[0]) && words.Count(Letters.IsUpper) * 2 > words.Count)
        {
            return true;
        }

        var genuine = numeral.Groups["num"].Value.All(c => c is 'i' or 'v' or 'x');
        return genuine && char.IsUpper(words[0][0]) && rest.Length < 80 && !rest.EndsWith('.');
    }

    private static int RomanValue(string text)
    {
        var normalised = text.Replace('|', 'i').Replace('l', 'i').Replace('1', 'i');
        return normalised switch
        {
            "i" => 1, "ii" => 2, "iii" => 3, "iv" => 4, "v" => 5, "vi" => 6, "vii" => 7, "viii" => 8, "ix" => 9, "x" => 10,
            _ => 0,
        };
    }

    private static string ToRoman(int value) => value switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", 10 => "X",
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
