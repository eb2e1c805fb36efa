using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>
/// A date the plan sets; a <see cref="DeadlineKind.Recurring"/> one has no date. Precision is carried by the <see cref="PartialDate"/> itself.
/// </summary>
public sealed record Deadline(
    [property: JsonPropertyOrder(0)] PartialDate? Date,
    [property: JsonPropertyOrder(2)] DeadlineKind Kind,
    [property: JsonPropertyOrder(3)] string Text)
{
    /// <summary>day, month, quarter or year; null for a recurring deadline.</summary>
    [JsonPropertyOrder(1)]
    public string? Precision => Date?.PrecisionName;
}
