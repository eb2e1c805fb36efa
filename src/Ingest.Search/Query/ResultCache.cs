using System.Text;
using Lucene.Net.Index;

namespace PlanIngest.Search.Query;

/// <summary>
/// The answers of the most recent distinct searches over one searcher generation (one opened commit), as Solr's
/// queryResultCache keeps the ranked ids of recent queries: an answer depends only on the request and the
/// generation, so a search asked again (the page's first view, a popular filter, the next click on the same
/// page) is answered without searching. A new generation empties it. At most <c>capacity</c> answers; the one
/// used least recently makes room. Answers of more than <see cref="MaxCachedHits"/> hits are not kept.
/// </summary>
internal sealed class ResultCache(int capacity)
{
    public const int MaxCachedHits = 100;

    private readonly System.Threading.Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, SearchResponse Response)>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, SearchResponse Response)> recent = new();

    // The generation the answers are of: the very reader they were read from, compared by reference only (it may be
    // closed by now). An answer is given only to a search that acquired that same reader, so never one of another
    // generation, whatever order searches of two generations finish in.
    private IndexReader? generation;

    public bool TryGet(IndexReader reader, string key, out SearchResponse response)
    {
        lock (gate)
        {
            if (ReferenceEquals(reader, generation) && entries.TryGetValue(key, out var node))
            {
                recent.Remove(node);
                recent.AddFirst(node);
                response = node.Value.Response;
                return true;
            }

            response = null!;
            return false;
        }
    }

    public void Add(IndexReader reader, string key, SearchResponse response)
    {
        if (capacity <= 0 || response.Hits.Count > MaxCachedHits)
        {
            return;
        }

        lock (gate)
        {
            if (!ReferenceEquals(reader, generation))
            {
                entries.Clear();
                recent.Clear();
                generation = reader;
            }

            if (entries.ContainsKey(key))
            {
                return;
            }

            if (entries.Count >= capacity)
            {
                entries.Remove(recent.Last!.Value.Key);
                recent.RemoveLast();
            }

            entries[key] = recent.AddFirst((key, response));
        }
    }

    /// <summary>Everything that makes two requests' answers the same, as one string.</summary>
    public static string KeyOf(SearchRequest request)
    {
        var key = new StringBuilder(request.Text.Length + 64);
        Append(request.Text);
        Append(request.Cites ?? "\u0000");
        foreach (var (name, value) in request.Filters)
        {
            Append(name);
            Append(value);
        }

        key.Append('\u0002');
        foreach (var facet in request.Facets)
        {
            Append(facet);
        }

        key.Append('\u0002').Append(request.Limit).Append('\u0001').Append(request.Offset).Append('\u0001').Append(request.FacetLimit);
        return key.ToString();

        void Append(string part) => key.Append(part.Length).Append(':').Append(part).Append('\u0001');
    }
}
