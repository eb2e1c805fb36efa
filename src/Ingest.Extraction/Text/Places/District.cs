namespace PlanIngest.Extraction.Text.Places;

/// <summary>A district-level unit (quận, huyện, thị xã, thành phố thuộc tỉnh) of a pre-2025 province.</summary>
/// <param name="Code">The statistics office's three-digit code.</param>
/// <param name="ProvinceCode">The code of its pre-2025 province.</param>
/// <param name="Name">The proper name, NFC, new-style tone placement; Hồ Chí Minh City's numbered quận are digits ("1").</param>
/// <param name="ListedIn2025">
/// Still in the last list before 1 July 2025; false for a unit merged, renamed or upgraded since 2019
/// ("huyện Việt Yên" became "thị xã Việt Yên"), which documents of its time still name.
/// </param>
public sealed record District(string Code, string ProvinceCode, UnitType Type, string Name, bool ListedIn2025)
{
    /// <summary>"huyện Nghĩa Hưng", "thị xã Điện Bàn".</summary>
    public string FullName => $"{Type.Word()} {Name}";
}
