using PlanIngest.Extraction.Fields;

namespace PlanIngest.Extraction.Tests.Fields;

public sealed class ReferenceTests
{
    private static readonly FieldExtractor Extractor = new();

    private const string Plan = """
        ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        HUYỆN NGHĨA HƯNG                    Độc lập - Tự do - Hạnh phúc
        Số: 86/KH-UBND                      Nghĩa Hưng, ngày 02/3/2024
        KẾ HOẠCH
        Thực hiện Kế hoạch số 45/KH-UBND năm 2024

        Căn cứ Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW; Kế hoạch số 45/KH-UBND ngày 12/02/2024 của UBND tỉnh Nam Định; Chương trình công tác năm 2024 của Huyện ủy, UBND huyện ban hành Kế hoạch như sau:

        I. NỘI DUNG
        1. Học tập Quyết định số 217, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị. Kế hoạch số 86/KH-UBND được phổ biến.
        """;

    [Fact]
    public void Legal_bases_are_the_clause_opening_references_of_the_preamble()
    {
        var bases = Extractor.Extract(Plan).LegalBases;

        Assert.Equal(["01-KL/TW", "45/KH-UBND", null], bases.Select(b => b.Number));
        Assert.Equal("2021-05-18", bases[0].Date?.ToString());
        Assert.Equal("Bộ Chính trị", bases[0].Issuer);
        Assert.Equal("UBND tỉnh Nam Định", bases[1].Issuer);
        Assert.Equal("Chương trình", bases[2].DocType);
    }

    [Fact]
    public void Citations_merge_by_number_split_lists_and_leave_out_the_own_number()
    {
        var citations = Extractor.Extract(Plan).Citations;

        Assert.DoesNotContain(citations, c => c.Number == "86/KH-UBND");
        Assert.Equal(2, citations.Single(c => c.Number == "45/KH-UBND").Count);
        Assert.Equal("2024-02-12", citations.Single(c => c.Number == "45/KH-UBND").Date?.ToString());
        Assert.Contains(citations, c => c.Number == "05-CT/TW" && c.DocType == "Chỉ thị");
        Assert.Contains(citations, c => c.Number == "217-QĐ/TW" && c.Issuer == "Bộ Chính trị");
        Assert.Contains(citations, c => c.Number == "218-QĐ/TW" && c.Date?.ToString() == "2013-12-12");
        Assert.Contains(citations, c => c.Number is null && c.DocType == "Chương trình");
    }

    [Fact]
    public void Seed_000_yields_its_two_legal_bases_with_dates()
    {
        var fields = Extractor.Extract(TestFiles.ReadSeed("000"));

        Assert.Equal(["13/CT-UBND", "242/QĐ-MTTQ-BTT"], fields.LegalBases.Select(b => b.Number));
        Assert.Equal(["2020-12-29", "2021-02-04"], fields.LegalBases.Select(b => b.Date?.ToString()));
    }

    [Fact]
    public void Seed_004_without_header_has_its_two_legal_bases_and_both_quoted_decisions()
    {
        var fields = Extractor.Extract(TestFiles.ReadSeed("004"));

        Assert.Equal(["16/CT-UBND", "4088/KH-UBND"], fields.LegalBases.Select(b => b.Number));
        Assert.Equal(2, fields.Citations.Single(c => c.Number == "217-QĐ/TW").Count);
        Assert.Equal(2, fields.Citations.Single(c => c.Number == "218-QĐ/TW").Count);
    }
}
