using Lucene.Net.Index;
using Lucene.Net.Search;
using PlanIngest.Search.Facets;

namespace PlanIngest.Search.Index;

/// <summary>
/// An <see cref="IndexSearcher"/> of one opened commit together with that commit's facet ordinals, each
/// segment's live documents and id order (read once per segment, <see cref="SegmentIdOrder"/>), and its
/// segments cut into slices that one query can search at the same time, each on its own thread (as
/// Lucene's searcher with an executor does). One slice unless asked for more: on the shared 2-core machine
/// two slices made the 100k benchmark slower (wall median 33–40 ms against 19–34, p95 130–147 against
/// 74–94, at load 6–14), since the second slice waits for a core another process holds; the benchmark
/// (<c>SearchBench search DIR 20 2</c>) measures it again on a quiet machine.
/// </summary>
internal sealed class PlanIndexSearcher : IndexSearcher
{
    /// <param name="slices">How many slices to cut (at most one per segment); null: one.</param>
    public PlanIndexSearcher(IndexReader reader, SearcherFacets facets, IReadOnlyList<SegmentIdOrder> idOrders, int? slices = null) : base(reader)
    {
        Facets = facets;
        IdOrders = idOrders;
        Live = reader.Leaves.Select(l => SegmentLive.Of(l.AtomicReader)).ToArray();
        Slices = Slice(reader.Leaves, slices ?? 1);
    }

    public SearcherFacets Facets { get; }

    /// <summary>Per leaf (by <see cref="AtomicReaderContext.Ord"/>), its documents by id.</summary>
    public IReadOnlyList<SegmentIdOrder> IdOrders { get; }

    /// <summary>Per leaf, its live documents in this generation.</summary>
    public IReadOnlyList<SegmentLive> Live { get; }

    /// <summary>The segments in groups of about equal document counts.</summary>
    public IReadOnlyList<IList<AtomicReaderContext>> Slices { get; }

    /// <summary>Runs <paramref name="weight"/> (made by <see cref="IndexSearcher.CreateNormalizedWeight"/>) over one slice.</summary>
    public void SearchSlice(IList<AtomicReaderContext> slice, Weight weight, ICollector collector) => Search(slice, weight, collector);

    private static IReadOnlyList<IList<AtomicReaderContext>> Slice(IList<AtomicReaderContext> leaves, int wanted)
    {
        var count = Math.Min(wanted, leaves.Count);
        if (count <= 1)
        {
            return [leaves];
        }

        // Largest segment first, each to the slice holding the fewest documents so far.
        var slices = Enumerable.Range(0, count).Select(_ => new List<AtomicReaderContext>()).ToArray();
        var sizes = new long[count];
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            slices[smallest].Add(leaf);
            sizes[smallest] += leaf.AtomicReader.MaxDoc;
        }

        return slices.Select(s => (IList<AtomicReaderContext>)s.OrderBy(l => l.Ord).ToList()).ToList();
    }
}

/// <summary>
/// What <see cref="SearcherManager"/> calls for every commit (or near-real-time reopen) it opens: builds
/// the facet ordinals and touches what the first query would otherwise load, so the cost of a new
/// generation is paid once on refresh rather than by the next search.
/// </summary>
/// <param name="slices">Slices per searcher (tests, the benchmark); null: one.</param>
internal sealed class PlanSearcherFactory(int? slices = null) : SearcherFactory
{
    private readonly SegmentOrdinalCache segmentOrdinals = new();

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        var idOrders = reader.Leaves.Select(l => segmentOrdinals.IdOrder(l.AtomicReader)).ToArray();
        foreach (var leaf in reader.Leaves)
        {
            // The text norms are read lazily per segment on first use.
            leaf.AtomicReader.GetNormValues(IndexFields.Text);
        }

        return new PlanIndexSearcher(reader, SearcherFacets.Build(reader, segmentOrdinals), idOrders, slices);
    }
}
