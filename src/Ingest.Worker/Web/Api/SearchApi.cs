using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanIngest.Search.Query;
using PlanIngest.Worker.Cli;

namespace PlanIngest.Worker.Web.Api;

/// <summary><c>GET /api/search?q=…&amp;cites=…&amp;facet=NAME&amp;filter=NAME:VALUE&amp;limit=N&amp;offset=N</c>: the JSON of CONTRACT.md §2.</summary>
internal static class SearchApi
{
    /// <summary>Hits one call may ask for (the searcher itself allows more; an API client pages instead).</summary>
    public const int MaxLimit = 100;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search", (HttpRequest request, PlanSearcher searcher) =>
        {
            var search = SearchParameters.Read(new QueryReader(request.Query, SearchParameters.ApiNames), defaultLimit: 10, MaxLimit);
            return WebJson.Of(SearchCommand.ToJson(searcher.Search(search)));
        });
}
