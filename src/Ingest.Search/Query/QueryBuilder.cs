using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Text;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>
/// A <see cref="SearchRequest"/> as one Lucene query: the text (as typed, or as the OCR repair reads it),
/// the cited number by its canonical key, and every filter; filters narrow without changing the ranking.
/// Anything that cannot be run becomes a <see cref="BadQueryException"/> with a one-line reason.
/// </summary>
internal static class QueryBuilder
{
    /// <summary>Longer text is a paste gone wrong, not a question; Lucene would spend seconds on it.</summary>
    public const int MaxTextLength = 1000;

    /// <param name="filters">Where the filter clauses come from (cached bitsets); null: read from the postings each time.</param>
    public static (Lucene.Net.Search.Query Query, Lucene.Net.Search.Query? Text) Build(SearchRequest request, FilterCache? filters = null)
    {
        Lucene.Net.Search.Query Filter(string field, string key) => filters?.Filter(field, key) ?? FilterCache.Uncached(new Term(field, key));

        var clauses = new List<Lucene.Net.Search.Query>();
        var text = ParseText(request.Text);
        if (text is not null)
        {
            clauses.Add(text);
        }

        if (request.Cites is { } cites)
        {
            var number = DocumentNumber.Parse(cites);
            if (!number.Success)
            {
                throw new BadQueryException($"--cites: {number.Error}");
            }

            clauses.Add(Filter(FacetDimension.Cites.FilterField, number.Value.Key));
        }

        foreach (var (name, value) in request.Filters)
        {
            var dimension = FacetDimension.Find(name) ?? throw new BadQueryException($"unknown filter '{name}' (known: {KnownNames})");
            var key = dimension.KeyOf(value) ?? throw new BadQueryException($"filter {dimension.Name}: '{value}' is not a {dimension.Name} value");
            clauses.Add(Filter(dimension.FilterField, key));
        }

        if (clauses.Count == 0)
        {
            return (new MatchAllDocsQuery(), null);
        }

        var all = new BooleanQuery();
        foreach (var clause in clauses)
        {
            all.Add(clause, Occur.MUST);
        }

        return (all, text);
    }

    public static IReadOnlyList<FacetDimension> Facets(IEnumerable<string> names) =>
        names.Select(n => FacetDimension.Find(n) ?? throw new BadQueryException($"unknown facet '{n}' (known: {KnownNames})")).Distinct().ToList();

    private static string KnownNames => string.Join(", ", FacetDimension.All.Select(d => d.Name));

    private static Lucene.Net.Search.Query? ParseText(string raw)
    {
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            throw new BadQueryException($"query is {text.Length} characters long; the limit is {MaxTextLength}");
        }

        var typed = Parse(text) ?? throw new BadQueryException("query has no words to search for");
        // A repair that only restored marks folds to the same words: one reading is enough to search.
        var repaired = QueryRepair.Repair(text);
        if (TextFolding.Fold(repaired) == TextFolding.Fold(text) || Parse(repaired, quiet: true) is not { } read)
        {
            return typed;
        }

        // Either reading may be the right one: the repair can only add documents, never lose the typed ones.
        return new BooleanQuery { { typed, Occur.SHOULD }, { read, Occur.SHOULD } };
    }

    private static Lucene.Net.Search.Query? Parse(string text, bool quiet = false)
    {
        if (!quiet && text.Count(c => c == '"') % 2 == 1)
        {
            throw new BadQueryException("unbalanced quotes: a phrase opened with \" is not closed");
        }

        if (!quiet && text.Count(c => c == '(') != text.Count(c => c == ')'))
        {
            throw new BadQueryException("unbalanced parentheses");
        }

        try
        {
            var query = new FoldingQueryParser(IndexFields.Text, DocumentIndex.Analyzer).Parse(EscapeLiterals(text));
            return query is BooleanQuery { Clauses.Count: 0 } ? null : query;
        }
        catch (ParseException e) when (!quiet)
        {
            throw new BadQueryException($"cannot parse query: {OneLine(e.Message)}");
        }
        catch (ParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// Characters that Lucene's syntax reads as a field name (<c>Số: 13</c>), a regular expression
    /// (<c>13/CT-UBND</c>, <c>29/12/2020</c>), a range or a boost are taken literally: documents are
    /// searched by words, and numbers and dates are full of slashes and colons.
    /// </summary>
    private static string EscapeLiterals(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is ':' or '/' or '[' or ']' or '{' or '}' or '^' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string OneLine(string message)
    {
        // Lucene's parser explains with a list of expected tokens over several lines; the first says what went wrong.
        var first = message.Split('\n')[0].Trim();
        var cut = first.IndexOf(": Encountered", StringComparison.Ordinal);
        return cut > 0 ? first[(cut + 2)..] : first;
    }
}
