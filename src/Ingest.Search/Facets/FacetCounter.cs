namespace PlanIngest.Search.Facets;

/// <summary>
/// Counts facet values over every document a search matches (Lucene.Net's Facet module does not restore
/// here). Each value is stored as sorted-set doc values "key\u001Flabel"; a match adds one per value to
/// an array of the searcher generation's global ordinals (<see cref="FacetOrdinals"/>), and values sharing
/// a key are added together under the label most documents use — so spellings of one body or number
/// count as one. A query that matches everything takes the counts the generation made when it opened.
/// The hits collector hands it each segment's matches once the segment is searched.
/// </summary>
internal sealed class FacetCounter
{
    internal const char KeySeparator = '\u001F';

    private readonly FacetOrdinals[] dimensions;
    private readonly int[][] counts;

    public FacetCounter(SearcherFacets facets, IReadOnlyList<FacetDimension> dimensions)
    {
        this.dimensions = dimensions.Select(d => facets[d]).ToArray();
        counts = this.dimensions.Select(d => d.NewCounts()).ToArray();
    }

    /// <summary>Counts the matches of one segment.</summary>
    public void Count(SegmentMatches matches)
    {
        for (var d = 0; d < dimensions.Length; d++)
        {
            dimensions[d].Count(matches, counts[d]);
        }
    }

    /// <summary>Counts every live document, as a match-all query would, without visiting them.</summary>
    public void CountAll()
    {
        for (var d = 0; d < dimensions.Length; d++)
        {
            dimensions[d].CountAll(counts[d]);
        }
    }

    /// <summary>Adds the counts another counter made over other segments of the same searcher (a slice searched at the same time).</summary>
    public void Add(FacetCounter other)
    {
        for (var d = 0; d < counts.Length; d++)
        {
            var mine = counts[d];
            var theirs = other.counts[d];
            for (var ord = 0; ord < mine.Length; ord++)
            {
                mine[ord] += theirs[ord];
            }
        }
    }

    /// <summary>The counts per dimension, most frequent first (ties by value), at most <paramref name="limit"/> each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result(int limit)
    {
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        for (var d = 0; d < dimensions.Length; d++)
        {
            result[dimensions[d].Dimension.Name] = dimensions[d].Result(counts[d], limit);
        }

        return result;
    }
}
