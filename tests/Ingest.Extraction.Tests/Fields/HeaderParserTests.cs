using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields;

public sealed class HeaderParserTests
{
    private static readonly FieldExtractor Extractor = new();

    [Fact]
    public void Flattened_two_column_header_is_split()
    {
        const string text = """
            UY BANMTTQ VIETNAM CONG HOA XA HOI CHU NGHIA VIET NAM
            TINH BINH PHUOC Poclap - Tu do - Hanh phic
            BAN THUONG TRUC
            S6: /51 /KH-MTTQ-BTT Binh Phude, ngay 3 thdang 03 ndm 2021
            KE HOACH
            Phat dong phong trao thi dua nam 2021

            Can cir Chi thi sé 13/CT-UBND ngay 29/12/2020 ctia Uy ban nhan dan tinh;
            """;

        var fields = Extractor.Extract(text);

        Assert.Equal("Kế hoạch", fields.DocType);
        Assert.Equal("51/KH-MTTQ-BTT", fields.Number);
        Assert.Equal("2021-03-03", fields.IssuedDate?.ToString());
        Assert.Equal("Bình Phước", fields.Place);
        Assert.Equal("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Bình Phước", fields.Issuer?.Name);
        Assert.Equal("Ủy ban MTTQ Việt Nam tỉnh Bình Phước", fields.Issuer?.Parent);
        Assert.Equal(IssuerLevel.Province, fields.Issuer?.Level);
        Assert.Equal("Phat dong phong trao thi dua nam 2021", fields.Title);
        Assert.Contains(fields.Warnings, w => w.StartsWith("number:", StringComparison.Ordinal));
    }

    [Fact]
    public void Party_header_with_its_own_number_shape()
    {
        const string text = """
            ĐẢNG BỘ TỈNH NAM ĐỊNH               ĐẢNG CỘNG SẢN VIỆT NAM
            HUYỆN ỦY NGHĨA HƯNG
                    *                          Nghĩa Hưng, ngày 10 tháng 4 năm 2023
            Số 45-KH/HU

            KẾ HOẠCH
            Nâng cao chất lượng công tác phát triển đảng viên
            giai đoạn 2023 - 2025

            I. MỤC ĐÍCH
            """;

        var fields = Extractor.Extract(text);

        Assert.Equal("45-KH/HU", fields.Number);
        Assert.Equal("Huyện ủy Nghĩa Hưng", fields.Issuer?.Name);
        Assert.Equal("Đảng bộ tỉnh Nam Định", fields.Issuer?.Parent);
        Assert.Equal(IssuerLevel.District, fields.Issuer?.Level);
        Assert.Equal("Nam Định", fields.Issuer?.Province);
        Assert.Equal("Nâng cao chất lượng công tác phát triển đảng viên giai đoạn 2023 - 2025", fields.Title);
        Assert.Equal([2023, 2024, 2025], fields.Years);
    }

    [Fact]
    public void A_department_is_named_with_its_province_and_the_committee_is_its_parent()
    {
        const string text = """
            UBND TỈNH HÀ TĨNH                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ Y TẾ                                  Độc lập - Tự do - Hạnh phúc
            Số: 2150/KH-SYT                         Hà Tĩnh, ngày 20 tháng 7 năm 2022
            KẾ HOẠCH
            Tiêm chủng mở rộng năm 2022
            """;

        var issuer = Extractor.Extract(text).Issuer;

        Assert.Equal(new("Sở Y tế tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh", IssuerLevel.Province, "Hà Tĩnh"), issuer);
    }

    [Fact]
    public void A_city_run_by_the_centre_is_a_province_level_body()
    {
        const string text = """
            THÀNH ỦY ĐÀ NẴNG                      ĐẢNG CỘNG SẢN VIỆT NAM
            BAN TUYÊN GIÁO                    Đà Nẵng, ngày 8 tháng 9 năm 2022
            Số 78-KH/BTGTU
            KẾ HOẠCH
            Học tập các quy định năm 2022
            """;

        var issuer = Extractor.Extract(text).Issuer;

        Assert.Equal("Ban Tuyên giáo Thành ủy Đà Nẵng", issuer?.Name);
        Assert.Equal(IssuerLevel.Province, issuer?.Level);
    }

    [Fact]
    public void Without_a_header_number_place_and_date_stay_null_and_the_issuer_comes_from_the_body()
    {
        var fields = Extractor.Extract(TestFiles.ReadSeed("003"));

        Assert.Null(fields.Number);
        Assert.Null(fields.Place);
        Assert.Null(fields.IssuedDate);
        Assert.Null(fields.Issuer?.Parent);
        Assert.Equal("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn", fields.Issuer?.Name);
        Assert.Contains(fields.Warnings, w => w.StartsWith("issuer: no header", StringComparison.Ordinal));
    }

    [Fact]
    public void A_district_one_letter_from_a_province_stays_itself()
    {
        const string text = """
            ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            QUẬN HẢI CHÂU                        Độc lập - Tự do - Hạnh phúc
            Số: 245/KH-UBND                       Hải Châu, ngày 09 tháng 5 năm 2024
            KẾ HOẠCH
            Phòng cháy, chữa cháy năm 2024 trên địa bàn thành phố Đà Nẵng
            """;

        var fields = Extractor.Extract(text);

        Assert.Equal("Hải Châu", fields.Place);
        Assert.Equal(new("Ủy ban nhân dân quận Hải Châu", null, IssuerLevel.District, "Đà Nẵng"), fields.Issuer);
    }

    [Fact]
    public void Text_without_a_type_line_gives_no_header_fields()
    {
        var fields = Extractor.Extract("Một đoạn văn bản bất kỳ, không có tiêu đề.\n\nNgày 12/3/2024 trời mưa.");

        Assert.Null(fields.DocType);
        Assert.Null(fields.Title);
        Assert.Null(fields.Issuer);
        Assert.Empty(fields.Deadlines);
    }
}
