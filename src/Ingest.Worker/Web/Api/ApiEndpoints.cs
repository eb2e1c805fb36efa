using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PlanIngest.Worker.Web.Api;

/// <summary>The JSON API of CONTRACT.md §5 under <c>/api</c>; anything else under it is a 404 in the same JSON shape.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<BadInputFilter>();
        SearchApi.Map(api);
        DocumentApi.Map(api);
        CompareApi.Map(api);
        StatusApi.Map(api);
        DeadlineApi.Map(api);
        api.Map("/{**rest}", (HttpRequest request) => ApiErrors.NotFound($"no such endpoint: {request.Method} {request.Path}"));
    }
}
