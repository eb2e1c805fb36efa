using Lucene.Net.Index;
using Lucene.Net.Search;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>
/// What of a text query a snippet marks: its words, and its phrases as wholes (a phrase's words are marked
/// only where they stand together, so <c>"chuyển đổi số"</c> does not mark every <c>Số:</c> of a header).
/// Wildcards are expanded against the index (at most <see cref="MaxExpansions"/> words each); words of a
/// NOT clause are never marked. Each unit weighs by how rare its words are, so a passage with the rare
/// words of the query beats one with only the common ones.
/// </summary>
internal sealed class SnippetTerms
{
    private const int MaxExpansions = 64;

    private SnippetTerms(IReadOnlyList<Unit> units, IReadOnlyList<Term> terms)
    {
        Units = units;
        Terms = terms;
    }

    /// <summary>One thing to mark: a word (one term) or a phrase (terms at relative positions).</summary>
    public sealed record Unit(int[] TermIndexes, int[] Positions, double Weight);

    public IReadOnlyList<Unit> Units { get; }

    /// <summary>The distinct terms of all units; <see cref="Unit.TermIndexes"/> point into this list.</summary>
    public IReadOnlyList<Term> Terms { get; }

    public static SnippetTerms Of(Lucene.Net.Search.Query? query, IndexSearcher searcher)
    {
        var phrases = new List<(Term[] Terms, int[] Positions)>();
        if (query is not null)
        {
            Collect(query, searcher.IndexReader, phrases);
        }

        var terms = new List<Term>();
        var indexOf = new Dictionary<Term, int>();
        var units = new List<Unit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var numDocs = Math.Max(1, searcher.IndexReader.NumDocs);
        foreach (var (phraseTerms, positions) in phrases)
        {
            // The same word or phrase from both readings of a repaired query is one unit.
            if (!seen.Add(string.Join(' ', phraseTerms.Select((t, i) => positions[i] + ":" + t.Text))))
            {
                continue;
            }

            var indexes = phraseTerms.Select(t =>
            {
                if (!indexOf.TryGetValue(t, out var i))
                {
                    indexOf[t] = i = terms.Count;
                    terms.Add(t);
                }

                return i;
            }).ToArray();
            var weight = phraseTerms.Sum(t => 1 + Math.Log(numDocs / (double)(searcher.IndexReader.DocFreq(t) + 1)));
            units.Add(new Unit(indexes, positions, weight));
        }

        return new SnippetTerms(units, terms);
    }

    private static void Collect(Lucene.Net.Search.Query query, IndexReader reader, List<(Term[], int[])> units)
    {
        switch (query)
        {
            case TermQuery term when term.Term.Field == IndexFields.Text:
                units.Add(([term.Term], [0]));
                break;
            case PhraseQuery phrase when phrase.GetTerms().Length > 0 && phrase.GetTerms()[0].Field == IndexFields.Text:
                units.Add((phrase.GetTerms(), phrase.GetPositions()));
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query, reader, units);
                }

                break;
            case MultiPhraseQuery multi:
                foreach (var term in multi.GetTermArrays().SelectMany(a => a))
                {
                    Collect(new TermQuery(term), reader, units);
                }

                break;
            case MultiTermQuery multiTerm when multiTerm.Field == IndexFields.Text:
                var expanded = (MultiTermQuery)multiTerm.Clone();
                expanded.MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MaxExpansions);
                Collect(expanded.Rewrite(reader), reader, units);
                break;
        }
    }
}
