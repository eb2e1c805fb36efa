using PlanIngest.Extraction.Text;
using PlanIngest.Search.Facets;

namespace PlanIngest.Search.Compare;

/// <summary>
/// What an indicator measures, reduced to the words that name it, so that one target compares with
/// itself across years however each year's plan words it: "tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn
/// hóa", "hộ gia đình văn hoá" and "gia đình đạt chuẩn văn hóa" are all <c>gia dinh van hoa</c>.
/// </summary>
/// <remarks>
/// Folded words (case, marks and tone placement ignored); a title of honour (<c>danh hiệu X</c>) is the
/// subject itself; the connectors "đạt chuẩn", "đạt tiêu chuẩn", "được công nhận" are dropped between the
/// noun and its standard; the measure words that open a target ("tỷ lệ", "số", "phấn đấu", "đạt", a
/// counted "hộ" before "gia đình") and the tails that only place it ("trên địa bàn …", "trở lên") go.
/// </remarks>
public static class SubjectKey
{
    private static readonly string[][] Openers =
    [
        ["phan", "dau"], ["ty", "le"], ["ti", "le"], ["so", "luong"], ["so"], ["dat"], ["co"], ["it", "nhat"], ["toi", "thieu"],
        ["tren"], ["duoi"], ["khong", "qua"], ["tu"], ["moi"], ["cac"], ["nhung"], ["duoc"], ["tong", "so"],
    ];

    private static readonly string[][] Connectors = [["dat", "chuan"], ["dat", "tieu", "chuan"], ["duoc", "cong", "nhan"], ["duoc", "cong", "nhan", "dat"], ["dat", "danh", "hieu"]];

    private static readonly string[][] Tails = [["tren", "dia", "ban"], ["tro", "len"], ["tai", "dia", "phuong"], ["trong", "nam"], ["vao", "nam"]];

    // What is left at the end when a target is worded "X đạt 87% trở lên", "X từ 90%".
    private static readonly string[] TrailingWords = ["dat", "tu", "tren", "duoi", "len", "tro", "khong", "it", "nhat", "toi", "thieu", "phan", "dau", "la", "co"];

    // "hộ" counts households; "hộ gia đình" and "gia đình" are the same subject. "hộ nghèo" is not.
    private static readonly string[] CountedHousehold = ["ho", "gia", "dinh"];

    /// <summary>The key, or an empty string when nothing names a subject.</summary>
    public static string Of(string text) => Read(text).Key;

    /// <summary>
    /// The key and the label: the indicator's own words that the key kept, lower case, tone marks in the
    /// new style ("gia đình đạt chuẩn văn hoá" is shown "gia đình văn hóa").
    /// </summary>
    public static (string Key, string Label) Read(string text)
    {
        var words = FacetKeys.AlignedWords(text).Where(w => !w.Folded.Any(char.IsDigit)).ToList();
        var title = IndexOf(words, ["danh", "hieu"]);
        if (title >= 0 && title + 2 < words.Count)
        {
            words = words[(title + 2)..];
        }

        foreach (var connector in Connectors.OrderByDescending(c => c.Length))
        {
            int at;
            while ((at = IndexOf(words, connector)) > 0)
            {
                words.RemoveRange(at, connector.Length);
            }
        }

        CutTail(words);
        while (words.Count > 1 && TrailingWords.Contains(words[^1].Folded))
        {
            words.RemoveAt(words.Count - 1);
        }

        StripOpeners(words);
        if (words.Count > CountedHousehold.Length && StartsWith(words, CountedHousehold))
        {
            words.RemoveAt(0);
        }

        return (string.Join(' ', words.Select(w => w.Folded)), ToneMarks.Canonicalize(string.Join(' ', words.Select(w => w.Original))).ToLowerInvariant());
    }

    /// <summary>Whether a subject key names the query's subject: the query's words appear in it, in order and together.</summary>
    public static bool Matches(string subjectKey, string queryKey) =>
        queryKey.Length > 0 && (" " + subjectKey + " ").Contains(" " + queryKey + " ", StringComparison.Ordinal);

    private static void StripOpeners(List<(string Folded, string Original)> words)
    {
        var stripped = true;
        while (stripped && words.Count > 0)
        {
            stripped = false;
            foreach (var opener in Openers.OrderByDescending(o => o.Length))
            {
                if (StartsWith(words, opener))
                {
                    words.RemoveRange(0, opener.Length);
                    stripped = true;
                    break;
                }
            }
        }
    }

    private static void CutTail(List<(string Folded, string Original)> words)
    {
        foreach (var tail in Tails)
        {
            var at = IndexOf(words, tail);
            if (at > 0)
            {
                words.RemoveRange(at, words.Count - at);
            }
        }
    }

    private static bool StartsWith(List<(string Folded, string Original)> words, string[] prefix) => words.Count >= prefix.Length && prefix.Select((p, i) => words[i].Folded == p).All(b => b);

    private static int IndexOf(List<(string Folded, string Original)> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            if (phrase.Select((p, j) => words[i + j].Folded == p).All(b => b))
            {
                return i;
            }
        }

        return -1;
    }
}
