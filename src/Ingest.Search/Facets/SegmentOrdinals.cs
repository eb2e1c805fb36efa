using System.Numerics;
using Lucene.Net.Index;

namespace PlanIngest.Search.Facets;

/// <summary>
/// One facet field of one segment read out of its sorted-set doc values into two plain arrays (each
/// document's ordinals, in the segment's own ordinal space): counting a match is then two array reads
/// instead of a walk through packed doc values, which cost a third of a query matching most of the index.
/// Built once per segment and kept while the segment lives, across searcher generations (a segment never
/// changes; deletions only hide documents, and deleted documents are never collected).
/// </summary>
internal sealed class SegmentOrdinals
{
    private readonly int[] starts;
    private readonly int[] ordinals;

    private SegmentOrdinals(int[] starts, int[] ordinals, int valueCount)
    {
        this.starts = starts;
        this.ordinals = ordinals;
        ValueCount = valueCount;
    }

    /// <summary>Distinct values in the segment.</summary>
    public int ValueCount { get; }

    /// <summary>A segment without the field: no document has a value.</summary>
    public static SegmentOrdinals Empty(int maxDoc) => new(new int[maxDoc + 1], [], 0);

    public static SegmentOrdinals Read(SortedSetDocValues values, int maxDoc)
    {
        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ordinals.Add(checked((int)ord));
            }

            starts[doc + 1] = ordinals.Count;
        }

        return new SegmentOrdinals(starts, ordinals.ToArray(), checked((int)values.ValueCount));
    }

    /// <summary>
    /// Adds <paramref name="delta"/> to <paramref name="counts"/> at the mapped ordinal of each value of every
    /// document whose bit is set in <paramref name="docs"/> (bit <c>d % 64</c> of word <c>d / 64</c>).
    /// </summary>
    public void Count(ReadOnlySpan<long> docs, int[] toGlobal, int[] counts, int delta)
    {
        for (var w = 0; w < docs.Length; w++)
        {
            var word = docs[w];
            while (word != 0)
            {
                var doc = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var end = starts[doc + 1];
                for (var i = starts[doc]; i < end; i++)
                {
                    counts[toGlobal[ordinals[i]]] += delta;
                }
            }
        }
    }

    /// <summary>Counts every live document (null: none deleted) per mapped ordinal: the facets of a query matching everything.</summary>
    public void CountAll(Lucene.Net.Util.IBits? live, int[] toGlobal, int[] counts)
    {
        var maxDoc = starts.Length - 1;
        if (live is null)
        {
            foreach (var ord in ordinals)
            {
                counts[toGlobal[ord]]++;
            }

            return;
        }

        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (live.Get(doc))
            {
                var end = starts[doc + 1];
                for (var i = starts[doc]; i < end; i++)
                {
                    counts[toGlobal[ordinals[i]]]++;
                }
            }
        }
    }
}
