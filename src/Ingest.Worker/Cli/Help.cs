using System.CommandLine;
using System.Text;

namespace PlanIngest.Worker.Cli;

/// <summary>The verb list that <c>planingest</c> and <c>planingest help</c> print.</summary>
internal static class Help
{
    public static string Verbs(RootCommand root)
    {
        var text = new StringBuilder();
        text.AppendLine(root.Description);
        text.AppendLine();
        text.AppendLine("Usage: planingest VERB [options]   (planingest help VERB, or planingest VERB --help, for a verb's options)");
        text.AppendLine();
        text.AppendLine("Verbs:");
        var width = root.Subcommands.Max(c => c.Name.Length) + 2;
        foreach (var verb in root.Subcommands)
        {
            text.AppendLine($"  {verb.Name.PadRight(width)}{verb.Description}");
        }

        text.AppendLine();
        text.Append("Exit codes: 0 success, 1 a file failed (stderr names it and why), 2 bad usage.");
        return text.ToString();
    }
}
