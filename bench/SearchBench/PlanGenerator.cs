using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Bench;

/// <summary>
/// Writes plans from templates, with the record extraction would give them (text already extracted):
/// issuers at the four levels across provinces, years 2018–2025, citations drawn unevenly from a pool
/// (a few directives are cited by many plans, as in real archives), targets whose values move year by
/// year, campaigns, deadlines, two to three pages of body text. Deterministic for a seed.
/// </summary>
internal sealed class PlanGenerator(int seed)
{
    private static readonly string[] Provinces =
    [
        "Bình Phước", "Phú Thọ", "Nam Định", "Bến Tre", "Quảng Nam", "Lạng Sơn", "Bình Thuận", "Nghệ An", "Hà Tĩnh", "Thanh Hóa",
        "Đắk Lắk", "Gia Lai", "Cà Mau", "Sóc Trăng", "An Giang", "Lào Cai", "Yên Bái", "Thái Bình", "Hưng Yên", "Hải Dương",
        "Quảng Ngãi", "Bình Định", "Khánh Hòa", "Tây Ninh", "Long An", "Đồng Tháp", "Vĩnh Long", "Kon Tum", "Sơn La", "Điện Biên",
    ];

    private static readonly string[] Places =
    [
        "Thanh Sơn", "Đồng Phú", "Nghĩa Hưng", "Châu Thành", "Điện Bàn", "Tân Lập", "Minh Đài", "Hòa Bình", "Phú Lộc", "An Thạnh",
        "Tân Phú", "Hưng Lợi", "Bình Minh", "Xuân Trường", "Yên Thế", "Kim Sơn", "Đức Phổ", "Cam Lâm", "Long Mỹ", "Tiên Lữ",
    ];

    private static readonly string[] DocTypes = ["Kế hoạch", "Kế hoạch", "Kế hoạch", "Kế hoạch", "Chương trình", "Hướng dẫn", "Báo cáo", "Quyết định"];

    private static readonly (string Subject, string Unit, decimal Base)[] Subjects =
    [
        ("gia đình văn hóa", "%", 80), ("khu dân cư văn hóa", "%", 65), ("hộ nghèo", "%", 6), ("người dân tham gia bảo hiểm y tế", "%", 88),
        ("hộ dân sử dụng nước sạch", "%", 85), ("trẻ em được tiêm chủng đầy đủ", "%", 92), ("xã đạt chuẩn nông thôn mới", "%", 55),
        ("đảng viên mới", "đảng viên", 40), ("lao động được giải quyết việc làm", "lao động", 900), ("cuộc giám sát", "cuộc", 2),
        ("hồ sơ thủ tục hành chính giải quyết trực tuyến", "%", 60), ("chi bộ đạt trong sạch vững mạnh", "%", 75),
    ];

    private static readonly string[] Campaigns =
    [
        "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", "Người Việt Nam ưu tiên dùng hàng Việt Nam", "Dân vận khéo",
        "Toàn dân đoàn kết xây dựng đời sống văn hóa", "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        "Ngày Chủ nhật xanh", "Đồng Khởi mới", "Thanh niên tình nguyện", "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc",
        "Nông dân thi đua sản xuất, kinh doanh giỏi", "Toàn dân bảo vệ an ninh Tổ quốc", "Xây dựng xã hội học tập",
    ];

    private static readonly string[] Topics =
    [
        "phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội", "xây dựng nông thôn mới và giảm nghèo bền vững",
        "chuyển đổi số và cải cách hành chính", "phòng, chống thiên tai và tìm kiếm cứu nạn", "tuyên truyền phổ biến giáo dục pháp luật",
        "xây dựng đời sống văn hóa ở khu dân cư", "tiêm chủng mở rộng và chăm sóc sức khỏe nhân dân", "phát triển đảng viên trong nông thôn",
        "bảo vệ môi trường và xử lý rác thải sinh hoạt", "bảo đảm an ninh trật tự và an toàn giao thông",
    ];

