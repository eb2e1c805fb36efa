using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// A text and its folded form (<see cref="TextFolding.Fold"/>) with a map back to the original, so
/// that parsers match keywords accent-insensitively and still return what the document itself says.
/// </summary>
internal sealed class FoldedText
{
    // Folding one UTF-16 unit at a time through TextFolding keeps one definition of folding; the cache
    // makes that cheap (a document has few distinct characters).
    private static readonly string?[] CharCache = new string?[char.MaxValue + 1];

    private readonly int[] map;

    public FoldedText(string original)
    {
        Original = original;
        var folded = new System.Text.StringBuilder(original.Length);
        var mapList = new List<int>(original.Length + 1);
        for (var i = 0; i < original.Length; i++)
        {
            var piece = FoldChar(original[i]);
            foreach (var c in piece)
            {
                folded.Append(c);
                mapList.Add(i);
            }
        }

        mapList.Add(original.Length);
        map = mapList.ToArray();
        Folded = folded.ToString();
    }

    public string Original { get; }

    /// <summary>Lower case, no marks, đ → d; indexes differ from <see cref="Original"/> only where a lone mark was dropped.</summary>
    public string Folded { get; }

    public int ToOriginal(int foldedIndex) => map[Math.Clamp(foldedIndex, 0, map.Length - 1)];

    /// <summary>The original text behind a folded span.</summary>
    public string Slice(int foldedStart, int foldedEnd)
    {
        var start = ToOriginal(foldedStart);
        var end = foldedEnd >= Folded.Length ? Original.Length : ToOriginal(foldedEnd);
        return end > start ? Original[start..end] : string.Empty;
    }

    private static string FoldChar(char c)
    {
        if (c < 128)
        {
            return CharCache[c] ??= TextFolding.Fold(c.ToString());
        }

        if (char.IsSurrogate(c))
        {
            return c.ToString();
        }

        return CharCache[c] ??= TextFolding.Fold(c.ToString());
    }
}
