using Lucene.Net.Index;

namespace PlanIngest.Search.Index;

/// <summary>
/// One segment's documents by id (the ranking's tie-break), read once out of the <see cref="IndexFields.IdOrder"/>
/// doc values into plain arrays and kept while the segment lives: each document's ordinal in the segment's
/// sorted ids (comparing two is comparing two ints, where the doc values are read from disk at every tie),
/// and the documents in id order (the first page of a query matching everything, without visiting the rest).
/// </summary>
internal sealed class SegmentIdOrder
{
    private SegmentIdOrder(int[] ordOf, int[] docsInOrder)
    {
        OrdOf = ordOf;
        DocsInOrder = docsInOrder;
    }

    /// <summary>Per document, its id's ordinal in this segment (-1: no id, which sorts first, as Lucene's missing value does).</summary>
    public int[] OrdOf { get; }

    /// <summary>Every document, deleted ones too, in id order (none first; a replaced document and its replacement share an id: by document number).</summary>
    public int[] DocsInOrder { get; }

    public static SegmentIdOrder Read(AtomicReader segment)
    {
        var maxDoc = segment.MaxDoc;
        var ordOf = new int[maxDoc];
        var values = segment.GetSortedDocValues(IndexFields.IdOrder);
        var keys = new List<long>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var ord = values?.GetOrd(doc) ?? -1;
            ordOf[doc] = ord;
            keys.Add(((long)ord << 32) | (uint)doc);
        }

        keys.Sort();
        return new SegmentIdOrder(ordOf, keys.Select(k => (int)(k & 0xFFFF_FFFF)).ToArray());
    }
}
