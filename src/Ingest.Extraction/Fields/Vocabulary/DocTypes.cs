using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>Document type words and the codes used in numbers and symbols (DESIGN.md §1).</summary>
internal static class DocTypes
{
    /// <summary>Canonical type name → its folded form; longest first so "chương trình hành động" wins over "chương trình".</summary>
    public static readonly (string Name, string Folded)[] Words =
    [
        ("Chương trình hành động", "chuong trinh hanh dong"),
        ("Chương trình", "chuong trinh"),
        ("Kế hoạch", "ke hoach"),
        ("Nghị quyết", "nghi quyet"),
        ("Quyết định", "quyet dinh"),
        ("Chỉ thị", "chi thi"),
        ("Hướng dẫn", "huong dan"),
        ("Thông báo", "thong bao"),
        ("Báo cáo", "bao cao"),
        ("Đề án", "de an"),
        ("Kết luận", "ket luan"),
        ("Quy định", "quy dinh"),
        ("Quy chế", "quy che"),
        ("Tờ trình", "to trinh"),
        ("Công văn", "cong van"),
        ("Nghị định", "nghi dinh"),
        ("Thông tư", "thong tu"),
        ("Luật", "luat"),
        ("Thông tri", "thong tri"),
    ];

    /// <summary>Type code (folded, upper) → type name. OCR'd Đ codes (QB, QP) are repaired before lookup.</summary>
    private static readonly Dictionary<string, string> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NQ"] = "Nghị quyết", ["QĐ"] = "Quyết định", ["QD"] = "Quyết định", ["CT"] = "Chỉ thị", ["KH"] = "Kế hoạch",
        ["HD"] = "Hướng dẫn", ["TB"] = "Thông báo", ["BC"] = "Báo cáo", ["CTR"] = "Chương trình", ["ĐA"] = "Đề án",
        ["DA"] = "Đề án", ["KL"] = "Kết luận", ["QC"] = "Quy chế", ["TTR"] = "Tờ trình", ["CV"] = "Công văn",
        ["NĐ"] = "Nghị định", ["ND"] = "Nghị định", ["TT"] = "Thông tư", ["QY"] = "Quy định", ["TTLT"] = "Thông tư liên tịch",
    };

    public static bool IsCode(string code) => ByCode.ContainsKey(code);

    public static string? FromCode(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The type word at the start of a folded span, allowing OCR damage to one letter per word.</summary>
    public static string? TypeAt(string folded)
    {
        foreach (var (name, word) in Words)
        {
            if (folded.StartsWith(word, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The whole line is a type word (the "KẾ HOẠCH" line under the header).</summary>
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
