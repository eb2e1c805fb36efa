namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>Titles that stand above a signature, in sentence case, longest first.</summary>
internal static class SignerTitles
{
    public static readonly (string Name, string Key)[] All =
    [
        ("Phó trưởng ban thường trực", "photruongbanthuongtruc"),
        ("Phó chủ tịch thường trực", "phochutichthuongtruc"),
        ("Phó chánh văn phòng", "phochanhvanphong"),
        ("Chánh văn phòng", "chanhvanphong"),
        ("Phó chủ tịch", "phochutich"),
        ("Chủ tịch", "chutich"),
        ("Phó trưởng ban", "photruongban"),
        ("Trưởng ban", "truongban"),
        ("Phó bí thư", "phobithu"),
        ("Bí thư", "bithu"),
        ("Phó giám đốc", "phogiamdoc"),
        ("Giám đốc", "giamdoc"),
        ("Phó trưởng phòng", "photruongphong"),
        ("Trưởng phòng", "truongphong"),
        ("Phó chỉ huy trưởng", "phochihuytruong"),
        ("Chỉ huy trưởng", "chihuytruong"),
        ("Phó văn phòng", "phovanphong"),
    ];

    /// <summary>The title a folded line reads as, tolerating a little OCR damage ("feruong ban").</summary>
    public static string? Match(string foldedLine)
    {
        var key = new string(Letters.Key(foldedLine).Where(char.IsLetter).ToArray());
        if (key.Length < 5 || key.Length > 30)
        {
            return null;
        }

        foreach (var (name, known) in All)
        {
            if (key == known)
            {
                return name;
            }
        }

        foreach (var (name, known) in All)
        {
            if (Math.Abs(key.Length - known.Length) <= 2 && Fuzzy.Distance(key, known) <= Math.Max(1, known.Length / 4))
            {
                return name;
            }
        }

        return null;
    }
}
