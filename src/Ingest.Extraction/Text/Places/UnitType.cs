namespace PlanIngest.Extraction.Text.Places;

/// <summary>The kind of an administrative unit, as documents write it before the unit's proper name.</summary>
public enum UnitType
{
    /// <summary>tỉnh</summary>
    Province,

    /// <summary>thành phố trực thuộc trung ương (Hà Nội, Hồ Chí Minh …): province level.</summary>
    CentralCity,

    /// <summary>quận: an urban district of a centrally-run city.</summary>
    UrbanDistrict,

    /// <summary>huyện</summary>
    District,

    /// <summary>thị xã</summary>
    Town,

    /// <summary>thành phố thuộc tỉnh: district level.</summary>
    ProvincialCity,
}

/// <summary>The Vietnamese words of <see cref="UnitType"/>.</summary>
public static class UnitTypes
{
    /// <summary>The word a document writes before the name: "tỉnh", "thành phố", "quận", "huyện", "thị xã".</summary>
    public static string Word(this UnitType type) => type switch
    {
        UnitType.Province => "tỉnh",
        UnitType.CentralCity or UnitType.ProvincialCity => "thành phố",
        UnitType.UrbanDistrict => "quận",
        UnitType.District => "huyện",
        UnitType.Town => "thị xã",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool IsProvinceLevel(this UnitType type) => type is UnitType.Province or UnitType.CentralCity;
}
