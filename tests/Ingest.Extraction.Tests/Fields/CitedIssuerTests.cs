using PlanIngest.Extraction.Fields;

namespace PlanIngest.Extraction.Tests.Fields;

/// <summary>
/// The issuer of a cited document as the text words it (CONTRACT.md §1a): where its name ends after the
/// number, and where it is named before the number. Numbers and sentences are made up for these tests.
/// </summary>
public sealed class CitedIssuerTests
{
    private static readonly FieldExtractor Extractor = new();

    private static string? IssuerOf(string body, string number)
    {
        var text = $"""
            ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            HUYỆN ĐÔNG SƠN                     Độc lập - Tự do - Hạnh phúc
            Số: 301/KH-UBND                      Đông Sơn, ngày 02/3/2024
            KẾ HOẠCH
            Thử nghiệm năm 2024

            {body}

            I. NỘI DUNG
            1. Tổ chức thực hiện.
            """;
        return Extractor.Extract(text).Citations.Single(c => c.Number == number).Issuer;
    }

    [Theory]
    [InlineData("Căn cứ Thông tư số 11/2022/TT-BVHTTDL ngày 03/5/2022 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch quy định tiêu chuẩn xét tặng danh hiệu;", "11/2022/TT-BVHTTDL", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch")]
    [InlineData("Căn cứ Kế hoạch số 77/KH-UBND ngày 20/3/2024 của Ủy ban nhân dân (UBND) tỉnh Thanh Hóa về tổ chức thực hiện;", "77/KH-UBND", "Ủy ban nhân dân (UBND) tỉnh Thanh Hóa")]
    [InlineData("Thực hiện Hướng dẫn số 04/HD-BCĐ ngày 02/4/2024 của Ban Chỉ đạo Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tỉnh về bình xét;", "04/HD-BCĐ", "Ban Chỉ đạo Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tỉnh")]
    [InlineData("Căn cứ Quyết định số 51/QĐ-UBND ngày 26/02/2024 của Ủy ban nhân dân tỉnh công bố hiện trạng rừng năm 2023;", "51/QĐ-UBND", "Ủy ban nhân dân tỉnh")]
    [InlineData("Xét Báo cáo thẩm tra số 19/BC-KTNS ngày 11/8/2024 của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh và ý kiến thảo luận của đại biểu;", "19/BC-KTNS", "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh")]
    [InlineData("Căn cứ Quy định số 31-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương thi hành Điều lệ Đảng;", "31-QĐ/TW", "Ban Chấp hành Trung ương")]
    [InlineData("Căn cứ Nghị quyết số 09-NQ/TW ngày 10/10/2023 của Bộ Chính trị (khóa XIII) về phát triển văn hóa;", "09-NQ/TW", "Bộ Chính trị")]
    [InlineData("Thực hiện Công văn số 905/BGTVT-VT ngày 07/3/2024 của Bộ Giao thông vận tải tại cuộc họp giao ban;", "905/BGTVT-VT", "Bộ Giao thông vận tải")]
    [InlineData("Thực hiện Hướng dẫn số 71-HD/BTGTW ngày 22/02/2024 của Ban Tuyên giáo Trung ương tuyên truyền kỷ niệm ngày sinh;", "71-HD/BTGTW", "Ban Tuyên giáo Trung ương")]
    [InlineData("Căn cứ Quyết định số 31/2022/QĐ-TTg ngày 16/7/20 22 của Thủ tướng Chính phủ quy định quy trình;", "31/2022/QĐ-TTg", "Thủ tướng Chính phủ")]
    public void The_issuer_after_the_number_ends_where_the_body_name_ends(string body, string number, string issuer) =>
        Assert.Equal(issuer, IssuerOf(body, number));

    [Theory]
    [InlineData("Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 612/TTr-STP ngày 30/7/2024.", "612/TTr-STP", "Giám đốc Sở Tư pháp")]
    [InlineData("Thực hiện ý kiến chỉ đạo của Thường trực Huyện ủy tại Thông báo số 88-TB/HU ngày 20/02/2024, Ủy ban nhân dân huyện ban hành Kế hoạch.", "88-TB/HU", "Thường trực Huyện ủy")]
    [InlineData("Năm 2023, Ủy ban nhân dân xã đã ban hành Kế hoạch số 14/KH-UBND ngày 26/02/2023 triển khai đến các thôn.", "14/KH-UBND", "Ủy ban nhân dân xã")]
    [InlineData("Ngay sau đó, Đảng ủy xã ban hành Nghị quyết chuyên đề số 03-NQ/ĐU ngày 05/3/2024 về giao thông nông thôn.", "03-NQ/ĐU", "Đảng ủy xã")]
    [InlineData("Theo đề nghị của Sở Nội vụ (cơ quan Thường trực Hội đồng Thi đua - Khen thưởng tỉnh) tại Tờ trình số 52/TTr-SNV ngày 23/01/2024,", "52/TTr-SNV", "Sở Nội vụ")]
    [InlineData("Thực hiện chỉ đạo cấp trên, ngày 04/5/2024 UBND tỉnh đã ban hành Quyết định số 979/QĐ-UBND về khen thưởng.", "979/QĐ-UBND", "UBND tỉnh")]
    public void Without_an_issuer_after_the_number_the_body_named_before_it_is_taken(string body, string number, string issuer) =>
        Assert.Equal(issuer, IssuerOf(body, number));

    [Fact]
    public void A_word_that_names_no_body_before_the_number_is_not_an_issuer() =>
        Assert.Null(IssuerOf("Các xã đã ban hành Kế hoạch số 14/KH-UBND ngày 26/02/2023 triển khai đến các thôn.", "14/KH-UBND"));

    [Fact]
    public void The_issuer_after_the_number_wins_over_the_one_before() =>
        Assert.Equal("Văn phòng Chính phủ", IssuerOf("Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ tại Thông báo số 203/TB-VPCP ngày 25/7/2024 của Văn phòng Chính phủ về phòng, chống dịch;", "203/TB-VPCP"));

    [Fact]
    public void The_issuer_a_plural_lead_names_goes_to_every_listed_citation()
    {
        const string body = "Căn cứ các Thông tư của Bộ Lao động - Thương binh và Xã hội: số 05/2023/TT-BLĐTBXH ngày 18/7/2023 hướng dẫn rà soát; số 09/2024/TT-BLĐTBXH ngày 30/3/2024 sửa đổi một số điều;";

        Assert.Equal("Bộ Lao động - Thương binh và Xã hội", IssuerOf(body, "05/2023/TT-BLĐTBXH"));
        Assert.Equal("Bộ Lao động - Thương binh và Xã hội", IssuerOf(body, "09/2024/TT-BLĐTBXH"));
    }
}
