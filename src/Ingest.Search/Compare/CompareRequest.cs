namespace PlanIngest.Search.Compare;

/// <summary>CONTRACT.md §3: indicators whose subject matches <paramref name="Query"/>, optionally of one issuer and a span of years.</summary>
public sealed record CompareRequest(string Query, string? Issuer = null, int? From = null, int? To = null);
