using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>The tier of government or Party a body belongs to (CONTRACT.md §1a <c>issuer.level</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IssuerLevel>))]
public enum IssuerLevel
{
    /// <summary>Central: the Politburo, the Government, a ministry.</summary>
    [JsonStringEnumMemberName("trung ương")] Central,

    /// <summary>A province or centrally run city, and its Sở, Tỉnh đoàn, provincial associations.</summary>
    [JsonStringEnumMemberName("tỉnh")] Province,

    /// <summary>A district, thị xã or provincial city.</summary>
    [JsonStringEnumMemberName("huyện")] District,

    /// <summary>A commune, ward or township.</summary>
    [JsonStringEnumMemberName("xã")] Commune,
}
