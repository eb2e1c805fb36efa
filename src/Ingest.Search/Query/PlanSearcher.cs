using Lucene.Net.Search;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>Runs a <see cref="SearchRequest"/> against an index: ranked hits with snippets, facet counts over all matches.</summary>
public sealed class PlanSearcher(DocumentIndex index)
{
    public const int MaxLimit = 1000;

    private static readonly Sort ByScoreThenId = new(SortField.FIELD_SCORE, new SortField(IndexFields.IdOrder, SortFieldType.STRING));

    /// <exception cref="BadQueryException">The request cannot be run; the message says why in one line.</exception>
    public SearchResponse Search(SearchRequest request)
    {
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
        index.Searchers.MaybeRefresh();
        var searcher = index.Searchers.Acquire();
        try
        {
            // Score first, then id: the feed indexes in parallel, so document order differs between two builds of one catalog.
            var top = TopFieldCollector.Create(ByScoreThenId, Math.Max(1, request.Offset + request.Limit), false, true, false, true);
            var facets = new FacetCounter(dimensions);
            try
            {
                searcher.Search(query, MultiCollector.Wrap(top, facets));
            }
            catch (BooleanQuery.TooManyClausesException)
            {
                throw new BadQueryException($"a wildcard in the query matches more than {BooleanQuery.MaxClauseCount} words; make it longer");
            }

            var snippets = new SnippetMaker(textQuery is null ? null : searcher.Rewrite(textQuery));
            var hits = top.GetTopDocs(request.Offset, request.Limit).ScoreDocs
                .Select(scored => ToHit(searcher.Doc(scored.Doc), scored.Score, snippets))
                .ToList();
            return new SearchResponse(top.TotalHits, hits, facets.Result(request.FacetLimit));
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document doc, float score, SnippetMaker snippets) => new(
        doc.Get(IndexFields.Id),
        NullIfEmpty(doc.Get(IndexFields.Number)),
        NullIfEmpty(doc.Get(IndexFields.Title)),
        NullIfEmpty(doc.Get(IndexFields.Issuer)),
        NullIfEmpty(doc.Get(IndexFields.IssuedDate)),
        float.IsNaN(score) ? 0 : MathF.Round(score, 4),
        snippets.For(doc.Get(IndexFields.Text) ?? string.Empty));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
