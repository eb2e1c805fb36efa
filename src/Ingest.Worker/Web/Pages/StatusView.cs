using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Antiforgery;
using PlanIngest.Worker.Web.Uploads;

namespace PlanIngest.Worker.Web.Pages;

/// <summary>
/// What the status page shows, read from the JSON of <c>status --json</c> (the same the API answers, so
/// the two never disagree), with the upload form's settings and the outcome of an upload just made.
/// </summary>
public sealed record StatusView(JsonObject Status, UploadForm? Upload, IReadOnlyList<UploadOutcome> Outcomes)
{
    public bool WorkerRunning => Status["worker"]?["running"]?.GetValue<bool>() ?? false;

    public string? Paused => Text(Status["worker"]?["paused"]);

    public string? StorageProblem => Text(Status["storage"]?["problem"]);

    public string? Inbox => Text(Status["inbox"]?["path"]);

    public int? InboxWaiting => Status["inbox"]?["waiting"]?.GetValue<int?>();

    /// <summary>Documents in the catalog, where the status reports it without a job queue.</summary>
    public int? Documents => Status["documents"]?.GetValue<int>();

    /// <summary>Counts per job state, in the worker's order (queued, reading, extracted, indexed, failed).</summary>
    public IReadOnlyList<(string State, int Count)> Counts =>
        Status["counts"] is JsonObject counts ? counts.Select(c => (c.Key, c.Value?.GetValue<int>() ?? 0)).ToList() : [];

    public IReadOnlyList<JsonObject> Queue => Objects(Status["queue"]);

    public IReadOnlyList<JsonObject> Failures => Objects(Status["recent_failures"]);

    public static string StateName(string state) => state switch
    {
        "queued" => "Đang chờ",
        "reading" => "Đang đọc",
        "extracted" => "Đã trích xuất, chờ lập chỉ mục",
        "indexed" => "Đã xong",
        "failed" => "Không đọc được",
        _ => state,
    };

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    private static IReadOnlyList<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>().ToList() : [];
}

/// <summary>The upload form's settings and its anti-forgery token.</summary>
public sealed record UploadForm(AntiforgeryTokenSet Token, long MaxBytes, int MaxFiles);
