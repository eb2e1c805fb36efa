using PlanIngest.Extraction.Fields;

namespace PlanIngest.Extraction.Tests.Fields;

public sealed class DateReaderTests
{
    [Theory]
    [InlineData("ngày 29/12/2020", "2020-12-29")]
    [InlineData("ngày 3 tháng 03 năm 2021", "2021-03-03")]
    [InlineData("ngay 3 thdang 03 ndm 2021", "2021-03-03")]
    [InlineData("tháng 12/2024", "2024-12")]
    [InlineData("quý III/2022", "2022-Q3")]
    [InlineData("quý 1/2024", "2024-Q1")]
    [InlineData("năm 2025", "2025")]
    public void Reads_each_style_at_its_precision(string text, string iso)
    {
        var folded = new FoldedText(text).Folded;

        Assert.Equal(iso, DateReader.ReadAt(folded, 0)?.Date?.ToString());
    }

    [Fact]
    public void An_impossible_date_is_no_date() =>
        Assert.Null(DateReader.ReadAt("ngay 31/02/2021", 0)?.Date);

    [Fact]
    public void A_yearless_date_is_read_only_when_asked_and_has_no_date()
    {
        Assert.Null(DateReader.ReadAt("15/10", 0));
        var read = DateReader.ReadAt("15/10", 0, allowYearless: true);
        Assert.NotNull(read);
        Assert.Null(read.Date);
        Assert.Equal(10, read.Month);
    }
}
