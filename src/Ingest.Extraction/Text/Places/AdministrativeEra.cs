namespace PlanIngest.Extraction.Text.Places;

/// <summary>
/// Which map a name belongs to. On 1 July 2025 the 63 provinces became 34 and the district level was
/// abolished; the archive's documents are mostly older.
/// </summary>
public enum AdministrativeEra
{
    /// <summary>The 63 provinces and their districts (as listed from 2019 to March 2025).</summary>
    Before2025,

    /// <summary>The 34 provinces from 1 July 2025.</summary>
    From2025,
}
