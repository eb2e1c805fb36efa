using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields;

/// <summary>Preamble shapes seen in published documents (testdata/corpus/LAYOUTS.md), written anew.</summary>
public sealed class LegalBasisTests
{
    private static readonly FieldExtractor Extractor = new();

    private static IReadOnlyList<DocumentReference> Bases(string preamble) =>
        Extractor.Extract("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\n\n" + preamble + "\n\nI. MỤC ĐÍCH\n").LegalBases;

    private static (string? Type, string? Number, string? Date, string? Issuer) Row(DocumentReference b) =>
        (b.DocType, b.Number, b.Date?.ToString(), b.Issuer);

    [Fact]
    public void Leads_other_than_can_cu()
    {
        var bases = Bases("""
            Căn cứ vào Quyết định số 15/QĐ-UBND ngày 03/01/2024 của Ủy ban nhân dân huyện;

            Căn cứ kết quả thực hiện Kế hoạch số 20a/KH-UBND ngày 10/02/2023 của Ủy ban nhân dân xã;

            Trên cơ sở Nghị quyết số 09/NQ-HĐND ngày 20/12/2023 của Hội đồng nhân dân xã,
            """);

        Assert.Equal(
            [("Quyết định", "15/QĐ-UBND", "2024-01-03", "Ủy ban nhân dân huyện"), ("Kế hoạch", "20a/KH-UBND", "2023-02-10", "Ủy ban nhân dân xã"), ("Nghị quyết", "09/NQ-HĐND", "2023-12-20", "Hội đồng nhân dân xã")],
            bases.Select(Row));
    }

    [Fact]
    public void Laws_named_before_their_number_and_laws_without_one()
    {
        var bases = Bases("""
            Căn cứ Luật Phòng, chống thiên tai số 33/2013/QH13 ngày 19/6/2013;

            Căn cứ Luật Thủy lợi ngày 19 tháng 6 năm 2017; Luật Lâm nghiệp năm 2017;
            """);

        Assert.Equal(
            [("Luật", "33/2013/QH13", "2013-06-19", null), ("Luật", null, "2017-06-19", null), ("Luật", null, "2017", null)],
            bases.Select(Row));
    }

    [Fact]
    public void A_plural_lead_gives_every_item_its_type_and_issuer_the_first_too()
    {
        var bases = Bases("Căn cứ các Nghị quyết của Hội đồng nhân dân tỉnh: số 31/NQ-HĐND ngày 07/12/2023 về kế hoạch đầu tư công; số 32/NQ-HĐND ngày 07/12/2023 về dự toán ngân sách;");

        Assert.Equal(
            [("Nghị quyết", "31/NQ-HĐND", "2023-12-07", "Hội đồng nhân dân tỉnh"), ("Nghị quyết", "32/NQ-HĐND", "2023-12-07", "Hội đồng nhân dân tỉnh")],
            bases.Select(Row));
    }

    [Fact]
    public void Two_numbers_share_one_date_and_issuer()
    {
        var bases = Bases("Căn cứ Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị;");

        Assert.Equal(
            [("Quyết định", "217-QĐ/TW", "2013-12-12", "Bộ Chính trị"), ("Quyết định", "218-QĐ/TW", "2013-12-12", "Bộ Chính trị")],
            bases.Select(Row));
    }

    [Fact]
    public void Glued_type_words_and_a_title_ending_in_a_year_range_that_does_not_end_the_preamble()
    {
        var bases = Bases("""
            Căn cứ Quyết địnhsố 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ phê duyệt Chương trình phát triển vùng đồng bào dân tộc thiểu số giai đoạn 2021 - 2030
            Căn cứ Nghị quyết số 12/NQ-HĐND ngày 08/12/2023 của Hội đồng nhân dân tỉnh;
            """);

        Assert.Equal(["1719/QĐ-TTg", "12/NQ-HĐND"], bases.Select(b => b.Number));
        Assert.Equal("Quyết định", bases[0].DocType);
    }

    [Fact]
    public void A_document_named_inside_another_subject_is_cited_not_relied_on()
    {
        var fields = Extractor.Extract("""
            KẾ HOẠCH
            Học tập chuyên đề năm 2024

            Thực hiện Kế hoạch số 45-KH/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:

            I. MỤC ĐÍCH
            """);

        Assert.Equal("45-KH/TU", Assert.Single(fields.LegalBases).Number);
        Assert.Contains(fields.Citations, c => c.Number == "05-CT/TW");
    }
}
