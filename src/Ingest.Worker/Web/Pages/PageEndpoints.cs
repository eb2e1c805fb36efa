using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PlanIngest.Worker.Web.Pages;

/// <summary>The server-rendered pages (Vietnamese, no script needed); any other address is a 404 page.</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", SearchPageEndpoint.Handle);
        app.MapGet("/documents/{id}", DocumentPageEndpoint.HandleAsync);
        app.MapGet("/go", DocumentPageEndpoint.GoAsync);
        app.MapGet("/compare", ComparePageEndpoint.Handle);
        app.MapGet("/status", StatusPageEndpoint.HandleAsync);
        // The handler checks the anti-forgery token itself, after reading the form under its own size limits.
        app.MapPost("/upload", StatusPageEndpoint.UploadAsync);
        app.MapFallback(() => PageResults.Message("Không có trang này", "Địa chỉ không trỏ tới trang nào của PlanIngest.", StatusCodes.Status404NotFound));
    }
}
