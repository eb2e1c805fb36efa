using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PlanIngest.Search.Query;

/// <summary>
/// The filters of searches (a facet value, a cited number) kept as Lucene's <see cref="CachingWrapperFilter"/>,
/// as Solr's and Elasticsearch's filter caches do: the first search with a filter reads each segment's matching
/// documents from the postings into a bitset, kept while that segment lives (keyed by its core, so a new commit
/// reads only its new segments; deletions are applied on top), and a filter asked again costs a walk over bits
/// instead of a term scan. A filter never changes a score (its clause weighs 0), so answers are the same with or
/// without it. At most <see cref="MaxFilters"/> filters are kept (a bitset is one bit per document per segment:
/// 12.5 KB at 100,000 plans); past that a filter is read from the postings each time, as before.
/// </summary>
internal sealed class FilterCache
{
    public const int MaxFilters = 512;

    private readonly ConcurrentDictionary<Term, Filter> filters = new();

    /// <summary>A clause matching the documents with <paramref name="key"/> in <paramref name="field"/>, scoring 0.</summary>
    public Lucene.Net.Search.Query Filter(string field, string key)
    {
        var term = new Term(field, key);
        if (!filters.TryGetValue(term, out var filter))
        {
            if (filters.Count >= MaxFilters)
            {
                return Uncached(term);
            }

            filter = filters.GetOrAdd(term, t => new BitSetFilter(new QueryWrapperFilter(new TermQuery(t))));
        }

        return new ConstantScoreQuery(filter) { Boost = 0 };
    }

    /// <summary>The same clause read from the postings at every search (no cache).</summary>
    public static Lucene.Net.Search.Query Uncached(Term term) => new ConstantScoreQuery(new TermQuery(term)) { Boost = 0 };

    /// <summary>Keeps each segment's matches as a plain bitset (Lucene's default compresses them, which is slower to walk).</summary>
    private sealed class BitSetFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}
