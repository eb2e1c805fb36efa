using Lucene.Net.Index;

namespace PlanIngest.Search.Facets;

/// <summary>The <see cref="FacetOrdinals"/> of every dimension for one searcher generation.</summary>
internal sealed class SearcherFacets
{
    private readonly Dictionary<FacetDimension, FacetOrdinals> dimensions;

    private SearcherFacets(Dictionary<FacetDimension, FacetOrdinals> dimensions) => this.dimensions = dimensions;

    public static SearcherFacets Build(IndexReader reader, SegmentOrdinalCache cache)
    {
        var leaves = reader.Leaves;
        return new SearcherFacets(FacetDimension.All.ToDictionary(
            d => d,
            d => FacetOrdinals.Build(d, leaves, leaves.Select(l => cache.Get(l.AtomicReader, d.CountField)).ToArray())));
    }

    public FacetOrdinals this[FacetDimension dimension] => dimensions[dimension];
}
