using PlanIngest.Search.Facets;

namespace PlanIngest.Search.Tests.Facets;

public sealed class FacetDimensionTests
{
    [Theory]
    [InlineData("Ủy ban nhân dân tỉnh Bình Phước", "UBND tỉnh Bình Phước")]
    [InlineData("Uỷ ban nhân dân huyện Thanh Sơn", "UBND huyện Thanh Sơn")]
    [InlineData("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Bình Phước", "BTT UBMTTQVN tỉnh Bình Phước")]
    [InlineData("Ban Thường vụ Tỉnh ủy", "BTV TU")]
    public void Spellings_of_one_body_share_a_key(string one, string other) =>
        Assert.Equal(FacetDimension.Issuer.KeyOf(one), FacetDimension.Issuer.KeyOf(other));

    [Fact]
    public void A_word_is_expanded_only_where_it_is_an_abbreviation()
    {
        // "Tư pháp" is the justice office, not "Tỉnh ủy pháp".
        Assert.Equal("so tu phap tinh nam dinh", FacetDimension.Issuer.KeyOf("Sở Tư pháp tỉnh Nam Định"));
    }

    [Theory]
    [InlineData("Phú Thọ", "tỉnh Phú Thọ")]
    [InlineData("Hà Nội", "thành phố Hà Nội")]
    public void A_province_is_keyed_without_its_unit_word(string name, string withUnit) =>
        Assert.Equal(FacetDimension.Province.KeyOf(name), FacetDimension.Province.KeyOf(withUnit));

    [Fact]
    public void Labels_use_new_style_tone_marks()
    {
        Assert.Equal("Ủy ban nhân dân huyện Thanh Sơn", FacetDimension.Issuer.LabelOf("Uỷ ban nhân dân huyện Thanh Sơn"));
        Assert.Equal("13/CT-UBND", FacetDimension.Cites.LabelOf("13/CT - UBND"));
    }

    [Fact]
    public void Names_are_the_contract_facets()
    {
        Assert.Equal(["doc_type", "issuer", "province", "level", "year", "cites", "campaign"], FacetDimension.All.Select(d => d.Name));
        Assert.Null(FacetDimension.Find("colour"));
        Assert.Same(FacetDimension.Level, FacetDimension.Find(" Level "));
    }
}
