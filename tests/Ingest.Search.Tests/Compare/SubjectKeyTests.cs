using PlanIngest.Search.Compare;

namespace PlanIngest.Search.Tests.Compare;

public sealed class SubjectKeyTests
{
    [Theory]
    [InlineData("tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa")]
    [InlineData("hộ gia đình văn hóa")]
    [InlineData("Phấn đấu 85% hộ gia đình đạt danh hiệu \"Gia đình văn hóa\".")]
    [InlineData("Tỷ lệ hộ gia đình văn hoá đạt 87% trở lên.")]
    [InlineData("Phấn đấu 80% gia đình đạt chuẩn văn hóa trên địa bàn tỉnh.")]
    [InlineData("GIA ĐÌNH VĂN HOÁ")]
    [InlineData("gia dinh van hoa")]
    public void Wordings_of_one_subject_share_a_key(string wording) =>
        Assert.Equal("gia dinh van hoa", SubjectKey.Of(wording));

    [Theory]
    [InlineData("hộ nghèo", "ho ngheo")]
    [InlineData("Giảm tỷ lệ hộ nghèo toàn huyện xuống dưới 3%", "giam ty le ho ngheo toan huyen xuong")]
    [InlineData("Tỷ lệ khu dân cư văn hoá đạt 75%", "khu dan cu van hoa")]
    [InlineData("thôn đạt chuẩn văn hóa", "thon van hoa")]
    public void Other_subjects_keep_their_own_words(string wording, string key) =>
        Assert.Equal(key, SubjectKey.Of(wording));

    [Fact]
    public void The_label_is_the_indicator_own_words_for_the_subject()
    {
        Assert.Equal("gia đình văn hóa", SubjectKey.Read("Phấn đấu 80% gia đình đạt chuẩn văn hoá trên địa bàn tỉnh.").Label);
        Assert.Equal("gia đình văn hóa", SubjectKey.Read("Phấn đấu 85% hộ gia đình đạt danh hiệu \"Gia đình văn hóa\".").Label);
    }

    [Fact]
    public void A_subject_matches_a_query_by_whole_words_in_order()
    {
        Assert.True(SubjectKey.Matches("gia dinh van hoa tieu bieu", "gia dinh van hoa"));
        Assert.False(SubjectKey.Matches("gia dinh van hoang", "gia dinh van hoa"));
        Assert.False(SubjectKey.Matches("van hoa gia dinh", "gia dinh van hoa"));
    }
}
