using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>The JSON shape of CONTRACT.md §1: <c>source</c>, then the fields flat, then the pages.</summary>
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

        if (includePages)
        {
            json["pages"] = JsonSerializer.SerializeToNode(record.Pages, Options);
        }

        return json;
    }
}
