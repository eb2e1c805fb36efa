using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>
/// Known counted nouns of numeric targets ("5 căn nhà", "02 bài viết"; Fields/Data/count-units.txt), matched whole
/// and with one damaged letter tolerated; other nouns are read by <see cref="CountedNoun"/>.
/// </summary>
internal static class CountUnits
{
    private static readonly string[] Units = [.. EmbeddedData.Lines(FieldData.CountUnits)];

    private static readonly (string Folded, string Text)[] ByLength =
        Units.Select(u => (TextFolding.Fold(u), u)).OrderByDescending(u => u.Item1.Length).ToArray();

    /// <summary>The unit at the start of folded text, tolerating one damaged letter in longer words.</summary>
    public static (string Text, int Length)? At(string folded, int at)
    {
        var limit = Math.Min(folded.Length, at + 24);
        foreach (var (known, text) in ByLength)
        {
            var end = at + known.Length;
            if (end > limit || (end < folded.Length && char.IsLetterOrDigit(folded[end])))
            {
                if (end <= folded.Length && end < folded.Length && char.IsLetterOrDigit(folded[end]))
                {
                    continue;
                }

                if (end > limit)
                {
                    continue;
                }
            }

            var read = folded[at..end];
            if (read == known || (known.Length >= 6 && Fuzzy.Distance(read, known) <= 1 && read[0] == known[0]))
            {
                return (text, known.Length);
            }
        }

        return null;
    }
}
