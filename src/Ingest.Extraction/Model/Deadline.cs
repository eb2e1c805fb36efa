namespace PlanIngest.Extraction.Model;

/// <summary>
/// A date the plan sets. <paramref name="Kind"/> is due, start, end, event or recurring; a recurring one
/// has no date. Precision is carried by the <see cref="PartialDate"/> itself.
/// </summary>
public sealed record Deadline(PartialDate? Date, string Kind, string Text)
{
    public string? Precision => Date?.PrecisionName;
}
