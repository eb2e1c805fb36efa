using Lucene.Net.Index;
using Lucene.Net.Search;
using PlanIngest.Search.Facets;

namespace PlanIngest.Search.Index;

/// <summary>An <see cref="IndexSearcher"/> of one opened commit together with that commit's facet ordinals.</summary>
internal sealed class PlanIndexSearcher(IndexReader reader, SearcherFacets facets) : IndexSearcher(reader)
{
    public SearcherFacets Facets { get; } = facets;
}

/// <summary>
/// What <see cref="SearcherManager"/> calls for every commit (or near-real-time reopen) it opens: builds
/// the facet ordinals and touches what the first query would otherwise load, so the cost of a new
/// generation is paid once on refresh rather than by the next search.
/// </summary>
internal sealed class PlanSearcherFactory : SearcherFactory
{
    private readonly SegmentOrdinalCache segmentOrdinals = new();

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        var searcher = new PlanIndexSearcher(reader, SearcherFacets.Build(reader, segmentOrdinals));
        foreach (var leaf in reader.Leaves)
        {
            // The ranking's tie-break and the text norms are read lazily per segment on first use.
            leaf.AtomicReader.GetSortedDocValues(IndexFields.IdOrder);
            leaf.AtomicReader.GetNormValues(IndexFields.Text);
        }

        return searcher;
    }
}
