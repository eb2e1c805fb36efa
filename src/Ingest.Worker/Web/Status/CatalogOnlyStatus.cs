using System.Text.Json.Nodes;

namespace PlanIngest.Worker.Web.Status;

/// <summary>
/// Status where no worker's job queue can be read: what the catalog and the index hold, and that no
/// worker is known to run. The fields it has are named as in <c>status --json</c>.
/// </summary>
internal sealed class CatalogOnlyStatus(WebData data) : IWorkerStatus
{
    public async Task<JsonObject> ReadAsync(CancellationToken cancellationToken)
    {
        var catalogued = await data.Catalog.CountAsync(cancellationToken);
        var lag = Math.Max(0, await data.Catalog.LastSequenceAsync(cancellationToken) - data.Index.Committed.Sequence);
        return new JsonObject
        {
            ["data"] = data.Folder.Root,
            ["worker"] = new JsonObject { ["running"] = false, ["pid"] = null, ["paused"] = null },
            ["documents"] = catalogued,
            ["index"] = new JsonObject { ["documents"] = data.Index.Count, ["behind_catalog"] = lag },
        };
    }
}
