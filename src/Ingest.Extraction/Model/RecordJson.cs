using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>
/// The JSON shape of CONTRACT.md §1: <c>source</c>, then the fields flat, then what the contract adds
/// for re-extraction (<c>normalizer_warnings</c>, <c>extractor_version</c>), then the pages. The catalog
/// stores this same JSON, so <see cref="FromJson"/> reads back what <see cref="ToJson"/> writes.
/// </summary>
public static class RecordJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Vietnamese stays readable in the output instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static JsonObject ToJson(DocumentRecord record, bool includePages = true)
    {
        var json = new JsonObject { ["source"] = JsonSerializer.SerializeToNode(record.Source, Options) };
        var fields = JsonSerializer.SerializeToNode(record.Fields, Options)!.AsObject();
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            json[name] = value;
        }

        json["normalizer_warnings"] = JsonSerializer.SerializeToNode(record.NormalizerWarnings, Options);
        json["extractor_version"] = record.ExtractorVersion;
        if (includePages)
        {
            json["pages"] = JsonSerializer.SerializeToNode(record.Pages, Options);
        }

        return json;
    }

    /// <summary>A record from its JSON; pages are empty when the JSON was written without them.</summary>
    /// <exception cref="JsonException">The JSON is not a record.</exception>
    public static DocumentRecord FromJson(string json)
    {
        var node = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("not a JSON object");
        var source = node["source"].Deserialize<SourceInfo>(Options) ?? throw new JsonException("record without source");
        var fields = node.Deserialize<ExtractedFields>(Options) ?? ExtractedFields.Empty;
        var pages = node["pages"].Deserialize<List<PageText>>(Options) ?? [];
        return new DocumentRecord(source, pages, fields)
        {
            ExtractorVersion = node["extractor_version"]?.GetValue<string>() ?? string.Empty,
            NormalizerWarnings = node["normalizer_warnings"].Deserialize<List<string>>(Options) ?? [],
        };
    }
}
