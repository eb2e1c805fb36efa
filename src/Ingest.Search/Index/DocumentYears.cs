using PlanIngest.Extraction.Model;

namespace PlanIngest.Search.Index;

/// <summary>The years a plan is filed under: the years it covers, or else the year it was issued.</summary>
public static class DocumentYears
{
    public static IReadOnlyList<int> Of(ExtractedFields fields) =>
        fields.Years.Count > 0 ? fields.Years : fields.IssuedDate is { } issued ? [issued.Year] : [];

    /// <summary>
    /// The one year a plan's targets are for, when comparing across years: the year it covers when it
    /// covers one; for a multi-year plan the year it was issued (its targets are set then); else the first.
    /// </summary>
    public static int? TargetYear(ExtractedFields fields) =>
        fields.Years.Count == 1 ? fields.Years[0] : fields.IssuedDate?.Year ?? (fields.Years.Count > 0 ? fields.Years[0] : null);
}
