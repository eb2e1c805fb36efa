using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>
/// One pass over a query's matches that keeps the best <c>wanted</c> hits by score, then id (as Lucene's
/// <see cref="TopFieldCollector"/> on score and the id's sorted doc values would, without its generic
/// comparators and the read of the id's doc values from disk at every tie) and marks every match for the
/// facet counts. Within a segment hits are kept by the id's ordinal in the segment
/// (<see cref="SegmentIdOrder"/>); when a segment is done its best are merged with those of the segments
/// before by the id itself, and a match scoring below the worst kept hit is passed over at once. Facets are
/// counted per segment from its matches (<see cref="FacetCounter"/>).
/// </summary>
internal sealed class HitCollector : ICollector
{
    private readonly PlanIndexSearcher searcher;
    private readonly FacetCounter? facets;
    private readonly int wanted;
    private readonly SegmentMatches matches = new();
    private List<Hit> best = [];
    private float worstBest = float.NegativeInfinity;

    // The segment being searched.
    private AtomicReaderContext? leaf;
    private int[] ordOf = [];
    private Scorer? scorer;
    private SegmentHit[] heap = [];
    private int heapCount;

    /// <param name="facets">Counts the matches; null: no facets wanted.</param>
    public HitCollector(PlanIndexSearcher searcher, FacetCounter? facets, int wanted)
    {
        this.searcher = searcher;
        this.facets = facets;
        this.wanted = wanted;
    }

    /// <summary>A kept hit: its score, its document number in the whole index, its id.</summary>
    public readonly record struct Hit(float Score, int Doc, BytesRef Id);

    // Within a segment: the id's ordinal there stands for the id.
    private readonly record struct SegmentHit(float Score, int Ord, int Doc);

    public int TotalHits { get; private set; }

    // Ties in score are broken by id, whatever the order documents arrive in; in order keeps Lucene's own scorers (and their scores).
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FinishSegment();
        leaf = context;
        ordOf = searcher.IdOrders[context.Ord].OrdOf;
        matches.Reset(context.Ord, searcher.Live[context.Ord]);
        heapCount = 0;
    }

    public void Collect(int doc)
    {
        matches.Add(doc);
        var score = scorer!.GetScore();
        if (score < worstBest || wanted == 0)
        {
            return;
        }

        var hit = new SegmentHit(score, ordOf[doc], doc);
        if (heapCount < wanted)
        {
            if (heap.Length == heapCount)
            {
                Array.Resize(ref heap, Math.Min(wanted, Math.Max(16, heap.Length * 2)));
            }

            heap[heapCount] = hit;
            SiftUp(heapCount++);
        }
        else if (Worse(heap[0], hit))
        {
            heap[0] = hit;
            SiftDown(0);
        }
    }

    /// <summary>The best hits, best first, once the search is done (also merges what the last segment found).</summary>
    public IReadOnlyList<Hit> Best()
    {
        FinishSegment();
        return best;
    }

    /// <summary>Adds what another collector found over other segments of the same searcher (a slice searched at the same time).</summary>
    public void Add(HitCollector other)
    {
        best = Merge(Best(), other.Best(), wanted);
        TotalHits += other.TotalHits;
    }

    private void FinishSegment()
    {
        if (leaf is null)
        {
            return;
        }

        TotalHits += matches.Count;
        facets?.Count(matches);
        if (heapCount > 0)
        {
            var found = heap.AsSpan(0, heapCount).ToArray();
            Array.Sort(found, static (a, b) => Worse(a, b) ? 1 : Worse(b, a) ? -1 : 0);
            var ids = leaf.AtomicReader.GetSortedDocValues(IndexFields.IdOrder);
            var hits = new List<Hit>(found.Length);
            foreach (var h in found)
            {
                var id = new BytesRef();
                if (h.Ord >= 0)
                {
                    ids.LookupOrd(h.Ord, id);
                }

                hits.Add(new Hit(h.Score, leaf.DocBase + h.Doc, BytesRef.DeepCopyOf(id)));
            }

            best = Merge(best, hits, wanted);
            if (best.Count == wanted)
            {
                worstBest = best[^1].Score;
            }
        }

        leaf = null;
        heapCount = 0;
    }

    /// <summary>Two lists of hits, each best first, merged and cut to <paramref name="wanted"/>.</summary>
    internal static List<Hit> Merge(IReadOnlyList<Hit> a, IReadOnlyList<Hit> b, int wanted)
    {
        var merged = new List<Hit>(Math.Min(wanted, a.Count + b.Count));
        int i = 0, j = 0;
        while (merged.Count < wanted && (i < a.Count || j < b.Count))
        {
            merged.Add(j == b.Count || (i < a.Count && !Before(b[j], a[i])) ? a[i++] : b[j++]);
        }

        return merged;
    }

    // Score first, higher first; then id, lower first (as the sort of the id's doc values); then document number.
    private static bool Before(Hit x, Hit y) =>
        x.Score != y.Score ? x.Score > y.Score : x.Id.CompareTo(y.Id) is var c && c != 0 ? c < 0 : x.Doc < y.Doc;

    private static bool Worse(SegmentHit x, SegmentHit y) =>
        x.Score != y.Score ? x.Score < y.Score : x.Ord != y.Ord ? x.Ord > y.Ord : x.Doc > y.Doc;

    // A heap with the worst kept hit at its root.
    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Worse(heap[i], heap[parent]))
            {
                return;
            }

            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= heapCount)
            {
                return;
            }

            var worst = left + 1 < heapCount && Worse(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!Worse(heap[worst], heap[i]))
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }
}
