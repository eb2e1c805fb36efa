using Lucene.Net.Documents;
using Lucene.Net.Search;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>Runs a <see cref="SearchRequest"/> against an index: ranked hits with snippets, facet counts over all matches.</summary>
public sealed class PlanSearcher(DocumentIndex index)
{
    public const int MaxLimit = 1000;

    private static readonly Sort ByScoreThenId = new(SortField.FIELD_SCORE, new SortField(IndexFields.IdOrder, SortFieldType.STRING));

    // What a hit shows; the indicators and years stored for compare are left unread.
    private static readonly string[] HitFields = [IndexFields.Id, IndexFields.Number, IndexFields.Title, IndexFields.Issuer, IndexFields.IssuedDate, IndexFields.Text];

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
        var (query, textQuery) = QueryBuilder.Build(request);
        timings?.EndParse();
        index.Searchers.MaybeRefresh();
        var searcher = (PlanIndexSearcher)index.Searchers.Acquire();
        timings?.EndAcquire();
        try
        {
            var (top, facets) = Collect(searcher, query, dimensions, Math.Max(1, request.Offset + request.Limit));
            timings?.EndCollect();
            var facetValues = facets.Result(request.FacetLimit);
            timings?.EndFacets();

            var scored = top.ScoreDocs.Skip(request.Offset).Take(request.Limit).ToArray();
            var docs = scored.Select(s => Load(searcher, s.Doc)).ToList();
            timings?.EndLoad();

            var snippets = new SnippetMaker(searcher, SnippetTerms.Of(textQuery, searcher))
                .For(docs.Select((d, i) => (scored[i].Doc, d.Get(IndexFields.Text) ?? string.Empty)).ToList());
            var hits = docs.Select((d, i) => ToHit(d, scored[i].Score, snippets[i])).ToList();
            timings?.EndSnippets();
            return new SearchResponse(top.TotalHits, hits, facetValues);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The top <paramref name="wanted"/> matches by score, then id, and the facet counts over all matches: each
    /// slice of the searcher's segments searched on its own thread with its own collectors, then merged. Scores
    /// do not change, since the weight is made once from the whole index's statistics.
    /// </summary>
    private static (TopDocs Top, FacetCounter Facets) Collect(PlanIndexSearcher searcher, Lucene.Net.Search.Query query, IReadOnlyList<FacetDimension> dimensions, int wanted)
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

        // Everything matches: the facets are the counts the searcher made when it opened.
        var matchAll = query is MatchAllDocsQuery;
        var slices = searcher.Slices;
        var tops = new TopFieldCollector[slices.Count];
        var counters = new FacetCounter[slices.Count];
        void Run(int s)
        {
            // Score first, then id: the feed indexes in parallel, so document order differs between two builds of one catalog.
            // Fields are kept with each hit so that the slices' hits can be merged in that order.
            tops[s] = TopFieldCollector.Create(ByScoreThenId, wanted, fillFields: slices.Count > 1, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            counters[s] = new FacetCounter(searcher.Facets, dimensions);
            searcher.SearchSlice(slices[s], weight, dimensions.Count == 0 || matchAll ? tops[s] : MultiCollector.Wrap(tops[s], counters[s]));
        }

        if (slices.Count == 1)
        {
            Run(0);
        }
        else
        {
            Parallel.For(0, slices.Count, Run);
        }

        var facets = counters[0];
        for (var s = 1; s < counters.Length; s++)
        {
            facets.Add(counters[s]);
        }

        if (matchAll)
        {
            facets.CountAll();
        }

        var top = slices.Count == 1 ? tops[0].GetTopDocs() : TopDocs.Merge(ByScoreThenId, wanted, tops.Select(t => t.GetTopDocs()).ToArray());
        return (top, facets);
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
