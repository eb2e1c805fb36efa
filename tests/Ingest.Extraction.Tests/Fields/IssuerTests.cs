using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields;

/// <summary>The issuer by CONTRACT §1a: standing committees, cut headers, central bodies, joint documents.</summary>
public sealed class IssuerTests
{
    private static readonly FieldExtractor Extractor = new();

    [Fact]
    public void A_standing_committee_signature_under_the_header_body_names_the_committee()
    {
        var issuer = Extractor.Extract("""
            ĐẢNG BỘ TỈNH THÁI NGUYÊN             ĐẢNG CỘNG SẢN VIỆT NAM
            HUYỆN ỦY PHÚ BÌNH
                    *                       Phú Bình, ngày 02 tháng 5 năm 2024
            Số 88-KH/HU

            KẾ HOẠCH
            Tổ chức các hoạt động kỷ niệm ngày thành lập Đảng bộ huyện

            I. MỤC ĐÍCH

            Nơi nhận:                                T/M BAN THƯỜNG VỤ
            - Ban Thường vụ Tỉnh ủy (b/c),                     PHÓ BÍ THƯ
            - Lưu Văn phòng Huyện ủy.
                                                        Dương Văn Tám
            """).Issuer;

        Assert.Equal(new IssuerInfo("Ban Thường vụ Huyện ủy Phú Bình", "Huyện ủy Phú Bình", IssuerLevel.District, "Thái Nguyên"), issuer);
    }

    [Fact]
    public void A_signature_that_names_its_body_gives_that_body_at_the_header_place()
    {
        var issuer = Extractor.Extract("""
            BAN CHẤP HÀNH ĐOÀN TỈNH HÀ NAM          ĐOÀN TNCS HỒ CHÍ MINH
                    ***
            Số: 301-KH/TĐTN-VP                    Hà Nam, ngày 12 tháng 3 năm 2024

            KẾ HOẠCH
            Tổ chức Ngày hội thanh niên với văn hóa giao thông

            TM. BAN THƯỜNG VỤ TỈNH ĐOÀN
            BÍ THƯ
            Trần Quang Vinh
            """).Issuer;

        Assert.Equal("Ban Thường vụ Tỉnh đoàn Hà Nam", issuer?.Name);
        Assert.Equal("Ban Chấp hành Đoàn tỉnh Hà Nam", issuer?.Parent);
    }

    [Fact]
    public void A_header_cut_short_is_completed_from_the_sentence_that_issues_the_plan()
    {
        var fields = Extractor.Extract("""
            ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
            Số: 118/KH-UBND | Yên Bái, ngày 03 tháng 6 năm 2024 |
            KẾ HOẠCH
            THỰC HIỆN CHƯƠNG TRÌNH SỮA HỌC ĐƯỜNG NĂM 2024
            Thực hiện Quyết định số 1340/QĐ-TTg ngày 08/7/2016 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:
            I. MỤC TIÊU
            """);

        Assert.Equal(new IssuerInfo("Ủy ban nhân dân tỉnh Yên Bái", null, IssuerLevel.Province, "Yên Bái"), fields.Issuer);
    }

    [Fact]
    public void The_issuer_repeated_under_a_decision_title_completes_a_cut_header()
    {
        var issuer = Extractor.Extract("""
            ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
            Số: 902/QĐ-UBND | Vị Thanh, ngày 19 tháng 6 năm 2024 |
            QUYẾT ĐỊNH
            VỀ VIỆC PHÊ DUYỆT DANH MỤC DỰ ÁN
            CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HẬU GIANG
            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
            """).Issuer;

        Assert.Equal("Ủy ban nhân dân tỉnh Hậu Giang", issuer?.Name);
    }

    [Fact]
    public void A_central_committee_keeps_its_full_name_and_has_no_province()
    {
        var issuer = Extractor.Extract("""
            BAN CHẤP HÀNH TRUNG ƯƠNG                  ĐOÀN TNCS HỒ CHÍ MINH
                    ***
            Số: 95-KH/TWĐTN-TNTH                     Hà Nội, ngày 06 tháng 3 năm 2024

            KẾ HOẠCH
            Triển khai Tháng Thanh niên năm 2024
            """).Issuer;

        Assert.Equal(new IssuerInfo("Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh", null, IssuerLevel.Central, null), issuer);
    }

    [Fact]
    public void A_joint_header_names_the_first_body_and_lists_the_others()
    {
        var fields = Extractor.Extract("""
            ỦY BAN NHÂN DÂN HUYỆN TAM ĐẢO         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            ỦY BAN MTTQ VIỆT NAM HUYỆN TAM ĐẢO        Độc lập - Tự do - Hạnh phúc
            Số: 02/CTrPH-UBND-MTTQ                Tam Đảo, ngày 15 tháng 1 năm 2024
            CHƯƠNG TRÌNH PHỐI HỢP
            Thực hiện dân chủ ở cơ sở năm 2024
            """);

        Assert.Equal("Chương trình phối hợp", fields.DocType);
        Assert.Equal("Ủy ban nhân dân huyện Tam Đảo", fields.Issuer?.Name);
        var partner = Assert.Single(fields.CoIssuers);
        Assert.Equal("Ủy ban MTTQ Việt Nam huyện Tam Đảo", partner.Name);
        Assert.Equal(IssuerLevel.District, partner.Level);
    }

    [Fact]
    public void A_single_body_has_no_co_issuers_and_a_parent_is_not_a_partner()
    {
        var fields = Extractor.Extract("""
            BỘ CÔNG AN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            CÔNG AN TỈNH HÒA BÌNH                     Độc lập - Tự do - Hạnh phúc
            Số: 120/KH-CAT                      Hòa Bình, ngày 02 tháng 2 năm 2024
            KẾ HOẠCH
            Bảo đảm an ninh, trật tự dịp Tết
            """);

        Assert.Empty(fields.CoIssuers);
        Assert.Equal(new IssuerInfo("Công an tỉnh Hòa Bình", "Bộ Công an", IssuerLevel.Province, "Hòa Bình"), fields.Issuer);
    }
}
