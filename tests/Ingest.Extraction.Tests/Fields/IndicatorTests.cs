using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields;

public sealed class IndicatorTests
{
    private static readonly FieldExtractor Extractor = new();

    private static IReadOnlyList<PlanIngest.Extraction.Model.Indicator> Read(string body) =>
        Extractor.Extract("KẾ HOẠCH\nThử nghiệm\n\nI. CHỈ TIÊU\n\n1. Nội dung\n\n" + body + "\n").Indicators;

    [Theory]
    [InlineData("- Ít nhất 90% hồ sơ được xử lý trực tuyến.", 90, "%", ">=")]
    [InlineData("- Tối thiểu 02 lớp bồi dưỡng.", 2, "lớp", ">=")]
    [InlineData("- Đạt 95% cử tri đi bầu cử trở lên.", 95, "%", ">=")]
    [InlineData("- Tỷ lệ hòa giải thành đạt trên 80%.", 80, "%", ">")]
    [InlineData("- Tỷ lệ hồ sơ quá hạn không quá 5%.", 5, "%", "<=")]
    [InlineData("- Giảm tỷ lệ hộ nghèo xuống dưới 3%.", 3, "%", "<")]
    [InlineData("- Phấn đấu đạt 80% hồ sơ trực tuyến.", 80, "%", "=")]
    [InlineData("- 100% khu dân cư đăng ký.", 100, "%", "=")]
    [InlineData("- Trong đó có 82,5% gia đình đạt tiêu chuẩn.", 82.5, "%", "=")]
    [InlineData("- Giải quyết việc làm cho ít nhất 1.200 lao động.", 1200, "lao động", ">=")]
    [InlineData("- Thu nhập đạt 65 triệu đồng/người/năm.", 65, "triệu đồng/người/năm", "=")]
    [InlineData("- Trên 90% tổ chức được xếp loại hoàn thành tốt nhiệm vụ trở lên.", 90, "%", ">")]
    public void Comparators_units_and_values(string line, decimal value, string unit, string comparator)
    {
        var indicator = Assert.Single(Read(line));

        Assert.Equal(value, indicator.Value);
        Assert.Equal(unit, indicator.Unit);
        Assert.Equal(comparator, ContractNames.Of(indicator.Comparator));
        Assert.Equal("I.1", indicator.Section);
    }

    [Fact]
    public void Coordinated_counts_share_their_comparator()
    {
        var indicators = Read("- Mỗi huyện xây dựng ít nhất 01 phóng sự/1 năm và 02 bài viết/1 năm.");

        Assert.Equal([(1m, "phóng sự/1 năm", ">="), (2m, "bài viết/1 năm", ">=")], indicators.Select(i => (i.Value, i.Unit, ContractNames.Of(i.Comparator))));
    }

    [Theory]
    [InlineData("- Thực hiện chất lượng 5 nội dung cuộc vận động.")]
    [InlineData("- Mô hình \"Mỗi ngày tiết kiệm 1.000 đồng để làm việc nghĩa\".")]
    [InlineData("- Bằng khen (Dự kiến 23 tập thể và 24 cá nhân).")]
    [InlineData("- Kỷ niệm 90 năm Ngày truyền thống (18/11/1930 - 18/11/2020).")]
    [InlineData("- Thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023.")]
    public void Descriptions_names_quotas_and_dates_are_not_indicators(string line) =>
        Assert.Empty(Read(line));

    [Theory]
    [InlineData("- Phấn đấu 100% chi bộ trực thuộc tổ chức sinh hoạt chuyên đề.", "chi bộ trực thuộc tổ chức sinh hoạt chuyên đề")]
    [InlineData("- Tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt trên 98%.", "tỷ lệ học sinh tốt nghiệp trung học phổ thông")]
    [InlineData("- Kết nạp mới ít nhất 250 hội viên.", "hội viên kết nạp mới")]
    [InlineData("- Xây dựng ít nhất 12 tủ sách pháp luật trong năm 2025.", "tủ sách pháp luật xây dựng")]
    [InlineData("- Mỗi học sinh đọc tối thiểu 06 cuốn sách/năm học.", "cuốn sách mỗi học sinh đọc")]
    public void The_subject_is_the_short_noun_phrase_measured(string line, string subject)
    {
        var indicator = Assert.Single(Read(line));

        Assert.Equal(subject, indicator.Subject, ignoreCase: true);
    }

    [Theory]
    [InlineData("- Xây dựng ít nhất 12 tủ sách pháp luật.", 12, "tủ sách pháp luật")]
    [InlineData("- Mỗi xã có ít nhất 01 điểm tập kết rác đạt chuẩn.", 1, "điểm tập kết rác")]
    [InlineData("- Trồng mới tối thiểu 3.500 cây xanh.", 3500, "cây xanh")]
    [InlineData("- Thu hút ít nhất 65.000 lượt người tham gia.", 65000, "lượt người")]
    [InlineData("- Mức đóng góp tối thiểu 12.000 đồng/hội viên/năm.", 12000, "đồng/hội viên/năm")]
    public void A_counted_noun_is_a_unit_whether_or_not_a_list_knows_it(string line, decimal value, string unit)
    {
        var indicator = Assert.Single(Read(line));

        Assert.Equal(value, indicator.Value);
        Assert.Equal(unit, indicator.Unit);
    }

    [Fact]
    public void A_baseline_is_not_a_target_but_the_value_it_rises_to_is()
    {
        var indicator = Assert.Single(Read("- Tỷ lệ tiêm chủng đầy đủ tăng từ 71,3% lên 93,7%."));

        Assert.Equal(93.7m, indicator.Value);
    }

    [Theory]
    [InlineData("- Năm 2023, tỷ lệ hộ dùng nước sạch đạt 85%.")]
    [InlineData("- Toàn huyện đã có 45 xã đạt chuẩn nông thôn mới.")]
    [InlineData("- Đến nay, 96% hộ gia đình được cấp giấy chứng nhận.")]
    public void Results_told_in_the_past_are_not_targets(string line) =>
        Assert.Empty(Extractor.Extract("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n\nI. CHỈ TIÊU\n\n" + line + "\n").Indicators);

    [Fact]
    public void A_results_section_reports_and_the_targets_section_aims()
    {
        var indicators = Extractor.Extract("""
            KẾ HOẠCH
            Thử nghiệm

            I. KẾT QUẢ THỰC HIỆN NĂM 2024

            - Đạt 92% hồ sơ giải quyết đúng hạn.

            II. CHỈ TIÊU NĂM 2025

            - Đạt ít nhất 98% hồ sơ giải quyết đúng hạn.
            """).Indicators;

        var target = Assert.Single(indicators);
        Assert.Equal(98m, target.Value);
        Assert.Equal("II", target.Section);
    }

    [Fact]
    public void Seed_000_reads_the_voter_turnout_target()
    {
        var indicators = Extractor.Extract(TestFiles.ReadSeed("000")).Indicators;

        var turnout = Assert.Single(indicators, i => i.Value == 95m);
        Assert.Equal("%", turnout.Unit);
        Assert.Equal(Comparator.AtLeast, turnout.Comparator);
        Assert.Equal("II.5", turnout.Section);
        Assert.Contains(indicators, i => i.Value == 82.5m && i.Unit == "%");
    }
}
