using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanIngest.Search.Facets;

namespace PlanIngest.Worker.Web.Api;

/// <summary><c>GET /api/deadlines.ics?issuer=…</c>: every dated deadline of the catalogued plans (of one issuing body) as an iCalendar feed.</summary>
internal static class DeadlineApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/deadlines.ics", async (HttpRequest request, DeadlineList deadlines, CancellationToken token) =>
        {
            var issuer = new QueryReader(request.Query, "issuer").Text("issuer", 200)?.Trim();
            var issuerKey = string.IsNullOrEmpty(issuer) ? null : FacetDimension.Issuer.KeyOf(issuer)
                ?? throw new BadParameterException($"'issuer={issuer}' names no issuing body");
            var all = await deadlines.AllAsync(token);
            var chosen = issuerKey is null ? all : all.Where(d => IssuedBy(d.IssuerKey, issuerKey));
            var name = issuer is null ? "Thời hạn trong các kế hoạch" : $"Thời hạn trong các kế hoạch của {issuer}";
            var pageBase = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
            return Results.Text(CalendarFeed.Write(chosen, name, pageBase), "text/calendar; charset=utf-8");
        });

    /// <summary>The issuer's words include the asked ones, in order ("UBND huyện Thanh Sơn" is asked by "huyện Thanh Sơn"), as compare's --issuer.</summary>
    public static bool IssuedBy(string? issuerKey, string askedKey) =>
        issuerKey is not null && (" " + issuerKey + " ").Contains(" " + askedKey + " ", StringComparison.Ordinal);
}
