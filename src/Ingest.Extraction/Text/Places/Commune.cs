namespace PlanIngest.Extraction.Text.Places;

/// <summary>A commune-level unit (xã, phường, thị trấn; đặc khu from 1 July 2025).</summary>
/// <param name="ParentCode">
/// Before 1 July 2025 the code of its district (<see cref="District.Code"/>); from then on, when districts were
/// abolished, "p" and the code of its province.
/// </param>
/// <param name="Type">Its unit type: <see cref="UnitType.Commune"/>, <see cref="UnitType.Ward"/>, <see cref="UnitType.Township"/> or <see cref="UnitType.SpecialZone"/>.</param>
/// <param name="Name">The proper name, NFC, new-style tone placement; numbered wards are digits ("1").</param>
public sealed record Commune(string ParentCode, UnitType Type, string Name)
{
    /// <summary>One of the communes of the 34 provinces from 1 July 2025.</summary>
    public bool From2025 => ParentCode.StartsWith('p');

    /// <summary>"xã Tịnh Khê", "phường Phúc Xá".</summary>
    public string FullName => $"{Type.Word()} {Name}";
}
