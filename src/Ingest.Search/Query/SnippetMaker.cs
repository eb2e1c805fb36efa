using System.Text.RegularExpressions;
using Lucene.Net.Search.Highlight;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>
/// The best passage of a hit's text for the query, matched words in &lt;mark&gt;, through Lucene's
/// Highlighter re-analysing the stored text with the folding analyzer (offsets point into the original,
/// so the passage keeps its diacritics whatever the query's spelling). Passages are scored by the
/// query's terms (<see cref="QueryTermScorer"/>) rather than by span positions: the span scorer builds
/// an in-memory index of every hit's text and made a search with ten snippets five times slower.
/// </summary>
internal sealed partial class SnippetMaker(Lucene.Net.Search.Query? textQuery)
{
    private const int FragmentChars = 160;

    // A passage is found in the opening of a long document just as well, at a bounded cost per hit.
    private const int AnalyzedChars = 30_000;

    private readonly Highlighter? highlighter = textQuery is null ? null : Create(textQuery);

    public string For(string text)
    {
        var fragment = highlighter?.GetBestFragment(DocumentIndex.Analyzer, IndexFields.Text, text);
        if (string.IsNullOrEmpty(fragment))
        {
            // Nothing in the text matched (an empty query, a filter or number alone): the opening lines say what the document is.
            var start = text.Length > FragmentChars ? text[..FragmentChars] : text;
            fragment = PlainHtmlEncoder.Escape(start);
        }

        return Whitespace().Replace(fragment, " ").Trim();
    }

    /// <param name="query">The text query rewritten against the index, so that a wildcard has become its words.</param>
    private static Highlighter Create(Lucene.Net.Search.Query query) =>
        new(new SimpleHTMLFormatter("<mark>", "</mark>"), new PlainHtmlEncoder(), new QueryTermScorer(query, IndexFields.Text))
        {
            TextFragmenter = new SimpleFragmenter(FragmentChars),
            MaxDocCharsToAnalyze = AnalyzedChars,
        };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
