using Microsoft.AspNetCore.Http;
using PlanIngest.Search.Query;

namespace PlanIngest.Worker.Web.Api;

/// <summary>Turns a bad parameter or an unrunnable query, wherever in an API endpoint it is found, into a 400 with its one-line reason.</summary>
internal sealed class BadInputFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (BadParameterException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
        catch (BadQueryException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
    }
}
