using Lucene.Net.Documents;
using Lucene.Net.Search;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>Runs a <see cref="SearchRequest"/> against an index: ranked hits with snippets, facet counts over all matches.</summary>
/// <param name="cachedResults">Answers of recent distinct searches kept for the current index generation
/// (<see cref="ResultCache"/>; the web page keeps some); 0: every search is run.</param>
public sealed class PlanSearcher(DocumentIndex index, int cachedResults = 0)
{
    public const int MaxLimit = 1000;

    // What a hit shows; the indicators and years stored for compare are left unread.
    private static readonly string[] HitFields = [IndexFields.Id, IndexFields.Number, IndexFields.Title, IndexFields.Issuer, IndexFields.IssuedDate, IndexFields.Text];

    // One per searcher (the web app keeps one for its lifetime): filters asked again are bitsets already read.
    private readonly FilterCache filters = new();
    private readonly ResultCache results = new(cachedResults);

    /// <exception cref="BadQueryException">The request cannot be run; the message says why in one line.</exception>
    public SearchResponse Search(SearchRequest request) => Search(request, null);

    /// <summary>As <see cref="Search(SearchRequest)"/>, recording the time of each phase in <paramref name="timings"/>.</summary>
    /// <exception cref="BadQueryException">The request cannot be run; the message says why in one line.</exception>
    public SearchResponse Search(SearchRequest request, SearchTimings? timings)
    {
        timings?.Restart();
        if (request.Limit is < 0 or > MaxLimit)
        {
            throw new BadQueryException($"--limit must be between 0 and {MaxLimit}");
        }

        if (request.Offset < 0)
        {
            throw new BadQueryException("--offset must not be negative");
        }

        var dimensions = QueryBuilder.Facets(request.Facets);
        var (query, textQuery) = QueryBuilder.Build(request, filters);
        timings?.EndParse();
        index.RefreshSearchers();
        var searcher = (PlanIndexSearcher)index.Searchers.Acquire();
        timings?.EndAcquire();
        var key = cachedResults > 0 ? ResultCache.KeyOf(request) : null;
        try
        {
            if (key is not null && results.TryGet(searcher.IndexReader, key, out var cached))
            {
                return cached;
            }

            var (top, total, facets) = Collect(searcher, query, dimensions, Math.Max(1, request.Offset + request.Limit));
            timings?.EndCollect();
            var facetValues = facets.Result(request.FacetLimit);
            timings?.EndFacets();

            var scored = top.Skip(request.Offset).Take(request.Limit).ToArray();
            var docs = scored.Select(s => Load(searcher, s.Doc)).ToList();
            timings?.EndLoad();

            var snippets = new SnippetMaker(searcher, SnippetTerms.Of(textQuery, searcher))
                .For(docs.Select((d, i) => (scored[i].Doc, d.Get(IndexFields.Text) ?? string.Empty)).ToList());
            var hits = docs.Select((d, i) => ToHit(d, scored[i].Score, snippets[i])).ToList();
            timings?.EndSnippets();
            var response = new SearchResponse(total, hits, facetValues);
            if (key is not null)
            {
                results.Add(searcher.IndexReader, key, response);
            }

            return response;
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The top <paramref name="wanted"/> matches by score, then id, the number of matches, and the facet counts
    /// over all of them, in one pass (<see cref="HitCollector"/>): each slice of the searcher's segments searched on
    /// its own thread with its own collector, then merged. Scores do not change, since the weight is made once
    /// from the whole index's statistics. A query matching everything visits nothing: its hits are the first ids
    /// (<see cref="FirstById"/>), its facets the counts the searcher made when it opened.
    /// </summary>
    private static (IReadOnlyList<HitCollector.Hit> Top, int Total, FacetCounter Facets) Collect(PlanIndexSearcher searcher, Lucene.Net.Search.Query query, IReadOnlyList<FacetDimension> dimensions, int wanted)
    {
        Weight weight;
        try
        {
            weight = searcher.CreateNormalizedWeight(query);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new BadQueryException($"a wildcard in the query matches more than {BooleanQuery.MaxClauseCount} words; make it longer");
        }

        if (query is MatchAllDocsQuery)
        {
            var all = new FacetCounter(searcher.Facets, dimensions);
            all.CountAll();
            return (FirstById.Hits(searcher, weight, wanted), searcher.IndexReader.NumDocs, all);
        }

        var slices = searcher.Slices;
        var collectors = new HitCollector[slices.Count];
        var counters = new FacetCounter[slices.Count];
        void Run(int s)
        {
            counters[s] = new FacetCounter(searcher.Facets, dimensions);
            collectors[s] = new HitCollector(searcher, dimensions.Count == 0 ? null : counters[s], wanted);
            searcher.SearchSlice(slices[s], weight, collectors[s]);
        }

        if (slices.Count == 1)
        {
            Run(0);
        }
        else
        {
            Parallel.For(0, slices.Count, Run);
        }

        for (var s = 1; s < slices.Count; s++)
        {
            collectors[0].Add(collectors[s]);
            counters[0].Add(counters[s]);
        }

        return (collectors[0].Best(), collectors[0].TotalHits, counters[0]);
    }

    private static Document Load(IndexSearcher searcher, int doc)
    {
        var visitor = new DocumentStoredFieldVisitor(HitFields);
        searcher.Doc(doc, visitor);
        return visitor.Document;
    }

    private static SearchHit ToHit(Document doc, float score, string snippet) => new(
        doc.Get(IndexFields.Id),
        NullIfEmpty(doc.Get(IndexFields.Number)),
        NullIfEmpty(doc.Get(IndexFields.Title)),
        NullIfEmpty(doc.Get(IndexFields.Issuer)),
        NullIfEmpty(doc.Get(IndexFields.IssuedDate)),
        float.IsNaN(score) ? 0 : MathF.Round(score, 4),
        snippet);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
