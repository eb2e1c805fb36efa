using System.Text.Json.Nodes;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Cli;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Web.Status;

/// <summary>
/// The worker's status as <c>planingest status --json</c> prints it, read afresh for each request from the
/// data folder (catalog job states, the worker's lock and note), so it is right whether the worker runs in
/// this process, in another one, or not at all.
/// </summary>
internal sealed class WorkerStatusReport(DataFolder folder) : IWorkerStatus
{
    /// <summary>As many queued jobs and failures as <c>status</c> lists.</summary>
    private const int Listed = 20;

    public async Task<JsonObject> ReadAsync(CancellationToken cancellationToken) =>
        await StatusReport.ReadAsync(folder, Listed, cancellationToken) is { } report
            ? StatusCommand.ToJson(report)
            : new JsonObject { ["data"] = folder.Root, ["error"] = "no catalog here" };
}
