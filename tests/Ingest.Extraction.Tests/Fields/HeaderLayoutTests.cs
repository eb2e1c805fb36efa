using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields;

/// <summary>Headers flattened from tables and web pages (testdata/corpus/LAYOUTS.md), each an example of our own.</summary>
public sealed class HeaderLayoutTests
{
    private static readonly FieldExtractor Extractor = new();

    [Fact]
    public void A_web_table_broken_into_lines_reads_as_its_cells()
    {
        const string text = """
            HỘI
            ĐỒNG NHÂN DÂN
            HUYỆN QUẾ SƠN
            -------
            |
            CỘNG
            HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            ---------------
            |
            Số:
            18/NQ-HĐND
            |
            Quế
            Sơn, ngày 11 tháng 7 năm 2024
            |
            NGHỊ QUYẾT
            VỀ KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2025
            HỘI ĐỒNG NHÂN DÂN HUYỆN QUẾ SƠN
            KHÓA XII, KỲ HỌP THỨ 18
            Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;
            """;

        var fields = Extractor.Extract(text);

        Assert.Equal("Nghị quyết", fields.DocType);
        Assert.Equal("18/NQ-HĐND", fields.Number);
        Assert.Equal("Quế Sơn", fields.Place);
        Assert.Equal("2024-07-11", fields.IssuedDate?.ToString());
        Assert.Equal("Hội đồng nhân dân huyện Quế Sơn", fields.Issuer?.Name);
        // The issuer repeated under the title ends the title.
        Assert.Equal("VỀ KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2025", fields.Title);
    }

    [Fact]
    public void Number_and_place_date_on_one_line_separated_by_a_bar()
    {
        var fields = Extractor.Extract("""
            UBND HUYỆN YÊN LẠC
            PHÒNG TƯ PHÁP                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                  Độc lập - Tự do - Hạnh phúc
            Số: 41/KH-PTP | Yên Lạc, ngày 02 tháng 4 năm 2024

            KẾ HOẠCH
            Tuyên truyền pháp luật năm 2024
            """);

        Assert.Equal("41/KH-PTP", fields.Number);
        Assert.Equal("Yên Lạc", fields.Place);
        Assert.Equal("Phòng Tư pháp huyện Yên Lạc", fields.Issuer?.Name);
        Assert.Equal("UBND huyện Yên Lạc", fields.Issuer?.Parent);
    }

    [Fact]
    public void A_number_broken_after_a_dash_is_joined_and_the_body_keeps_its_word_order()
    {
        var fields = Extractor.Extract("""
            UBND HUYỆN ĐỊNH HÓA                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            BAN CHỈ ĐẠO CHƯƠNG TRÌNH MỤC TIÊU -         Độc lập - Tự do - Hạnh phúc
            QUỐC GIA

            Số: 37 / BC-BCĐCTMT-                    Định Hóa, ngày 15 tháng 11 năm 2024
            QG

            BÁO CÁO
            Kết quả thực hiện các chương trình mục tiêu quốc gia năm 2024
            """);

        Assert.Equal("Báo cáo", fields.DocType);
        Assert.Equal("37/BC-BCĐCTMT-QG", fields.Number);
        Assert.Equal("Ban Chỉ đạo chương trình mục tiêu - quốc gia huyện Định Hóa", fields.Issuer?.Name);
    }

    [Fact]
    public void The_motto_broken_over_lines_is_never_the_issuer()
    {
        var fields = Extractor.Extract("""
            ỦY BAN NHÂN DÂN
            XÃ HÒA PHÚ
            CỘNG
            HÒA XÃ HỘI CHỦ NGHĨA VIỆT
            NAM
            Độc lập - Tự do - Hạnh phúc
            Số: 09/KH-UBND
            Hòa Phú, ngày 05 tháng 3 năm 2024
            KẾ HOẠCH
            Ra quân làm sạch đường làng năm 2024
            """);

        Assert.Equal("Ủy ban nhân dân xã Hòa Phú", fields.Issuer?.Name);
        Assert.Null(fields.Issuer?.Parent);
        Assert.Equal(IssuerLevel.Commune, fields.Issuer?.Level);
    }

    [Fact]
    public void A_body_name_over_three_lines_keeps_its_word_order_and_proper_names_their_capitals()
    {
        var fields = Extractor.Extract("""
            ỦY BAN NHÂN
            DÂN
            THỊ XÃ
            BA ĐỒN                               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                  Độc lập - Tự do - Hạnh phúc
            Số: 77/KH-UBND                        Ba Đồn, ngày 21 tháng 5 năm 2024

            KẾ HOẠCH
            Phòng, chống thiên tai năm 2024
            """);

        Assert.Equal("Ủy ban nhân dân thị xã Ba Đồn", fields.Issuer?.Name);
        Assert.Equal(IssuerLevel.District, fields.Issuer?.Level);
    }

    [Fact]
    public void A_school_keeps_its_own_name()
    {
        var issuer = Extractor.Extract("""
            PHÒNG GD&ĐT HUYỆN GIAO THỦY            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TRƯỜNG TIỂU HỌC GIAO THANH                  Độc lập - Tự do - Hạnh phúc
            Số: 12/KH-TH                            Giao Thanh, ngày 09 tháng 9 năm 2024
            KẾ HOẠCH
            Tổ chức ngày hội đọc sách
            """).Issuer;

        Assert.Equal("Trường Tiểu học Giao Thanh", issuer?.Name);
        Assert.Equal("Phòng GD&ĐT huyện Giao Thủy", issuer?.Parent);
    }

    [Fact]
    public void A_misspelt_unit_word_before_a_known_province_is_still_the_unit()
    {
        var issuer = Extractor.Extract("""
            ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TNH CAO BẰNG                             Độc lập - Tự do - Hạnh phúc
            Số: 51/CT-UBND                        Cao Bằng, ngày 04 tháng 6 năm 2024
            CHỈ THỊ
            Về tăng cường phòng, chống đuối nước trẻ em
            """).Issuer;

        Assert.Equal(new IssuerInfo("Ủy ban nhân dân tỉnh Cao Bằng", null, IssuerLevel.Province, "Cao Bằng"), issuer);
    }
}
