using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Web.Api;

/// <summary>
/// The API's JSON: the contract's shapes from the CLI's own writers, compact and with Vietnamese
/// letters as they are, byte for byte what <c>--json</c> prints. It is served as
/// <c>application/json</c> with <c>nosniff</c>, so a browser never reads a document's text in it as markup.
/// </summary>
internal static class WebJson
{
    public static JsonSerializerOptions Options { get; } = new(RecordJson.Options) { WriteIndented = false };

    public static IResult Of(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(Options), "application/json; charset=utf-8", statusCode: status);
}
