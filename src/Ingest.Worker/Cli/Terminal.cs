using System.Net;

namespace PlanIngest.Worker.Cli;

/// <summary>Snippets for a person: &lt;mark&gt; as bold on a terminal and as [brackets] in a file, HTML escapes undone.</summary>
internal static class Terminal
{
    public static string Marks(string snippet)
    {
        var (open, close) = Console.IsOutputRedirected ? ("[", "]") : ("\u001b[1m", "\u001b[0m");
        return WebUtility.HtmlDecode(snippet.Replace("<mark>", open, StringComparison.Ordinal).Replace("</mark>", close, StringComparison.Ordinal));
    }
}
