using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// One line per event, "HH:mm:ss message", so that a person can follow documents flowing through and
/// a script can grep for a file name; warnings and errors go to stderr (CONTRACT: one line each).
/// </summary>
public sealed class WorkerLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "planingest";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var level = logEntry.LogLevel switch
        {
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            _ => string.Empty,
        };
        var detail = logEntry.Exception is { } e && logEntry.LogLevel >= LogLevel.Error ? $" [{e.GetType().Name}: {e.Message.Split('\n')[0]}]" : string.Empty;
        textWriter.Write($"{DateTime.Now:HH:mm:ss} {level}{message.ReplaceLineEndings(" ")}{detail}\n");
    }
}
