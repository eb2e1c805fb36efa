using PlanIngest.Extraction.Fields;

namespace PlanIngest.Extraction.Tests.Fields;

public sealed class NumberSymbolTests
{
    [Theory]
    [InlineData("51/KH-MTTQ-BTT", "51/KH-MTTQ-BTT")]
    [InlineData("/51 /KH-MTTQ-BTT", "51/KH-MTTQ-BTT")]
    [InlineData("58-KH/BDVHU", "58-KH/BDVHU")]
    [InlineData("330-KHITU", "330-KH/TU")]
    [InlineData("979-QB/HU", "979-QĐ/HU")]
    [InlineData("30/2020/NĐ-CP", "30/2020/NĐ-CP")]
    [InlineData("13/2023/NQ-HPND", "13/2023/NQ-HĐND")]
    [InlineData("242/QD-MTTQ-BTT", "242/QĐ-MTTQ-BTT")]
    [InlineData("42- NQ/TW", "42-NQ/TW")]
    [InlineData("06-CTr/TU", "06-CTr/TU")]
    public void Reads_and_repairs_one_symbol(string written, string expected)
    {
        var symbol = NumberSymbol.ReadAt(new FoldedText(written), 0);

        Assert.NotNull(symbol);
        Assert.Equal([expected], symbol.Numbers);
    }

    [Theory]
    [InlineData("20a/KH-UBND", "20a/KH-UBND")]
    [InlineData("445-KL/TƯ", "445-KL/TƯ")]
    [InlineData("12-CTr/ĐU", "12-CTr/ĐU")]
    public void Letters_after_the_number_and_party_symbols_are_kept(string written, string expected) =>
        Assert.Equal([expected], NumberSymbol.ReadAt(new FoldedText(written), 0)!.Numbers);

    [Fact]
    public void A_number_written_without_its_dash_has_the_same_key() =>
        Assert.Equal(
            PlanIngest.Extraction.Model.DocumentNumber.KeyFor("66/NQ-HĐND"),
            PlanIngest.Extraction.Model.DocumentNumber.KeyFor(NumberSymbol.ReadAt(new FoldedText("66/NQHĐND"), 0)!.Numbers[0]));

    [Fact]
    public void A_list_of_numbers_gives_one_number_each()
    {
        var symbol = NumberSymbol.ReadAt(new FoldedText("217, 218-QĐ/TW"), 0);

        Assert.Equal(["217-QĐ/TW", "218-QĐ/TW"], symbol!.Numbers);
    }

    [Theory]
    [InlineData("29/12/2020")]
    [InlineData("quý 1/2024")]
    [InlineData("01 phóng sự/1 năm")]
    [InlineData("COVID - 19")]
    [InlineData("0933.778.155")]
    public void Dates_counts_and_names_are_not_symbols(string text) =>
        Assert.Empty(NumberSymbol.FindAll(new FoldedText(text)));
}
