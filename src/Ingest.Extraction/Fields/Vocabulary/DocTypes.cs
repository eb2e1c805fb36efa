using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>Document type words and the codes used in numbers and symbols (DESIGN.md §1; Fields/Data/doc-types.tsv).</summary>
internal static class DocTypes
{
    /// <summary>Canonical type name → its folded form; longest first so "chương trình hành động" wins over "chương trình".</summary>
    public static readonly (string Name, string Folded)[] Words =
        FieldData.Rows(FieldData.DocTypes).Select(r => (r[0], TextFolding.Fold(r[0])))
            .OrderByDescending(w => w.Item2.Length).ToArray();

    /// <summary>Folded type code → type name. OCR'd Đ codes (QB, QP) are repaired before lookup.</summary>
    private static readonly Dictionary<string, string> ByCode = FieldData.Rows(FieldData.DocTypes)
        .Where(r => r.Length > 1)
        .SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => (Code: Letters.Key(TextFolding.Fold(code)), Name: r[0])))
        .GroupBy(c => c.Code)
        .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    public static bool IsCode(string code) => ByCode.ContainsKey(Letters.Key(TextFolding.Fold(code)));

    public static string? FromCode(string code) => ByCode.GetValueOrDefault(Letters.Key(TextFolding.Fold(code)));

    /// <summary>The type word at the start of a folded span.</summary>
    public static string? TypeAt(string folded)
    {
        foreach (var (name, word) in Words)
        {
            if (folded.StartsWith(word, StringComparison.Ordinal) && (folded.Length == word.Length || !char.IsLetter(folded[word.Length])))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The whole line is a type word (the "KẾ HOẠCH" line under the header), allowing one damaged letter.</summary>
    public static string? TypeLine(string foldedLine)
    {
        var key = Letters.Key(foldedLine);
        foreach (var (name, word) in Words)
        {
            var wordKey = word.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (key == wordKey || (key.Length >= 6 && Fuzzy.Distance(key, wordKey) <= 1))
            {
                return name;
            }
        }

        return null;
    }

    public static string Fold(string text) => TextFolding.Fold(text);
}
