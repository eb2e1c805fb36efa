using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PlanIngest.Search.Facets;

/// <summary>
/// Counts facet values over every document a search matches (Lucene.Net's Facet module does not restore
/// here). Each value is stored as sorted-set doc values "key\u001Flabel"; ordinals are counted per
/// segment, turned into strings when the segment ends, and values sharing a key are added together
/// under the label most documents use — so spellings of one body or number count as one.
/// </summary>
public sealed class FacetCounter : ICollector
{
    internal const char KeySeparator = '\u001F';

    private readonly IReadOnlyList<FacetDimension> dimensions;
    private readonly Dictionary<string, int>[] totals;
    private readonly SortedSetDocValues?[] segmentValues;
    private readonly int[]?[] segmentCounts;

    public FacetCounter(IReadOnlyList<FacetDimension> dimensions)
    {
        this.dimensions = dimensions;
        totals = dimensions.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        segmentValues = new SortedSetDocValues?[dimensions.Count];
        segmentCounts = new int[]?[dimensions.Count];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var d = 0; d < dimensions.Count; d++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(dimensions[d].CountField);
            segmentValues[d] = values;
            segmentCounts[d] = values is null ? null : new int[checked((int)values.ValueCount)];
        }
    }

    public void Collect(int doc)
    {
        for (var d = 0; d < segmentValues.Length; d++)
        {
            if (segmentValues[d] is not { } values)
            {
                continue;
            }

            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                segmentCounts[d]![ord]++;
            }
        }
    }

    /// <summary>The counts per dimension, most frequent first (ties by value), at most <paramref name="limit"/> each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result(int limit)
    {
        FlushSegment();
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        for (var d = 0; d < dimensions.Count; d++)
        {
            result[dimensions[d].Name] = totals[d]
                .Select(t => (Key: t.Key[..t.Key.IndexOf(KeySeparator)], Label: t.Key[(t.Key.IndexOf(KeySeparator) + 1)..], Count: t.Value))
                .GroupBy(t => t.Key, StringComparer.Ordinal)
                .Select(g => new FacetValue(g.OrderByDescending(t => t.Count).ThenBy(t => t.Label, StringComparer.Ordinal).First().Label, g.Sum(t => t.Count)))
                .OrderByDescending(v => v.Count)
                .ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
        }

        return result;
    }

    private void FlushSegment()
    {
        var term = new BytesRef();
        for (var d = 0; d < dimensions.Count; d++)
        {
            if (segmentValues[d] is not { } values || segmentCounts[d] is not { } counts)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }

                values.LookupOrd(ord, term);
                var value = term.Utf8ToString();
                totals[d][value] = totals[d].GetValueOrDefault(value) + counts[ord];
            }

            segmentValues[d] = null;
            segmentCounts[d] = null;
        }
    }
}
