using System.CommandLine;
using System.CommandLine.Parsing;

namespace PlanIngest.Worker.Cli;

/// <summary>The <c>planingest</c> command line: one verb per class, parsed here.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        NativeStderr.Silence();
        var root = new RootCommand("PlanIngest: read, normalise and extract Vietnamese administrative plans; catalog, search and compare them.")
        {
            ExtractCommand.Create(),
            IngestCommand.Create(),
            SearchCommand.Create(),
            CompareCommand.Create(),
            ShowCommand.Create(),
            ReindexCommand.Create(),
            ReextractCommand.Create(),
            NormalizeCommand.Create(),
            EvalCommand.Create(),
            EvalOcrCommand.Create(),
            EvalRepairCommand.Create(),
            EvalHardCommand.Create(),
            WatchCommand.Create(),
            StatusCommand.Create(),
            ServeCommand.Create(),
        };

        if (args.Length == 0 || args is ["help"])
        {
            // Bare "planingest" is a usage mistake (exit 2) that still shows what there is to use.
            ConsoleOutput.Line(Help.Verbs(root));
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        if (args is ["help", var verb, ..])
        {
            args = [verb, "--help"];
        }

        var parsed = root.Parse(args);
        var errors = parsed.Errors.Select(e => e.Message).Concat(UnknownOptions(parsed)).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ConsoleOutput.Error($"planingest: {error}");
            }

            ConsoleOutput.Error("Try 'planingest --help'.");
            return ExitCodes.Usage;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            // Our own handler below: System.CommandLine's default one prints every exception with its stack trace.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            ConsoleOutput.Error("planingest: interrupted");
            return 130;
        }
        catch (Exception e) when (StorageFailure.Describe(e, StorageFailure.FolderOf(parsed)) is { } reason)
        {
            ConsoleOutput.Error($"planingest {parsed.CommandResult.Command.Name}: {reason}");
            return ExitCodes.FileFailed;
        }
        catch (Exception e)
        {
            // Not the user's doing: the whole exception, so that the bug can be found.
            ConsoleOutput.Error($"planingest {parsed.CommandResult.Command.Name}: unexpected error: {e}");
            return ExitCodes.FileFailed;
        }
    }

    /// <summary>
    /// A word that looks like an option but is none of the verb's (<c>--jsn</c>) would otherwise be taken
    /// as a file name, and the mistake would show only as "no such file". After <c>--</c> anything goes.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parsed)
    {
        // watch hands tokens it does not know to the .NET configuration layer (--Worker:Key=value).
        if (!parsed.CommandResult.Command.TreatUnmatchedTokensAsErrors)
        {
            yield break;
        }

        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                yield break;
            }

            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-' && !double.TryParse(token.Value, out _))
            {
                yield return $"unknown option '{token.Value}' for '{parsed.CommandResult.Command.Name}'";
            }
        }
    }
}
