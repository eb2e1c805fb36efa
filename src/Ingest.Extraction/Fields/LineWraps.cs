using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// Line breaks that end a clause and those that only wrap one. Scans, PDFs and old OCR text break every
/// line of a paragraph; a clause goes on over such breaks, and ends only where a new item begins (a blank
/// line, a bullet, a numbered point, a heading) or after sentence punctuation.
/// </summary>
internal static partial class LineWraps
{
    [GeneratedRegex(@"^[ \t]*(?:\n|[-+*•]|\d{1,2}(?:\.\d{1,2})*\s*[.)]\s|[ivxl|]{1,4}\s*[.,]\s|[a-d]\s*\)|[\p{Lu}]{3,}\s+[\p{Lu}]{2,})")]
    private static partial Regex ItemStart();

    /// <summary>True when the character at <paramref name="i"/> is a line break before a new item.</summary>
    public static bool IsItemBreak(string text, int i) =>
        text[i] == '\n' && (i + 1 >= text.Length || ItemStart().IsMatch(text.AsSpan(i + 1, Math.Min(12, text.Length - i - 1)))
            || i > 0 && text[i - 1] is ':' or '.' or ';');
}
