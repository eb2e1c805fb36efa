namespace PlanIngest.Search.Query;

/// <summary>A search of CONTRACT.md §2: free text, optional cited number, filters (all must hold), facets to count.</summary>
public sealed record SearchRequest
{
    /// <summary>Words, phrases in quotes, AND/OR/NOT, trailing wildcards; empty matches every document.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Only documents citing this number (any spelling, OCR damage included).</summary>
    public string? Cites { get; init; }

    /// <summary>Facet name and value pairs, e.g. ("level", "tỉnh"); every one must hold.</summary>
    public IReadOnlyList<(string Name, string Value)> Filters { get; init; } = [];

    /// <summary>Facet names to count over the matching documents.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];

    public int Limit { get; init; } = 10;

    public int Offset { get; init; }

    /// <summary>Values listed per facet.</summary>
    public int FacetLimit { get; init; } = 20;
}
