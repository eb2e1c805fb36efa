using System.Net;
using Microsoft.AspNetCore.Components;

namespace PlanIngest.Worker.Web.Pages;

/// <summary>
/// A search snippet as markup. The searcher escapes the document's text and adds only
/// <c>&lt;mark&gt;</c> tags; that is checked rather than trusted: a snippet with any other tag is
/// shown as plain text (its marks lost), never as markup.
/// </summary>
internal static class SnippetMarkup
{
    public static MarkupString Of(string snippet)
    {
        var withoutMarks = snippet.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal);
        if (withoutMarks.Contains('<') || withoutMarks.Contains('>'))
        {
            return new MarkupString(WebUtility.HtmlEncode(WebUtility.HtmlDecode(withoutMarks)));
        }

        return new MarkupString(snippet);
    }
}
