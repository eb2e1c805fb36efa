namespace PlanIngest.Search.Facets;

/// <summary>
/// The documents of one segment that a query matched, as bits (bit <c>d % 64</c> of word <c>d / 64</c>), beside
/// the segment's live documents: facets are counted from the matches, or, when most live documents matched,
/// from the segment's totals less the documents that did not match (<see cref="FacetOrdinals.Count"/>). One
/// per search, reset for each segment; its arrays grow to the largest segment and are reused.
/// </summary>
internal sealed class SegmentMatches
{
    private long[] matched = [];
    private long[] unmatched = [];
    private int words;
    private bool unmatchedReady;
    private SegmentLive live = SegmentLive.None;

    /// <summary>The segment's position among the searcher's leaves.</summary>
    public int Segment { get; private set; }

    /// <summary>Documents matched in this segment.</summary>
    public int Count { get; private set; }

    /// <summary>Live documents of the segment.</summary>
    public int LiveCount => live.Count;

    public ReadOnlySpan<long> Matched => matched.AsSpan(0, words);

    /// <summary>The live documents that did not match.</summary>
    public ReadOnlySpan<long> Unmatched
    {
        get
        {
            if (!unmatchedReady)
            {
                for (var w = 0; w < words; w++)
                {
                    unmatched[w] = live.Word(w) & ~matched[w];
                }

                unmatchedReady = true;
            }

            return unmatched.AsSpan(0, words);
        }
    }

    public void Reset(int segment, SegmentLive segmentLive)
    {
        Array.Clear(matched, 0, words);
        Segment = segment;
        live = segmentLive;
        words = (segmentLive.MaxDoc + 63) >> 6;
        if (matched.Length < words)
        {
            matched = new long[words];
            unmatched = new long[words];
        }

        Count = 0;
        unmatchedReady = false;
    }

    public void Add(int doc)
    {
        matched[doc >> 6] |= 1L << doc;
        Count++;
    }
}

/// <summary>Which documents of a segment are live in one searcher generation (deletions change between generations).</summary>
internal sealed class SegmentLive
{
    private readonly long[]? bits;
    private readonly long lastWordMask;
    private readonly int lastWord;

    private SegmentLive(long[]? bits, int maxDoc, int count)
    {
        this.bits = bits;
        MaxDoc = maxDoc;
        Count = count;
        lastWord = ((maxDoc + 63) >> 6) - 1;
        lastWordMask = maxDoc % 64 == 0 ? -1L : (1L << maxDoc) - 1;
    }

    public static SegmentLive None { get; } = new(null, 0, 0);

    public int MaxDoc { get; }

    public int Count { get; }

    public static SegmentLive Of(Lucene.Net.Index.AtomicReader segment)
    {
        var maxDoc = segment.MaxDoc;
        if (segment.LiveDocs is not { } live)
        {
            return new SegmentLive(null, maxDoc, maxDoc);
        }

        var bits = new long[(maxDoc + 63) >> 6];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (live.Get(doc))
            {
                bits[doc >> 6] |= 1L << doc;
            }
        }

        return new SegmentLive(bits, maxDoc, segment.NumDocs);
    }

    /// <summary>Word <paramref name="w"/> of the live bits (no bits past the last document).</summary>
    public long Word(int w)
    {
        var word = bits is null ? -1L : bits[w];
        return w == lastWord ? word & lastWordMask : word;
    }
}
