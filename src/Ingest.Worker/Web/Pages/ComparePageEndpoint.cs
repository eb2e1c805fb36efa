using Microsoft.AspNetCore.Http;
using PlanIngest.Search.Compare;
using PlanIngest.Search.Query;
using PlanIngest.Worker.Web.Api;

namespace PlanIngest.Worker.Web.Pages;

/// <summary><c>GET /compare?q=…&amp;issuer=…&amp;from=…&amp;to=…</c>: the comparison page, on the parameters of <c>/api/compare</c>.</summary>
internal static class ComparePageEndpoint
{
    public static IResult Handle(HttpRequest request, IndicatorComparer comparer)
    {
        string Raw(string name) => request.Query[name].FirstOrDefault()?.Trim() ?? string.Empty;
        var view = new CompareView(Raw("q"), Raw("issuer"), Raw("from"), Raw("to"), null, null);
        if (view.Subject.Length == 0)
        {
            return PageResults.Render<ComparePage>(new { View = view });
        }

        try
        {
            var compare = CompareParameters.Read(QueryReader.Lenient(request.Query));
            return PageResults.Render<ComparePage>(new { View = view with { Result = comparer.Compare(compare) } });
        }
        catch (Exception e) when (e is BadParameterException or BadQueryException)
        {
            return PageResults.Render<ComparePage>(new { View = view with { Error = PageMessages.InVietnamese(e.Message) } }, StatusCodes.Status400BadRequest);
        }
    }
}
