using System.Text.Json.Nodes;

namespace PlanIngest.Worker.Web.Status;

/// <summary>
/// What <c>/api/status</c> and the status page show: the JSON of <c>planingest status --json</c> (the
/// worker's counts per state, its queue and recent failures with their reasons).
/// </summary>
public interface IWorkerStatus
{
    Task<JsonObject> ReadAsync(CancellationToken cancellationToken);
}
