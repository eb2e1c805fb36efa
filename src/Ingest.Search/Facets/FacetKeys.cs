using System.Text;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Search.Facets;

/// <summary>Comparison keys for names: folded words, and for bodies their abbreviations spelt out.</summary>
internal static class FacetKeys
{
    // DESIGN §1: "UBND" is "Ủy ban nhân dân", "UBMTTQVN" "Ủy ban Mặt trận Tổ quốc Việt Nam", and so on;
    // documents write either, and one body must count once.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["ubnd"] = "uy ban nhan dan",
        ["hdnd"] = "hoi dong nhan dan",
        ["ubmttqvn"] = "uy ban mat tran to quoc viet nam",
        ["ubmttq"] = "uy ban mat tran to quoc",
        ["mttqvn"] = "mat tran to quoc viet nam",
        ["mttq"] = "mat tran to quoc",
        ["btv"] = "ban thuong vu",
        ["btt"] = "ban thuong truc",
        ["bch"] = "ban chap hanh",
        ["tu"] = "tinh uy",
        ["hu"] = "huyen uy",
        ["tp"] = "thanh pho",
    };

    /// <summary>Folded words joined by single spaces, punctuation and quotes dropped.</summary>
    public static string? Words(string value)
    {
        var words = FoldedWords(value);
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>A body's name: folded words with abbreviations spelt out ("TU" only in capitals: "Tư pháp" is no Tỉnh ủy).</summary>
    public static string? Body(string value)
    {
        var words = Words(value, fold: false)
            .SelectMany(w =>
            {
                var folded = TextFolding.Fold(w);
                return Abbreviations.TryGetValue(folded, out var full) && (folded.Length > 3 || w.All(char.IsUpper)) ? full.Split(' ') : [folded];
            })
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>A province: its name without "tỉnh" / "thành phố" before it.</summary>
    public static string? Province(string value)
    {
        var words = FoldedWords(value);
        var skip = words is ["tinh", _, ..] ? 1 : words is ["thanh", "pho", _, ..] ? 2 : words is ["tp", _, ..] ? 1 : 0;
        return words.Count == skip ? null : string.Join(' ', words.Skip(skip));
    }

    public static List<string> FoldedWords(string value) => Words(value, fold: true);

    /// <summary>The words of a text as written, each with its folded form beside it.</summary>
    public static List<(string Folded, string Original)> AlignedWords(string value) =>
        Words(value, fold: false).Select(w => (TextFolding.Fold(w), w)).ToList();

    private static List<string> Words(string value, bool fold)
    {
        var folded = fold ? TextFolding.Fold(value) : value.Normalize(NormalizationForm.FormC);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
