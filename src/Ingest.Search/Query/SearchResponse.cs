using PlanIngest.Search.Facets;

namespace PlanIngest.Search.Query;

/// <summary>The answer of CONTRACT.md §2.</summary>
public sealed record SearchResponse(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>One ranked document. <paramref name="Snippet"/> marks matched words with &lt;mark&gt;…&lt;/mark&gt; in HTML-escaped text.</summary>
public sealed record SearchHit(string Id, string? Number, string? Title, string? Issuer, string? IssuedDate, float Score, string Snippet);
