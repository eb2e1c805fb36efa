using System.Text;
using Lucene.Net.Search.Highlight;

namespace PlanIngest.Search.Query;

/// <summary>
/// Escapes only what HTML needs (&amp; &lt; &gt; &quot;), leaving Vietnamese letters as they are; Lucene's
/// SimpleHTMLEncoder writes every non-ASCII letter as a numeric entity, unreadable in JSON or a terminal.
/// </summary>
internal sealed class PlainHtmlEncoder : IEncoder
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    public string EncodeText(string originalText) => Escape(originalText);
}
