using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Facets;

/// <summary>
/// What is read out of every open segment once — the <see cref="SegmentOrdinals"/> per facet field and the
/// <see cref="SegmentIdOrder"/> — kept for as long as the segment's core is alive: a refresh after a small
/// commit reads out only the new segments. Keyed by the segment's core (the same for a segment whose
/// deletions changed), held weakly, so a segment merged away takes its arrays with it. One per index.
/// </summary>
internal sealed class SegmentOrdinalCache
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentOrdinals>> cores = new();
    private readonly ConditionalWeakTable<object, SegmentIdOrder> idOrders = new();

    public SegmentOrdinals Get(AtomicReader segment, string field) =>
        cores.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, SegmentOrdinals>(StringComparer.Ordinal))
            .GetOrAdd(field, f => segment.GetSortedSetDocValues(f) is { } values ? SegmentOrdinals.Read(values, segment.MaxDoc) : SegmentOrdinals.Empty(segment.MaxDoc));

    public SegmentIdOrder IdOrder(AtomicReader segment) => idOrders.GetValue(segment.CoreCacheKey, _ => SegmentIdOrder.Read(segment));
}
