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

    /// <summary>xã: commune level.</summary>
    Commune,

    /// <summary>phường: an urban commune-level unit.</summary>
    Ward,

    /// <summary>thị trấn: the town of a huyện (commune level, until July 2025).</summary>
    Township,

    /// <summary>đặc khu: an island special zone (commune level, from July 2025).</summary>
    SpecialZone,
}

/// <summary>The Vietnamese words of <see cref="UnitType"/>.</summary>
public static class UnitTypes
{
    /// <summary>The word a document writes before the name: "tỉnh", "thành phố", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "đặc khu".</summary>
    public static string Word(this UnitType type) => type switch
    {
        UnitType.Province => "tỉnh",
        UnitType.CentralCity or UnitType.ProvincialCity => "thành phố",
        UnitType.UrbanDistrict => "quận",
        UnitType.District => "huyện",
        UnitType.Town => "thị xã",
        UnitType.Commune => "xã",
        UnitType.Ward => "phường",
        UnitType.Township => "thị trấn",
        UnitType.SpecialZone => "đặc khu",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool IsProvinceLevel(this UnitType type) => type is UnitType.Province or UnitType.CentralCity;
}
