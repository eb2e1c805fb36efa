using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

public sealed class LookAlikesTests
{
    [Fact]
    public void Eth_and_fraction_slash_become_the_vietnamese_letter_and_a_slash()
    {
        var normalized = new TextNormalizer().Process("Số 12-KH/ÐTN, thực hiện trong quý III⁄2023 của Ðoàn");

        Assert.Equal("Số 12-KH/ĐTN, thực hiện trong quý III/2023 của Đoàn", normalized.Text);
        Assert.Equal(2, normalized.Changes.Count(c => c.Reason == ChangeReasons.LookAlike));
    }

    [Fact]
    public void Text_without_look_alikes_is_untouched()
    {
        var normalized = new TextNormalizer().Process("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Nghệ An");

        Assert.Empty(normalized.Changes);
    }

    [Fact]
    public void A_symbol_written_with_eth_is_read_as_the_vietnamese_number_after_normalising()
    {
        var fields = new PlanIngest.Extraction.Fields.FieldExtractor().Extract(new TextNormalizer().Normalize("KẾ HOẠCH\nThử nghiệm\n\nCăn cứ Quyết định số 24-QÐ/TW ngày 10/5/2021 của Ban Bí thư;\n"));

        Assert.Contains(fields.Citations, c => c.Number == "24-QĐ/TW");
    }
}
