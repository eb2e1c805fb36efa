using PlanIngest.Extraction.Fields;

namespace PlanIngest.Extraction.Tests.Fields;

public sealed class SignatureAndListsTests
{
    private static readonly FieldExtractor Extractor = new();

    [Fact]
    public void On_behalf_lines_are_joined_title_and_name_read_from_a_flattened_column()
    {
        const string tail = """
            KẾ HOẠCH
            Thử nghiệm

            I. NỘI DUNG

            Nơi nhận: TM. ỦY BAN NHÂN DÂN
            - Bộ Thông tin và Truyền thông; KT. CHỦ TỊCH
            - Thường trực Tỉnh ủy; PHÓ CHỦ TỊCH
            - CT, các PCT UBND tỉnh (b/c);
            - Lưu: VT, KGVX. Đại tá Trần Phước Hiền
            """;

        var fields = Extractor.Extract(tail);

        Assert.Equal(new("TM. Ủy ban nhân dân / KT. Chủ tịch", "Phó chủ tịch", "Trần Phước Hiền"), fields.Signer);
        Assert.Equal(["Bộ Thông tin và Truyền thông", "Thường trực Tỉnh ủy", "CT, các PCT UBND tỉnh"], fields.Recipients);
    }

    [Fact]
    public void Seed_004_signer_and_recipients_without_the_archive_line()
    {
        var fields = Extractor.Extract(TestFiles.ReadSeed("004"));

        Assert.Null(fields.Signer?.OnBehalf);
        Assert.Equal("Trưởng ban", fields.Signer?.Title);
        Assert.Equal("Đặng Hồng Sỹ", fields.Signer?.Name);
        Assert.Equal("Kế hoạch", fields.DocType);
        Assert.Null(fields.Number);
        Assert.DoesNotContain(fields.Recipients, r => r.Contains("Lưu", StringComparison.Ordinal));
        Assert.Contains("Trưởng Khối thi đua 6 (Ban Tuyên giáo Tỉnh ủy)", fields.Recipients);
    }

    [Fact]
    public void A_document_without_signature_has_a_null_signer() =>
        Assert.Null(Extractor.Extract(TestFiles.ReadSeed("002")).Signer);

    [Fact]
    public void Campaigns_are_quoted_movement_names_once_each_and_not_slogans_or_funds()
    {
        const string text = """
            KẾ HOẠCH
            Thử nghiệm

            I. NỘI DUNG
            Thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, “Người Việt Nam ưu tiên dùng hàng Việt Nam”; xây dựng “Quỹ vì người nghèo”; phương châm “Hai chân - Ba mũi”; danh hiệu “Gia đình văn hóa”; Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”.
            """;

        Assert.Equal(
            ["Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", "Người Việt Nam ưu tiên dùng hàng Việt Nam"],
            Extractor.Extract(text).Campaigns);
    }

    [Fact]
    public void A_campaign_is_found_by_its_quotes_after_a_movement_word_not_by_a_list()
    {
        // Names made up for this test: no list anywhere holds them.
        const string text = """
            KẾ HOẠCH
            Thử nghiệm

            I. NỘI DUNG
            Hưởng ứng phong trào thi đua "Ngõ xóm sáng đèn, bến sông sạch rác" và đợt thi đua "Trăm ngày làm đường giao thông nông thôn"; khen thưởng tập thể "Tiêu biểu".
            """;

        Assert.Equal(
            ["Ngõ xóm sáng đèn, bến sông sạch rác", "Trăm ngày làm đường giao thông nông thôn"],
            Extractor.Extract(text).Campaigns);
    }

    [Fact]
    public void A_campaign_named_only_in_the_title_is_found_and_a_bracketed_abbreviation_may_follow_the_lead()
    {
        // Names made up for this test.
        const string text = """
            KẾ HOẠCH
            Thực hiện cuộc vận động “Mỗi xóm một vườn cây ăn quả” năm 2024

            I. NỘI DUNG
            1. Ban Chỉ đạo cuộc vận động (BCĐ CVĐ) “Đường làng không rác thải” hướng dẫn các thôn; xây dựng mô hình “Vườn mẫu”.
            """;

        Assert.Equal(["Mỗi xóm một vườn cây ăn quả", "Đường làng không rác thải"], Extractor.Extract(text).Campaigns);
    }
}
