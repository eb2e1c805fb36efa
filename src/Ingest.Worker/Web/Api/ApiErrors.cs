using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PlanIngest.Worker.Web.Api;

/// <summary>Errors of CONTRACT.md §5: <c>{ "error": "…" }</c> with 400 (bad parameter), 401 (no key) or 404 (unknown id).</summary>
internal static class ApiErrors
{
    public static IResult BadRequest(string message) => WebJson.Of(Body(message), StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) => WebJson.Of(Body(message), StatusCodes.Status404NotFound);

    /// <summary>For middleware, which answers before any endpoint runs.</summary>
    public static Task Write(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(Body(message).ToJsonString(WebJson.Options));
    }

    private static JsonObject Body(string message) => new() { ["error"] = message };
}
