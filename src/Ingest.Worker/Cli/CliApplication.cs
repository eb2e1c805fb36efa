using System.CommandLine;

namespace PlanIngest.Worker.Cli;

/// <summary>The <c>planingest</c> command line: one verb per class, parsed here.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        NativeStderr.Silence();
        var root = new RootCommand("PlanIngest: read, normalise and extract Vietnamese administrative plans.")
        {
            ExtractCommand.Create(),
            EvalOcrCommand.Create(),
            NormalizeCommand.Create(),
            EvalRepairCommand.Create(),
            EvalCommand.Create(),
            EvalHardCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"planingest: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Try 'planingest --help'.");
            return ExitCodes.Usage;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await parsed.InvokeAsync(cancellationToken: stop.Token);
    }
}
