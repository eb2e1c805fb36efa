using System.Text.RegularExpressions;
using Lucene.Net.Search.Highlight;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>
/// The best passage of a hit's text for the query, matched words in &lt;mark&gt;, through Lucene's
/// Highlighter re-analysing the stored text with the folding analyzer (offsets point into the original,
/// so the passage keeps its diacritics whatever the query's spelling).
/// </summary>
internal sealed partial class SnippetMaker(Lucene.Net.Search.Query? textQuery)
{
    private const int FragmentChars = 160;

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

    private static Highlighter Create(Lucene.Net.Search.Query query)
    {
        var scorer = new QueryScorer(query, IndexFields.Text);
        return new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new PlainHtmlEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentChars),
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
