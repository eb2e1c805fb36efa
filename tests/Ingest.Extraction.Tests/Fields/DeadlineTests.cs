using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields;

public sealed class DeadlineTests
{
    private static readonly FieldExtractor Extractor = new();

    private static IReadOnlyList<(string? Date, string Kind)> Read(string body) =>
        Extractor.Extract("KẾ HOẠCH\nThử nghiệm\n\nI. TỔ CHỨC\n\n" + body + "\n").Deadlines
            .Select(d => (d.Date?.ToString(), ContractNames.Of(d.Kind))).ToList();

    [Fact]
    public void Due_dates() =>
        Assert.Equal([("2021-03-19", "due"), ("2023-05-31", "due")], Read("Gửi về Ban chậm nhất trước 19/03/2021.\nBáo cáo chậm nhất ngày 31/5/2023."));

    [Fact]
    public void A_period_gives_start_and_end_and_a_missing_year_comes_from_the_other_end() =>
        Assert.Equal([("2020-02", "start"), ("2020-05", "end")], Read("Giai đoạn I: Từ tháng 02 đến hết tháng 5/2020."));

    [Fact]
    public void Events_at_month_quarter_year_and_day_precision() =>
        Assert.Equal(
            [("2024-12", "event"), ("2022-Q3", "event"), ("2022", "event"), ("2025-08-19", "event")],
            Read("Tổng kết trong tháng 12/2024.\nKiểm tra (quý III/2022).\nGiám sát vào năm 2022.\nTổ chức Ngày hội vào ngày 19/8/2025."));

    [Fact]
    public void Recurrences_have_no_date_and_a_recurring_noun_is_not_one()
    {
        var read = Read("Định kỳ 6 tháng, tổng hợp báo cáo.\nChương trình công tác hằng năm của Ban.\nLồng ghép trong báo cáo định kỳ, gửi về Ban.");

        Assert.Equal([(null, "recurring")], read);
    }

    [Fact]
    public void Anniversaries_and_cited_document_dates_are_not_deadlines() =>
        Assert.Empty(Read("Kỷ niệm 90 năm Ngày truyền thống (18/11/1930 - 18/11/2020) theo Chỉ thị số 34-CT/TW ngày 07/4/2014."));

    [Fact]
    public void A_tradition_is_not_an_anniversary_and_a_doubled_slash_still_reads() =>
        Assert.Equal([("2023-Q3", "event")], Read("Tổ chức hội thi tìm hiểu truyền thống trong quý III//2023."));

    [Fact]
    public void Yearly_work_is_recurring_and_a_year_named_with_trong_nam_is_an_event() =>
        Assert.Equal(
            [(null, "recurring"), ("2025", "event")],
            Read("Tổ chức hội nghị sơ kết hằng năm.\nHoàn thành việc rà soát trong năm 2025."));

    [Fact]
    public void A_quarter_or_a_day_and_month_without_a_year_recurs() =>
        Assert.Equal(
            [(null, "recurring"), (null, "recurring")],
            Read("Báo cáo kết quả trong quý IV.\nGửi báo cáo về Ban trước ngày 15/12."));

    [Fact]
    public void The_deadline_keeps_its_sentence_as_text()
    {
        var deadline = Assert.Single(Extractor.Extract("KẾ HOẠCH\nThử nghiệm\n\nI. TỔ CHỨC\n\nCác đơn vị gửi báo cáo về Phòng Nội vụ trước ngày 20/11/2025.\n").Deadlines);

        Assert.Contains("trước ngày 20/11/2025", deadline.Text);
    }

    [Fact]
    public void Seed_000_has_its_due_date()
    {
        var deadlines = Extractor.Extract(TestFiles.ReadSeed("000")).Deadlines;

        var due = Assert.Single(deadlines, d => d.Kind == DeadlineKind.Due);
        Assert.Equal("2021-03-19", due.Date?.ToString());
        Assert.Equal("day", due.Precision);
    }
}
