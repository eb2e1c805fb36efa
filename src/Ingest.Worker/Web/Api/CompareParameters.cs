using PlanIngest.Search.Compare;
using PlanIngest.Search.Facets;

namespace PlanIngest.Worker.Web.Api;

/// <summary>A comparison's parameters as the API and the page take them: <c>q</c> (the subject), <c>issuer</c>, <c>from</c>, <c>to</c>.</summary>
internal static class CompareParameters
{
    public static CompareRequest Read(QueryReader reader)
    {
        var subject = reader.Text("q", 200)?.Trim();
        if (string.IsNullOrEmpty(subject))
        {
            throw new BadParameterException("'q' is required: the subject to compare, e.g. q=gia đình văn hóa");
        }

        if (SubjectKey.Of(subject).Length == 0)
        {
            throw new BadParameterException($"'q={subject}' names no subject to compare (e.g. gia đình văn hóa)");
        }

        var issuer = reader.Text("issuer", 200)?.Trim();
        if (issuer is { Length: 0 })
        {
            issuer = null;
        }

        if (issuer is not null && FacetDimension.Issuer.KeyOf(issuer) is null)
        {
            throw new BadParameterException($"'issuer={issuer}' names no issuing body");
        }

        var from = reader.Integer("from", 1900, 2100);
        var to = reader.Integer("to", 1900, 2100);
        if (from > to)
        {
            throw new BadParameterException($"'from' ({from}) is after 'to' ({to})");
        }

        return new CompareRequest(subject, issuer, from, to);
    }
}
