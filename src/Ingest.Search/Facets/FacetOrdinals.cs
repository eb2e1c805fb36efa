using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PlanIngest.Search.Facets;

/// <summary>
/// One facet dimension over one searcher generation (one opened commit): every segment's ordinals mapped
/// to global ordinals (<see cref="MultiDocValues.OrdinalMap"/>), each global value's key and label, and
/// the counts over the whole index (what a query matching everything shows). Built when the searcher
/// is opened, so a query counts into one array and looks up no value bytes; a new commit opens a new
/// searcher and so builds new ordinals, reusing the segments it shares with the old one. Each segment's own
/// totals are kept too (sparse): a query matching most of a segment counts only what it did not match.
/// </summary>
internal sealed class FacetOrdinals
{
    // Most frequent first, ties by value.
    private static readonly Comparer<FacetValue> ShownFirst = Comparer<FacetValue>.Create(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));

    private static readonly Comparer<FacetValue> WorstFirst = Comparer<FacetValue>.Create(static (a, b) => ShownFirst.Compare(b, a));

    private readonly SegmentOrdinals[] segments;
    private readonly int[][] toGlobal;
    private readonly string[] labels;
    private readonly int[] groupOf;
    private readonly int[] allCounts;
    private readonly (int[] Ords, int[] Counts)[] segmentTotals;

    private FacetOrdinals(FacetDimension dimension, SegmentOrdinals[] segments, int[][] toGlobal, string[] labels, int[] groupOf, int[] allCounts, (int[], int[])[] segmentTotals)
    {
        this.segmentTotals = segmentTotals;
        Dimension = dimension;
        this.segments = segments;
        this.toGlobal = toGlobal;
        this.labels = labels;
        this.groupOf = groupOf;
        this.allCounts = allCounts;
    }

    public FacetDimension Dimension { get; }

    /// <summary>Distinct stored values ("key\u001Flabel") over all segments.</summary>
    public int ValueCount => labels.Length;

    /// <param name="leaves">The generation's segments, in reader order.</param>
    /// <param name="segmentOrdinals">This dimension's ordinals of each of those segments.</param>
    public static FacetOrdinals Build(FacetDimension dimension, IList<AtomicReaderContext> leaves, SegmentOrdinals[] segmentOrdinals)
    {
        var values = leaves.Select(l => l.AtomicReader.GetSortedSetDocValues(dimension.CountField)).ToArray();
        var map = new MultiDocValues.OrdinalMap(dimension, values.Select(v => v?.GetTermsEnum() ?? TermsEnum.EMPTY).ToArray());
        var globalCount = checked((int)map.ValueCount);

        var toGlobal = new int[leaves.Count][];
        for (var s = 0; s < leaves.Count; s++)
        {
            var segmentMap = toGlobal[s] = new int[segmentOrdinals[s].ValueCount];
            for (var ord = 0; ord < segmentMap.Length; ord++)
            {
                segmentMap[ord] = checked((int)map.GetGlobalOrd(s, ord));
            }
        }

        // Values sort as "key\u001Flabel", so the spellings of one key are neighbours: a group is a run of one key.
        var labels = new string[globalCount];
        var groupOf = new int[globalCount];
        var bytes = new BytesRef();
        string? previousKey = null;
        var group = -1;
        for (var ord = 0; ord < globalCount; ord++)
        {
            values[map.GetFirstSegmentNumber(ord)]!.LookupOrd(map.GetFirstSegmentOrd(ord), bytes);
            var value = bytes.Utf8ToString();
            var separator = value.IndexOf(FacetCounter.KeySeparator);
            var key = value[..separator];
            labels[ord] = value[(separator + 1)..];
            if (key != previousKey)
            {
                group++;
                previousKey = key;
            }

            groupOf[ord] = group;
        }

        var allCounts = new int[globalCount];
        var segmentTotals = new (int[], int[])[leaves.Count];
        var segmentCounts = new int[globalCount];
        for (var s = 0; s < leaves.Count; s++)
        {
            Array.Clear(segmentCounts);
            segmentOrdinals[s].CountAll(leaves[s].AtomicReader.LiveDocs, toGlobal[s], segmentCounts);
            var ords = new List<int>();
            for (var ord = 0; ord < globalCount; ord++)
            {
                if (segmentCounts[ord] != 0)
                {
                    ords.Add(ord);
                    allCounts[ord] += segmentCounts[ord];
                }
            }

            segmentTotals[s] = ([.. ords], ords.Select(o => segmentCounts[o]).ToArray());
        }

        return new FacetOrdinals(dimension, segmentOrdinals, toGlobal, labels, groupOf, allCounts, segmentTotals);
    }

    /// <summary>A fresh array to count this dimension's global values in.</summary>
    public int[] NewCounts() => new int[labels.Length];

    /// <summary>
    /// Counts the values of the documents a query matched in one segment: one by one, or, when fewer live
    /// documents did not match than did (the segment's distinct values included), the segment's totals less
    /// those that did not. The same counts either way.
    /// </summary>
    public void Count(SegmentMatches matches, int[] counts)
    {
        var s = matches.Segment;
        var (ords, totals) = segmentTotals[s];
        if (matches.Count > matches.LiveCount - matches.Count + ords.Length)
        {
            for (var i = 0; i < ords.Length; i++)
            {
                counts[ords[i]] += totals[i];
            }

            segments[s].Count(matches.Unmatched, toGlobal[s], counts, -1);
        }
        else if (matches.Count > 0)
        {
            segments[s].Count(matches.Matched, toGlobal[s], counts, 1);
        }
    }

    /// <summary>Adds the counts over every live document of the index.</summary>
    public void CountAll(int[] counts)
    {
        for (var ord = 0; ord < counts.Length; ord++)
        {
            counts[ord] += allCounts[ord];
        }
    }

    /// <summary>
    /// Values sharing a key added together, each shown under the label most of the counted documents use
    /// (ties: the first label in ordinal order); most frequent first, ties by label; at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<FacetValue> Result(int[] counts, int limit)
    {
        // Only the best `limit` are kept as they come (a dimension such as cites has thousands of values), worst at the root.
        var kept = new PriorityQueue<FacetValue, FacetValue>(WorstFirst);
        var ord = 0;
        while (ord < counts.Length)
        {
            var group = groupOf[ord];
            var total = 0;
            var best = -1;
            for (; ord < counts.Length && groupOf[ord] == group; ord++)
            {
                total += counts[ord];
                if (counts[ord] > 0 && (best < 0 || counts[ord] > counts[best] || (counts[ord] == counts[best] && string.CompareOrdinal(labels[ord], labels[best]) < 0)))
                {
                    best = ord;
                }
            }

            if (total > 0 && limit > 0)
            {
                var value = new FacetValue(labels[best], total);
                if (kept.Count < limit)
                {
                    kept.Enqueue(value, value);
                }
                else if (ShownFirst.Compare(value, kept.Peek()) < 0)
                {
                    kept.DequeueEnqueue(value, value);
                }
            }
        }

        var values = kept.UnorderedItems.Select(v => v.Element).ToList();
        values.Sort(ShownFirst);
        return values;
    }
}
