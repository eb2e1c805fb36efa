using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>How a target relates to its value (CONTRACT.md §1a): "ít nhất 95%" is <see cref="AtLeast"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Comparator>))]
public enum Comparator
{
    /// <summary>đạt X, phấn đấu đạt X, a bare 100%.</summary>
    [JsonStringEnumMemberName("=")] Equal,

    /// <summary>ít nhất, tối thiểu, trở lên, từ … trở lên.</summary>
    [JsonStringEnumMemberName(">=")] AtLeast,

    /// <summary>trên.</summary>
    [JsonStringEnumMemberName(">")] MoreThan,

    /// <summary>không quá.</summary>
    [JsonStringEnumMemberName("<=")] AtMost,

    /// <summary>dưới.</summary>
    [JsonStringEnumMemberName("<")] LessThan,
}
