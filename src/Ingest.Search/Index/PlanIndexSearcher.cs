using Lucene.Net.Index;
using Lucene.Net.Search;
using PlanIngest.Search.Facets;

namespace PlanIngest.Search.Index;

/// <summary>
/// An <see cref="IndexSearcher"/> of one opened commit together with that commit's facet ordinals and its
/// segments split into slices that one query searches at the same time (one per core, as Lucene's
/// searcher with an executor does), so a query over a large index is not bound to one core.
/// </summary>
internal sealed class PlanIndexSearcher : IndexSearcher
{
    /// <summary>Below this many documents per slice, starting a second thread costs more than it saves.</summary>
    public const int MinDocumentsPerSlice = 20_000;

    /// <param name="slices">How many slices to cut; null: one per core, each of at least <see cref="MinDocumentsPerSlice"/> documents.</param>
    public PlanIndexSearcher(IndexReader reader, SearcherFacets facets, int? slices = null) : base(reader)
    {
        Facets = facets;
        Slices = Slice(reader.Leaves, slices ?? Math.Min(Environment.ProcessorCount, reader.MaxDoc / MinDocumentsPerSlice));
    }

    public SearcherFacets Facets { get; }

    /// <summary>The segments in groups of about equal document counts; one group when the index is small.</summary>
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
/// <param name="slices">Slices per searcher (tests); null: by index size and cores.</param>
internal sealed class PlanSearcherFactory(int? slices = null) : SearcherFactory
{
    private readonly SegmentOrdinalCache segmentOrdinals = new();

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        var searcher = new PlanIndexSearcher(reader, SearcherFacets.Build(reader, segmentOrdinals), slices);
        foreach (var leaf in reader.Leaves)
        {
            // The ranking's tie-break and the text norms are read lazily per segment on first use.
            leaf.AtomicReader.GetSortedDocValues(IndexFields.IdOrder);
            leaf.AtomicReader.GetNormValues(IndexFields.Text);
        }

        return searcher;
    }
}
