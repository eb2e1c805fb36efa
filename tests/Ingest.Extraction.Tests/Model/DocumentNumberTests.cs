using FsCheck;
using FsCheck.Xunit;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Model;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("13/CT-UBND", "13/CT-UBND")]
    [InlineData("13/CT-UBND", "Số: 13/CT-UBND")]
    [InlineData("13/CT-UBND", "so 13/ct-ubnd")]
    [InlineData("13/CT-UBND", "S6: /13 /CT-UBND")]
    [InlineData("13/CT-UBND", "13 / CT - UBND")]
    [InlineData("13/CT-UBND", "13/CT/UBND")]
    [InlineData("01/CT-UBND", "1/CT-UBND")]
    [InlineData("66/NQ-HĐND", "66/NQHĐND")]
    [InlineData("66/NQ-HĐND", "66/NQ-HDND")]
    [InlineData("66/NQ-HĐND", "66/NQ-HPND")]
    [InlineData("330-KH/TU", "330-KHITU")]
    [InlineData("979-QĐ/HU", "979-QB/HU")]
    [InlineData("979-QĐ/HU", "979-QD/HU")]
    [InlineData("58-KH/BDVHU", "58/KH-BDVHU")]
    [InlineData("30/2020/NĐ-CP", "30/2020/ND-CP")]
    public void Spellings_of_one_number_share_a_key(string clean, string other)
    {
        var a = DocumentNumber.Parse(clean).Value;
        var b = DocumentNumber.Parse(other).Value;

        Assert.Equal(a.Key, b.Key);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("13/CT-UBND", "14/CT-UBND")]
    [InlineData("13/CT-UBND", "13/CT-TU")]
    [InlineData("13/CT-UBND", "13/2020/CT-UBND")]
    [InlineData("58-KH/BDVHU", "58-KH/TU")]
    public void Different_numbers_differ(string one, string other) =>
        Assert.NotEqual(DocumentNumber.Parse(one).Value.Key, DocumentNumber.Parse(other).Value.Key);

    [Fact]
    public void Text_is_the_repaired_number_without_spaces()
    {
        Assert.Equal("330-KH/TU", DocumentNumber.Parse("330-KHITU").Value.Text);
        Assert.Equal("13/CT-UBND", DocumentNumber.Parse("Số: 13 /CT-UBND").Value.Text);
        Assert.Equal("13/ctubnd", DocumentNumber.Parse("Số: 13 /CT-UBND").Value.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("UBND")]
    [InlineData("29/12/2020")]
    [InlineData("ngày 13 tháng 3")]
    [InlineData("13/CT-UBND ngày 29/12/2020 của Ủy ban")]
    public void Text_that_is_not_one_number_fails_with_a_reason(string text)
    {
        var result = DocumentNumber.Parse(text);

        Assert.False(result.Success);
        Assert.False(string.IsNullOrEmpty(result.Error));
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void A_list_is_several_numbers_not_one()
    {
        Assert.False(DocumentNumber.Parse("217, 218-QĐ/TW").Success);
        var all = DocumentNumber.ParseAll("Quyết định số 217, 218-QĐ/TW".Replace("Quyết định ", string.Empty)).Value.Numbers;
        Assert.Equal(["217-QĐ/TW", "218-QĐ/TW"], all.Select(n => n.Text));
    }

    [Property(MaxTest = 300)]
    public void Parse_never_throws_and_its_key_is_stable(NonNull<string> text)
    {
        var result = DocumentNumber.Parse(text.Get);
        if (result.TryGetValue(out var number))
        {
            Assert.Equal(number.Key, DocumentNumber.Parse(number.Text).Value.Key);
        }
    }

    [Fact]
    public void Default_value_is_empty_not_null()
    {
        var none = default(DocumentNumber);

        Assert.Equal(string.Empty, none.Key);
        Assert.Equal(string.Empty, none.ToString());
    }
}
