using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PlanIngest.Extraction.Model;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Compare;

/// <summary>
/// compare (CONTRACT.md §3): the indicators whose subject names the query, grouped by issuer, subject
/// (<see cref="SubjectKey"/>) and unit, one value per year — from the latest-issued plan of that year when
/// several set one — each with the document it comes from.
/// </summary>
public sealed class IndicatorComparer(DocumentIndex index)
{
    /// <exception cref="BadQueryException">The query names no subject, or the years are reversed.</exception>
    public CompareResult Compare(CompareRequest request)
    {
        var queryKey = SubjectKey.Of(request.Query);
        if (queryKey.Length == 0)
        {
            throw new BadQueryException($"'{request.Query}' names no subject to compare (e.g. \"gia đình văn hóa\")");
        }

        if (request.From > request.To)
        {
            throw new BadQueryException($"--from {request.From} is after --to {request.To}");
        }

        var issuerKey = request.Issuer is null ? null : FacetKeys.Body(request.Issuer)
            ?? throw new BadQueryException($"--issuer: '{request.Issuer}' names no body");
        var entries = new List<Entry>();
        index.RefreshSearchers();
        var searcher = index.Searchers.Acquire();
        try
        {
            var candidates = new DocIdCollector();
            searcher.Search(CandidateQuery(queryKey), candidates);
            foreach (var docId in candidates.Docs)
            {
                entries.AddRange(EntriesOf(searcher.Doc(docId), queryKey, issuerKey, request));
            }
        }
        finally
        {
            index.Searchers.Release(searcher);
        }

        var rows = entries
            .GroupBy(e => (e.IssuerKey, e.SubjectKey, e.UnitKey))
            .Select(ToRow)
            .OrderBy(r => r.Issuer, StringComparer.Ordinal).ThenBy(r => r.Subject, StringComparer.Ordinal).ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ToList();
        return new CompareResult(rows);
    }

    private static CompareRow ToRow(IGrouping<(string, string, string), Entry> group)
    {
        // Per year, the plan issued last speaks for the year (a revised plan replaces the first).
        var perYear = group
            .GroupBy(e => e.Year)
            .Select(y => y.OrderByDescending(e => e.IssuedDate, StringComparer.Ordinal).ThenBy(e => e.Document, StringComparer.Ordinal).First())
            .OrderBy(e => e.Year)
            .ToList();
        var latest = perYear[^1];
        return new CompareRow(
            latest.Issuer,
            latest.SubjectLabel,
            latest.Unit,
            latest.Comparator,
            perYear.ToDictionary(e => e.Year, e => e.Value),
            perYear.ToDictionary(e => e.Year, e => e.Document));
    }

    private static Lucene.Net.Search.Query CandidateQuery(string queryKey)
    {
        var query = new BooleanQuery();
        foreach (var word in queryKey.Split(' '))
        {
            query.Add(new TermQuery(new Term(IndexFields.Subjects, word)), Occur.MUST);
        }

        return query;
    }

    private static IEnumerable<Entry> EntriesOf(Lucene.Net.Documents.Document doc, string queryKey, string? issuerKey, CompareRequest request)
    {
        if (!int.TryParse(doc.Get(IndexFields.TargetYear), out var year) || year < request.From || year > request.To)
        {
            yield break;
        }

        var issuer = doc.Get(IndexFields.Issuer) ?? string.Empty;
        var thisIssuerKey = FacetKeys.Body(issuer) ?? string.Empty;
        if (issuerKey is not null && !SubjectKey.Matches(thisIssuerKey, issuerKey))
        {
            yield break;
        }

        var number = doc.Get(IndexFields.Number);
        var document = string.IsNullOrEmpty(number) ? doc.Get(IndexFields.Id) : number;
        var indicators = JsonSerializer.Deserialize<List<Indicator>>(doc.Get(IndexFields.Indicators) ?? "[]", RecordJson.Options) ?? [];
        var seen = new HashSet<(string, string)>();
        foreach (var indicator in indicators)
        {
            // The subject the extractor read, or else the target's whole text, whichever names the query.
            var (key, label) = SubjectOf(indicator, queryKey);
            var unitKey = FacetKeys.Words(indicator.Unit ?? string.Empty) ?? string.Empty;
            // The first target a plan sets for a subject is its target; later mentions restate or break it down.
            if (!SubjectKey.Matches(key, queryKey) || !seen.Add((key, unitKey)))
            {
                continue;
            }

            yield return new Entry(thisIssuerKey, issuer, key, label, unitKey, indicator.Unit, indicator.Comparator,
                year, indicator.Value, document, doc.Get(IndexFields.IssuedDate) ?? string.Empty);
        }
    }

    private static (string Key, string Label) SubjectOf(Indicator indicator, string queryKey)
    {
        if (indicator.Subject is { } subject && SubjectKey.Read(subject) is var read && SubjectKey.Matches(read.Key, queryKey))
        {
            return read;
        }

        return SubjectKey.Read(indicator.Text);
    }

    private sealed record Entry(
        string IssuerKey, string Issuer, string SubjectKey, string SubjectLabel, string UnitKey, string? Unit, Comparator Comparator,
        int Year, decimal Value, string Document, string IssuedDate);

    /// <summary>Every matching document, in no particular order.</summary>
    private sealed class DocIdCollector : ICollector
    {
        private int docBase;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

        public void Collect(int doc) => Docs.Add(docBase + doc);
    }
}
