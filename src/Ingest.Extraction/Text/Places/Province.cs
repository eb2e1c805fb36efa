namespace PlanIngest.Extraction.Text.Places;

/// <summary>A province or centrally-run city of one era (or of both, when the reorganisation left it as it was).</summary>
/// <param name="Code">The statistics office's two-digit code; a post-2025 province keeps the code of the province it grew from.</param>
/// <param name="Type"><see cref="UnitType.Province"/> or <see cref="UnitType.CentralCity"/>.</param>
/// <param name="Name">The proper name, NFC, new-style tone placement ("Hòa Bình", "Bà Rịa - Vũng Tàu").</param>
/// <param name="Before2025">One of the 63 provinces before 1 July 2025.</param>
/// <param name="From2025">One of the 34 provinces from 1 July 2025.</param>
/// <param name="SuccessorCode">For a pre-2025 province, the code of the post-2025 province it became part of.</param>
public sealed record Province(string Code, UnitType Type, string Name, bool Before2025, bool From2025, string? SuccessorCode)
{
    /// <summary>"tỉnh Bình Phước", "thành phố Hồ Chí Minh".</summary>
    public string FullName => $"{Type.Word()} {Name}";

    public bool In(AdministrativeEra era) => era == AdministrativeEra.Before2025 ? Before2025 : From2025;
}
