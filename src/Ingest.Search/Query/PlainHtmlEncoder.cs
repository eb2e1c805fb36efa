using System.Text;

namespace PlanIngest.Search.Query;

/// <summary>
/// Escapes only what HTML needs (&amp; &lt; &gt; &quot;), leaving Vietnamese letters as they are (Lucene's
/// SimpleHTMLEncoder writes every non-ASCII letter as a numeric entity, unreadable in JSON or a terminal).
/// </summary>
internal static class PlainHtmlEncoder
{
    public static void Append(StringBuilder html, char c)
    {
        switch (c)
        {
            case '&':
                html.Append("&amp;");
                break;
            case '<':
                html.Append("&lt;");
                break;
            case '>':
                html.Append("&gt;");
                break;
            case '"':
                html.Append("&quot;");
                break;
            default:
                html.Append(c);
                break;
        }
    }
}
