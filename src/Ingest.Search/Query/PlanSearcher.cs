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
            // Score first, then id: the feed indexes in parallel, so document order differs between two builds of one catalog.
            var top = TopFieldCollector.Create(ByScoreThenId, Math.Max(1, request.Offset + request.Limit), false, true, false, true);
            var facets = new FacetCounter(searcher.Facets, dimensions);
            try
            {
                if (query is MatchAllDocsQuery)
                {
                    // Everything matches: the facets are the counts the searcher made when it opened.
                    searcher.Search(query, top);
                    facets.CountAll();
                }
                else
                {
                    searcher.Search(query, dimensions.Count == 0 ? top : MultiCollector.Wrap(top, facets));
                }
            }
            catch (BooleanQuery.TooManyClausesException)
            {
                throw new BadQueryException($"a wildcard in the query matches more than {BooleanQuery.MaxClauseCount} words; make it longer");
            }

            timings?.EndCollect();
            var facetValues = facets.Result(request.FacetLimit);
            timings?.EndFacets();

            var scored = top.GetTopDocs(request.Offset, request.Limit).ScoreDocs;
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
