using PlanIngest.Extraction.Fields.Vocabulary;

namespace PlanIngest.Extraction.Tests.Fields;

public sealed class BodyNamesTests
{
    [Theory]
    [InlineData("UY BANMTTQ VIETNAM", "Ủy ban MTTQ Việt Nam")]
    [InlineData("BAN THUONG TRUC", "Ban Thường trực")]
    [InlineData("HUYỆN ỦY CHÂU THÀNH", "Huyện ủy Châu Thành")]
    [InlineData("TINH BINH PHUOC", "tỉnh Bình Phước")]
    [InlineData("THỊ XÃ ĐIỆN BÀN", "thị xã Điện Bàn")]
    [InlineData("PANG UY XA TAN PHU", "Đảng ủy xã Tan Phu")]
    public void Header_lines_read_as_canonical_body_names(string line, string expected) =>
        Assert.Equal(expected, BodyNames.Read(line).Text);

    [Fact]
    public void An_unknown_body_keeps_its_own_words() =>
        Assert.Equal("Ban quản lý dự án", BodyNames.Read("BAN QUẢN LÝ DỰ ÁN").Text);
}
