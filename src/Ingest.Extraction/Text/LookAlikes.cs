namespace PlanIngest.Extraction.Text;

/// <summary>
/// Characters that look like a Vietnamese letter or mark and are not: OCR engines and some fonts
/// write Icelandic Ð (U+00D0) for Đ and the fraction slash for "/" in "III⁄2023". Replaced once here
/// so that no parser needs to know about them.
/// </summary>
internal static class LookAlikes
{
    private static readonly (char From, char To)[] Replacements = [('\u00D0', 'Đ'), ('\u00F0', 'đ'), ('\u2044', '/')];

    /// <summary>Runs after legacy-encoding conversion, which gives 0xD0 its own meaning in TCVN3 text.</summary>
    public static string Replace(string text, List<TextChange> changes)
    {
        foreach (var (from, to) in Replacements)
        {
            if (text.Contains(from))
            {
                changes.Add(new TextChange(0, from.ToString(), to.ToString(), ChangeReasons.LookAlike));
                text = text.Replace(from, to);
            }
        }

        return text;
    }
}
