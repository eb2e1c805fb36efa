using PlanIngest.Search.Facets;
using PlanIngest.Search.Query;

namespace PlanIngest.Worker.Web.Api;

/// <summary>
/// A search's parameters as the API and the page both take them: <c>q</c>, <c>cites</c>, repeated
/// <c>filter=NAME:VALUE</c> (all must hold), <c>facet=NAME</c>, <c>limit</c>, <c>offset</c>.
/// </summary>
internal static class SearchParameters
{
    /// <summary>Deep paging costs a collector of offset + limit entries; nobody reads past this.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>The search's own limit on query text (longer text is a paste gone wrong).</summary>
    public const int MaxQueryLength = 1000;

    public static readonly string[] ApiNames = ["q", "cites", "facet", "filter", "limit", "offset"];

    /// <param name="facets">The facets to count; null reads them from <c>facet</c> parameters.</param>
    public static SearchRequest Read(QueryReader reader, int defaultLimit, int maxLimit, IReadOnlyList<string>? facets = null) => new()
    {
        Text = reader.Text("q", MaxQueryLength) ?? string.Empty,
        Cites = reader.Text("cites", 100) is { Length: > 0 } cites ? cites : null,
        Filters = Filters(reader),
        Facets = facets ?? reader.All("facet", FacetDimension.All.Count, 40),
        Limit = reader.Integer("limit", 0, maxLimit, defaultLimit)!.Value,
        Offset = reader.Integer("offset", 0, MaxOffset, 0)!.Value,
    };

    /// <summary>The <c>filter</c> parameters as (name, value) pairs.</summary>
    public static IReadOnlyList<(string Name, string Value)> Filters(QueryReader reader)
    {
        var pairs = new List<(string, string)>();
        foreach (var filter in reader.All("filter", 20))
        {
            var colon = filter.IndexOf(':');
            if (colon <= 0 || colon == filter.Length - 1)
            {
                throw new BadParameterException($"filter must be NAME:VALUE (e.g. level:tỉnh), not '{filter}'");
            }

            pairs.Add((filter[..colon].Trim(), filter[(colon + 1)..].Trim()));
        }

        return pairs;
    }
}
