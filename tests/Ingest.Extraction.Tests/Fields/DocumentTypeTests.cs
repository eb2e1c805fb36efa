using PlanIngest.Extraction.Fields;

namespace PlanIngest.Extraction.Tests.Fields;

/// <summary>Headers of other types than Kế hoạch: the type word, or none (a Công văn), and the subject.</summary>
public sealed class DocumentTypeTests
{
    private static readonly FieldExtractor Extractor = new();

    private static string Header(string typeAndTitle) => $"""
        ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        HUYỆN KIM SƠN                             Độc lập - Tự do - Hạnh phúc
        Số: 140/UBND-VP                      Kim Sơn, ngày 10 tháng 10 năm 2024
        {typeAndTitle}
        """;

    [Fact]
    public void A_letter_with_a_subject_line_is_a_cong_van_titled_by_its_subject()
    {
        var fields = Extractor.Extract(Header("""
            V/v rà soát hộ gia đình chưa có
            nhà vệ sinh hợp vệ sinh

            Kính gửi: Ủy ban nhân dân các xã, thị trấn.

            Thực hiện Công văn số 2201/SYT-NVY ngày 02/10/2024 của Sở Y tế, Ủy ban nhân dân huyện đề nghị:
            1. Các xã hoàn thành rà soát trước ngày 25/10/2024.
            """));

        Assert.Equal("Công văn", fields.DocType);
        Assert.Equal("rà soát hộ gia đình chưa có nhà vệ sinh hợp vệ sinh", fields.Title);
        Assert.Equal("2201/SYT-NVY", Assert.Single(fields.LegalBases).Number);
        Assert.Equal("2024-10-25", Assert.Single(fields.Deadlines).Date?.ToString());
    }

    [Theory]
    [InlineData("CHƯƠNG TRÌNH PHỐI HỢP", "Chương trình phối hợp")]
    [InlineData("BÁO CÁO", "Báo cáo")]
    [InlineData("THÔNG BÁO", "Thông báo")]
    [InlineData("TỜ TRÌNH", "Tờ trình")]
    [InlineData("HƯỚNG DẪN", "Hướng dẫn")]
    [InlineData("ĐỀ ÁN", "Đề án")]
    [InlineData("KẾT LUẬN", "Kết luận")]
    [InlineData("K ÉT LUẬN", "Kết luận")]
    [InlineData("QUY CHẾ", "Quy chế")]
    public void The_type_line_names_the_type(string typeLine, string type)
    {
        var fields = Extractor.Extract(Header(typeLine + "\nVề công tác phòng, chống thiên tai năm 2025\n\nI. MỤC ĐÍCH"));

        Assert.Equal(type, fields.DocType);
        Assert.Equal("Về công tác phòng, chống thiên tai năm 2025", fields.Title);
        Assert.Equal([2025], fields.Years);
    }
}
