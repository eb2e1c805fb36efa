namespace PlanIngest.Search.Facets;

/// <summary>One facet value and how many matching documents carry it.</summary>
public sealed record FacetValue(string Value, int Count);
