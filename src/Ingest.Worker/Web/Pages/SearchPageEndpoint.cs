using Microsoft.AspNetCore.Http;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Query;
using PlanIngest.Worker.Web.Api;

namespace PlanIngest.Worker.Web.Pages;

/// <summary><c>GET /</c>: the search page, on the same parameters as <c>/api/search</c>, every facet counted.</summary>
internal static class SearchPageEndpoint
{
    private const int FacetValuesShown = 12;

    private static readonly IReadOnlyList<string> AllFacets = FacetDimension.All.Select(d => d.Name).ToList();

    public static IResult Handle(HttpRequest request, PlanSearcher searcher)
    {
        var reader = QueryReader.Lenient(request.Query);
        SearchRequest search;
        try
        {
            search = SearchParameters.Read(reader, SearchState.PageSize, SearchState.PageSize, AllFacets) with { FacetLimit = FacetValuesShown };
        }
        catch (BadParameterException e)
        {
            return Failed(request, e.Message);
        }

        var state = new SearchState(search.Text, search.Cites, search.Filters, search.Offset);
        try
        {
            return PageResults.Render<SearchPage>(new { State = state, Response = searcher.Search(search) });
        }
        catch (BadQueryException e)
        {
            return PageResults.Render<SearchPage>(new { State = state, Error = PageMessages.InVietnamese(e.Message) }, StatusCodes.Status400BadRequest);
        }
    }

    // The box keeps what was typed, so the mistake can be corrected in place.
    private static IResult Failed(HttpRequest request, string reason)
    {
        var text = request.Query["q"].FirstOrDefault() ?? string.Empty;
        var state = new SearchState(text.Length > SearchParameters.MaxQueryLength ? text[..SearchParameters.MaxQueryLength] : text, null, [], 0);
        return PageResults.Render<SearchPage>(new { State = state, Error = PageMessages.InVietnamese(reason) }, StatusCodes.Status400BadRequest);
    }
}
