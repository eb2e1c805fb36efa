using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Text;

/// <summary>The character encoding a text turned out to be written in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LegacyEncoding>))]
public enum LegacyEncoding
{
    /// <summary>Unicode (or plain ASCII): never converted.</summary>
    [JsonStringEnumMemberName("unicode")] Unicode,

    /// <summary>TCVN 5712:1993 "ABC" fonts (.VnTime): one byte per precomposed letter, read as Latin-1 (<c>Ch­¬ng tr×nh</c>).</summary>
    [JsonStringEnumMemberName("tcvn3")] Tcvn3,

    /// <summary>VNI-Windows fonts: a base letter followed by a mark byte, read as Latin-1 (<c>Keá hoaïch</c>).</summary>
    [JsonStringEnumMemberName("vni")] Vni,
}
