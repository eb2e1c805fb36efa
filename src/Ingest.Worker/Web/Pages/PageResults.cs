using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PlanIngest.Worker.Web.Pages;

/// <summary>Renders a page component on the server (static rendering: plain HTML, no circuit, no script needed).</summary>
internal static class PageResults
{
    public static IResult Render<TPage>(object parameters, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new RazorComponentResult<TPage>(parameters) { StatusCode = status };

    public static IResult Message(string title, string message, int status) =>
        Render<MessagePage>(new { Title = title, Message = message }, status);
}
