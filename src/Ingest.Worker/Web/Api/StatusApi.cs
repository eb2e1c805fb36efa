using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanIngest.Worker.Web.Status;

namespace PlanIngest.Worker.Web.Api;

/// <summary><c>GET /api/status</c>: the JSON of <c>planingest status --json</c>.</summary>
internal static class StatusApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/status", async (HttpRequest request, IWorkerStatus status, CancellationToken token) =>
        {
            _ = new QueryReader(request.Query);
            return WebJson.Of(await status.ReadAsync(token));
        });
}
