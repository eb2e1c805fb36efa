using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>
/// The 63 provinces and centrally-run cities (before the 2025 merger, the span of the archive). A folded,
/// space-free key finds the canonical accented name even in accent-stripped or word-merged OCR text.
/// </summary>
internal static class Provinces
{
    private static readonly string[] Names =
    [
        "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
        "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
        "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
        "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
        "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
        "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
        "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Hồ Chí Minh",
        "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    ];

    /// <summary>Cities run by the centre: a "thành phố" among these is a province-level body.</summary>
    private static readonly HashSet<string> CentralCities = ["hanoi", "hochiminh", "haiphong", "danang", "cantho"];

    private static readonly Dictionary<string, string> ByKey = Names.ToDictionary(n => Letters.Key(TextFolding.Fold(n)));

    public static IEnumerable<string> All => Names;

    /// <summary>The canonical name for a folded name, allowing a little OCR damage ("binh phude").</summary>
    public static string? Find(string folded, bool allowDamage = true)
    {
        var key = Letters.Key(folded);
        if (key.Length < 4)
        {
            return null;
        }

        if (ByKey.TryGetValue(key, out var exact))
        {
            return exact;
        }

        if (!allowDamage)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (known, name) in ByKey)
        {
            if (Math.Abs(known.Length - key.Length) > 2)
            {
                continue;
            }

            var distance = Fuzzy.Distance(key, known);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(1, key.Length / 4) ? best : null;
    }

    public static bool IsCentralCity(string name) => CentralCities.Contains(Letters.Key(TextFolding.Fold(name)));
}
