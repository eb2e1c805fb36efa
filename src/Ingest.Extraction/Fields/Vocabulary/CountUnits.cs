using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>
/// Counted nouns of numeric targets ("5 căn nhà", "02 bài viết"). A count is an indicator only with one of
/// these after it, so numbers in names and descriptions ("5 nội dung", "3 sao") are left alone.
/// </summary>
internal static class CountUnits
{
    private static readonly string[] Units =
    [
        "căn nhà", "ngôi nhà", "bài viết", "phóng sự", "tin", "tin bài", "mô hình", "văn bản", "điển hình", "công trình",
        "phần việc", "hội nghị", "cuộc giám sát", "cuộc", "đợt", "lớp", "buổi", "người", "lượt người", "hộ", "thôn", "xã",
        "khu dân cư", "đảng viên", "đoàn viên", "hội viên", "thành viên", "sáng kiến", "chi hội", "câu lạc bộ",
        "tổ", "lao động", "việc làm", "học sinh", "giờ", "km", "cây xanh", "triệu đồng", "tỷ đồng", "đồng", "ha",
        "tấn", "chuyên đề", "ý kiến", "tuyến đường", "cơ sở", "trường", "lần", "suất quà", "phần quà", "con",
    ];

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