    private static readonly string[] Sentences =
    [
        "Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền và các tầng lớp nhân dân trong việc thực hiện nhiệm vụ {0}.",
        "Các cơ quan, đơn vị chủ động xây dựng kế hoạch cụ thể, phân công cán bộ theo dõi và báo cáo kết quả định kỳ.",
        "Đẩy mạnh công tác tuyên truyền trên các phương tiện thông tin đại chúng, hệ thống loa truyền thanh cơ sở và mạng xã hội.",
        "Gắn việc thực hiện kế hoạch với phong trào thi đua yêu nước và cuộc vận động xây dựng đời sống văn hóa ở khu dân cư.",
        "Tăng cường kiểm tra, giám sát, kịp thời biểu dương các tập thể, cá nhân điển hình tiên tiến; chấn chỉnh những hạn chế, thiếu sót.",
        "Huy động các nguồn lực xã hội hóa, lồng ghép các chương trình mục tiêu quốc gia trên địa bàn để thực hiện có hiệu quả.",
        "Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội vận động đoàn viên, hội viên tích cực tham gia hưởng ứng.",
        "Phòng Nội vụ tham mưu công tác thi đua, khen thưởng; Phòng Tài chính - Kế hoạch bố trí kinh phí theo quy định.",
        "Việc tổ chức thực hiện phải thiết thực, tiết kiệm, tránh hình thức, phù hợp với điều kiện thực tế của địa phương.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh để xem xét, giải quyết.",
    ];

    private readonly Random random = new(seed);
    private readonly string[] citationPool = BuildCitationPool(new Random(seed + 1));

