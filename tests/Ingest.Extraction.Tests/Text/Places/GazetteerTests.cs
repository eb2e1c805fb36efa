using PlanIngest.Extraction.Text;
using PlanIngest.Extraction.Text.Places;

namespace PlanIngest.Extraction.Tests.Text.Places;

/// <summary>The gazetteer's data holds together, and its lookups ignore case, marks and tone placement.</summary>
public sealed class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Shared;

    [Fact]
    public void There_are_63_provinces_before_the_reorganisation_and_34_after_with_distinct_codes()
    {
        var before = Gazetteer.Provinces(AdministrativeEra.Before2025);
        var after = Gazetteer.Provinces(AdministrativeEra.From2025);

        Assert.Equal(63, before.Select(p => p.Code).Distinct().Count());
        Assert.Equal(63, before.Count);
        Assert.Equal(34, after.Select(p => p.Code).Distinct().Count());
        Assert.Equal(34, after.Count);
        Assert.Equal(5, before.Count(p => p.Type == UnitType.CentralCity));
        Assert.Equal(6, after.Count(p => p.Type == UnitType.CentralCity));
    }

    [Fact]
    public void Every_old_province_became_part_of_a_new_one_and_every_new_one_has_its_old_parts()
    {
        foreach (var old in Gazetteer.Provinces(AdministrativeEra.Before2025))
        {
            Assert.NotNull(Gazetteer.SuccessorOf(old));
        }

        var parts = Gazetteer.Provinces(AdministrativeEra.From2025).Sum(p => Gazetteer.PredecessorsOf(p).Count);
        Assert.Equal(63, parts);
        Assert.Equal("Đồng Nai", Gazetteer.SuccessorOf(Gazetteer.FindProvince("Bình Phước")!)!.Name);
        Assert.Equal(["Hòa Bình", "Phú Thọ", "Vĩnh Phúc"], Gazetteer.PredecessorsOf(Gazetteer.FindProvince("Phú Thọ", AdministrativeEra.From2025)!).Select(p => p.Name).Order());
    }

    [Fact]
    public void About_seven_hundred_district_level_units_were_listed_before_July_2025_each_under_a_province()
    {
        var listed = Gazetteer.Districts.Where(d => d.ListedIn2025).ToList();

        Assert.InRange(listed.Count, 680, 720);
        Assert.All(Gazetteer.Provinces(AdministrativeEra.Before2025), p => Assert.True(listed.Count(d => Gazetteer.ProvinceOf(d) == p) >= 5, p.Name));
        Assert.Equal(listed.Count, listed.Select(d => d.Code).Distinct().Count());
        Assert.Contains(listed, d => d.Type == UnitType.UrbanDistrict);
        Assert.Contains(listed, d => d.Type == UnitType.Town);
        Assert.Contains(listed, d => d.Type == UnitType.ProvincialCity);
    }

    [Fact]
    public void About_ten_thousand_communes_before_July_2025_and_3321_after_each_under_a_known_unit()
    {
        var communes = Gazetteer.Communes;
        var districtCodes = Gazetteer.Districts.Select(d => d.Code).ToHashSet();
        var provinceCodes = Gazetteer.Provinces(AdministrativeEra.From2025).Select(p => "p" + p.Code).ToHashSet();

        Assert.Equal(3321, communes.Count(c => c.From2025));
        Assert.InRange(communes.Count(c => !c.From2025), 10_000, 13_000);
        Assert.All(communes, c => Assert.True(c.From2025 ? provinceCodes.Contains(c.ParentCode) : districtCodes.Contains(c.ParentCode), c.FullName));
        Assert.Contains(communes, c => c is { Type: UnitType.Ward, Name: "Phúc Xá", ParentCode: "001" });
        Assert.Contains(communes, c => c.Type == UnitType.Township);
        Assert.Contains(communes, c => c.Type == UnitType.SpecialZone && c.From2025);
    }

    [Theory]
    [InlineData("Hòa Bình", "Hoà Bình")]
    [InlineData("Khánh Hòa", "Khánh Hoà")]
    [InlineData("Thanh Hóa", "Thanh Hoá")]
    [InlineData("Thanh Hóa", "THANH HOÁ")]
    [InlineData("Hòa Bình", "hoa binh")]
    [InlineData("Bà Rịa - Vũng Tàu", "Bà Rịa–Vũng Tàu")]
    [InlineData("Hồ Chí Minh", "TP. Hồ Chí Minh")]
    [InlineData("Hồ Chí Minh", "Thành phố Hồ Chí Minh")]
    [InlineData("Bình Phước", "tỉnh Bình Phước")]
    public void Province_names_compare_equal_whatever_the_tone_placement_case_or_type_word(string name, string written)
    {
        var province = Gazetteer.FindProvince(written);

        Assert.NotNull(province);
        Assert.Equal(name, province.Name);
    }

    [Fact]
    public void Names_are_stored_in_new_style_tone_placement()
    {
        var names = Gazetteer.Provinces(AdministrativeEra.Before2025).Concat(Gazetteer.Provinces(AdministrativeEra.From2025)).Select(p => p.Name)
            .Concat(Gazetteer.Districts.Select(d => d.Name));

        Assert.All(names, n => Assert.Equal(ToneMarks.Canonicalize(n), n));
        Assert.Contains(Gazetteer.Districts, d => d.Name == "Thủy Nguyên");
    }

    [Fact]
    public void Huế_is_a_province_only_after_the_reorganisation_and_Thừa_Thiên_Huế_only_before()
    {
        Assert.Null(Gazetteer.FindProvince("Huế"));
        Assert.Equal(UnitType.CentralCity, Gazetteer.FindProvince("Huế", AdministrativeEra.From2025)!.Type);
        Assert.Equal("Huế", Gazetteer.SuccessorOf(Gazetteer.FindProvince("Thừa Thiên - Huế")!)!.Name);
    }

    [Fact]
    public void A_district_name_finds_every_province_that_has_one_and_a_type_word_must_match()
    {
        var chauThanh = Gazetteer.FindDistricts("Chau Thanh");
        Assert.True(chauThanh.Count >= 8);
        Assert.Contains(chauThanh, d => Gazetteer.ProvinceOf(d).Name == "Bến Tre");

        var dienBan = Assert.Single(Gazetteer.FindDistricts("THỊ XÃ ĐIỆN BÀN"));
        Assert.Equal("Quảng Nam", Gazetteer.ProvinceOf(dienBan).Name);
        Assert.Empty(Gazetteer.FindDistricts("huyện Điện Bàn"));
        Assert.Equal("Hồ Chí Minh", Gazetteer.ProvinceOf(Assert.Single(Gazetteer.FindDistricts("Quận 1"))).Name);
    }

    [Fact]
    public void A_unit_renamed_or_upgraded_since_2019_is_kept_under_its_old_type()
    {
        Assert.False(Assert.Single(Gazetteer.FindDistricts("huyện Việt Yên")).ListedIn2025);
        Assert.True(Assert.Single(Gazetteer.FindDistricts("thị xã Việt Yên")).ListedIn2025);
    }
}
