using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields;

/// <summary>
/// Texts that are not administrative documents (a news story with a dateline, a chat, a letter in English):
/// they share words, places and dates with the plans but have no header, so nothing of a header is invented.
/// </summary>
public sealed class NonAdministrativeTests
{
    private static readonly FieldExtractor Extractor = new();

    private static readonly string[] Samples =
    [
        """
        Cần Thơ: Hơn 3.000 đoàn viên ra quân Chiến dịch Mùa hè xanh

        CẦN THƠ, ngày 14/6/2025 – Sáng nay, Thành đoàn Cần Thơ tổ chức lễ ra quân với sự tham gia của hơn 3.000
        đoàn viên, thanh niên. Theo Kế hoạch số 45/KH-TĐTN, chiến dịch kéo dài đến ngày 31/8/2025, phấn đấu
        xây dựng ít nhất 20 công trình thanh niên.

        Ông Trần Văn Tâm, Bí thư Thành đoàn, cho biết năm nay chiến dịch tập trung vào chuyển đổi số.

        Minh Khoa
        """,
        """
        [08:12] Lan: chị ơi kế hoạch 12/KH-UBND ngày 3/4 gửi huyện chưa ạ
        [08:13] Hà: chưa em, chiều nay chị trình ký, hạn 15/4 là phải xong
        [08:13] Hà: em xem lại giúp chị chỉ tiêu 95% nhé
        [08:14] Lan: dạ vâng
        """,
        """
        Hanoi, 5 March 2025

        Dear Ms Nguyen,

        Thank you for your letter about the provincial plan on digital transformation. We would be glad to
        support at least 20 training courses in Quang Ninh before 30 June 2025, as agreed with the Department.

        Yours sincerely,
        John Carter
        Programme Director
        """,
    ];

    public static TheoryData<string> Texts => new(Samples);

    [Theory]
    [MemberData(nameof(Texts))]
    public void No_header_value_is_invented(string text)
    {
        var fields = Extractor.Extract(text);

        Assert.Null(fields.DocType);
        Assert.Null(fields.Number);
        Assert.Null(fields.Issuer);
        Assert.Empty(fields.CoIssuers);
        Assert.Null(fields.Place);
        Assert.Null(fields.IssuedDate);
        Assert.Null(fields.Title);
        Assert.Empty(fields.Years);
        Assert.Empty(fields.LegalBases);
        Assert.Empty(fields.Indicators);
        Assert.Empty(fields.Deadlines);
        Assert.Null(fields.Signer);
        Assert.Empty(fields.Recipients);
    }

    [Fact]
    public void A_news_story_still_cites_the_plan_it_names()
    {
        var fields = Extractor.Extract(Samples[0]);

        Assert.Equal(["45/KH-TĐTN"], fields.Citations.Select(c => c.Number));
    }
}