    public DocumentRecord Next(int index)
    {
        var province = Pick(Provinces);
        var place = Pick(Places);
        var (issuer, parent, level, body) = Issuer(province, place);
        var year = 2018 + random.Next(8);
        var docType = Pick(DocTypes);
        var month = 1 + random.Next(12);
        var day = 1 + random.Next(28);
        var typeCode = docType switch { "Chương trình" => "CTr", "Hướng dẫn" => "HD", "Báo cáo" => "BC", "Quyết định" => "QĐ", _ => "KH" };
        var number = level == IssuerLevel.Central || body.EndsWith("ủy", StringComparison.Ordinal)
            ? $"{1 + random.Next(400)}-{typeCode}/{(level == IssuerLevel.Province ? "TU" : "HU")}"
            : $"{1 + random.Next(400)}/{typeCode}-UBND";
        var topic = Pick(Topics);
        var title = $"{Capitalise(topic)} năm {year}";
        var citations = Enumerable.Range(0, 2 + random.Next(5)).Select(_ => citationPool[Skewed(citationPool.Length)]).Distinct().ToList();
        var indicators = Enumerable.Range(0, 2 + random.Next(5)).Select(_ => Pick(Subjects)).DistinctBy(s => s.Subject)
            .Select((s, i) => new Indicator(
                $"Phấn đấu {Value(s, year).ToString(CultureInfo.GetCultureInfo("vi-VN"))}{(s.Unit == "%" ? "%" : " " + s.Unit)} {s.Subject}.",
                s.Subject, Value(s, year), s.Unit, random.Next(3) == 0 ? Comparator.AtLeast : Comparator.Equal, $"II.{i + 1}"))
            .ToList();
        var campaigns = Enumerable.Range(0, random.Next(3)).Select(_ => Pick(Campaigns)).Distinct().ToList();
        var deadline = PartialDate.TryDay(year, 11 + random.Next(2), 15)!.Value;

        var text = new StringBuilder();
        text.Append(parent is null ? string.Empty : parent.ToUpperInvariant() + "\n").Append(body.ToUpperInvariant()).Append("        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
            .Append("Độc lập - Tự do - Hạnh phúc\n\n")
            .Append($"Số: {number}        {place}, ngày {day:D2} tháng {month:D2} năm {year - (month < 3 ? 1 : 0)}\n\n")
            .Append(docType.ToUpperInvariant()).Append('\n').Append(title).Append("\n\n");
        foreach (var c in citations)
        {
            text.Append($"Căn cứ văn bản số {c} của cấp trên về {Pick(Topics)};\n");
        }

        text.Append($"\n{issuer} xây dựng {docType} như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n");
        AppendParagraphs(text, topic, 6);
        text.Append("\nII. MỤC TIÊU, CHỈ TIÊU\n\n");
        for (var i = 0; i < indicators.Count; i++)
        {
            text.Append($"{i + 1}. {indicators[i].Text}\n");
        }

        foreach (var campaign in campaigns)
        {
            text.Append($"\nTiếp tục thực hiện có hiệu quả phong trào \"{campaign}\".\n");
        }

        text.Append("\nIII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n");
        AppendParagraphs(text, topic, 10);
        text.Append($"\nIV. TỔ CHỨC THỰC HIỆN\n\nCác cơ quan, đơn vị báo cáo kết quả về {issuer} trước ngày {deadline.Day}/{deadline.Month}/{deadline.Year}.\n\n");
        AppendParagraphs(text, topic, 4);
        text.Append("\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n");

        var page = text.ToString();
        var bytes = Encoding.UTF8.GetBytes(page + "\n" + index.ToString(CultureInfo.InvariantCulture));
        var source = new SourceInfo($"generated/plan-{index:D6}.txt", Convert.ToHexStringLower(SHA256.HashData(bytes)), "text/plain", 1, false, null);
        var fields = new ExtractedFields
        {
            DocType = docType,
            Number = number,
            Issuer = new IssuerInfo(issuer, parent, level, level == IssuerLevel.Central ? null : province),
            Place = place,
            IssuedDate = PartialDate.TryDay(year - (month < 3 ? 1 : 0), month, day),
            Title = title,
            Years = [year],
            LegalBases = citations.Select(c => new DocumentReference(null, c, null, null)).ToList(),
            Citations = citations.Select(c => new Citation(null, c, null, null, 1)).ToList(),
            Indicators = indicators,
            Deadlines = [new Deadline(deadline, DeadlineKind.Due, $"báo cáo kết quả trước ngày {deadline}")],
            Campaigns = campaigns,
        };
        return new DocumentRecord(source, [new PageText(1, page, PageMethod.PlainText) { Normalized = page }], fields) { ExtractorVersion = "generated" };
    }

    private (string Name, string? Parent, IssuerLevel Level, string Body) Issuer(string province, string place) => random.Next(10) switch
    {
        0 or 1 => ($"Ủy ban nhân dân tỉnh {province}", null, IssuerLevel.Province, $"Ủy ban nhân dân tỉnh {province}"),
        2 => ($"Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh {province}", $"Ủy ban MTTQ Việt Nam tỉnh {province}", IssuerLevel.Province, "Ban Thường trực"),
        3 => ($"Sở Văn hóa, Thể thao và Du lịch tỉnh {province}", $"UBND tỉnh {province}", IssuerLevel.Province, "Sở Văn hóa, Thể thao và Du lịch"),
        4 or 5 => ($"Ủy ban nhân dân huyện {place}", null, IssuerLevel.District, $"Ủy ban nhân dân huyện {place}"),
        6 => ($"Ban Thường vụ Huyện ủy {place}", $"Đảng bộ tỉnh {province}", IssuerLevel.District, "Huyện ủy"),
        7 or 8 => ($"Ủy ban nhân dân xã {Pick(Places)}", $"Huyện {place}", IssuerLevel.Commune, "Ủy ban nhân dân"),
        _ => ("Ban Bí thư Trung ương Đoàn", null, IssuerLevel.Central, "Trung ương Đoàn"),
    };

    private decimal Value((string Subject, string Unit, decimal Base) s, int year)
    {
        // Targets rise a little each year (a falling one, hộ nghèo, falls), with a little noise.
        var step = s.Subject == "hộ nghèo" ? -0.5m : s.Unit == "%" ? 1.5m : s.Base / 20;
        var value = s.Base + step * (year - 2018) + random.Next(-2, 3);
        return s.Unit == "%" ? Math.Clamp(Math.Round(value, 1), 0, 100) : Math.Max(1, Math.Round(value));
    }

    private void AppendParagraphs(StringBuilder text, string topic, int count)
    {
        for (var i = 0; i < count; i++)
        {
            text.Append("- ").AppendFormat(CultureInfo.InvariantCulture, Pick(Sentences), topic).Append('\n');
        }
    }

    private static string[] BuildCitationPool(Random random)
    {
        string[] shapes = ["{0}/CT-UBND", "{0}/KH-UBND", "{0}-CT/TW", "{0}-NQ/TU", "{0}/QĐ-UBND", "{0}/2023/NQ-HĐND", "{0}-KH/HU", "{0}/HD-MTTQ-BTT"];
        // The most cited first: directives every plan of a period rests on.
        string[] famous = ["13/CT-UBND", "43-NQ/TW", "45-CT/TW", "05-CT/TW", "01/KH-UBND", "16/CT-UBND"];
        return famous.Concat(Enumerable.Range(0, 3000).Select(i => string.Format(CultureInfo.InvariantCulture, shapes[i % shapes.Length], 1 + random.Next(500))))
            .Distinct().ToArray();
    }

    // Heavily skewed towards the start of the pool: a few numbers are cited by many plans.
    private int Skewed(int length) => (int)(length * Math.Pow(random.NextDouble(), 3));

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Capitalise(string text) => char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
