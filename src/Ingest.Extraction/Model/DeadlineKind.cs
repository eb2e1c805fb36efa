using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>What a plan's date means (CONTRACT.md §1a <c>deadlines[].kind</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    /// <summary>To be done or sent by the date (trước, chậm nhất, hoàn thành trong).</summary>
    [JsonStringEnumMemberName("due")] Due,

    /// <summary>The first bound of a "từ … đến …" period.</summary>
    [JsonStringEnumMemberName("start")] Start,

    /// <summary>The last bound of a period.</summary>
    [JsonStringEnumMemberName("end")] End,

    /// <summary>Held on or within a date, month, quarter or year.</summary>
    [JsonStringEnumMemberName("event")] Event,

    /// <summary>định kỳ, hằng năm, or a date without a year: no date of its own.</summary>
    [JsonStringEnumMemberName("recurring")] Recurring,
}
