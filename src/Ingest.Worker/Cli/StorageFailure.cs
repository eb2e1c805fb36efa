using System.CommandLine;
using System.Data.Common;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// The one-line message for a verb that stopped because its catalog or index could not be read or
/// written (a full or read-only disk, a database error). Without it the user got the exception's stack
/// trace, which names SQLite internals but not what to do.
/// </summary>
internal static class StorageFailure
{
    /// <summary>The reason when <paramref name="error"/> is a storage failure; null for anything else (a bug, shown whole).</summary>
    public static string? Describe(Exception error, string folder)
    {
        var storage = Chain(error).FirstOrDefault(e => e is IOException or UnauthorizedAccessException or DbException);
        if (storage is null)
        {
            return null;
        }

        var reason = StorageGuard.StorageErrno(error) is not null ? StorageGuard.Describe(error) : storage.Message.TrimEnd('.');
        return $"the data folder {folder} could not be read or written ({reason}); check that its disk has space and is writable";
    }

    /// <summary>The folder the verb was given (<c>--index</c>, else <c>--data</c>, else the default), as the user wrote it.</summary>
    public static string FolderOf(ParseResult parsed)
    {
        var options = parsed.CommandResult.Command.Options.Select(o => o.Name).ToHashSet();
        string? Given(string name) => options.Contains(name) ? parsed.GetValue<string?>(name) : null;
        return Given("--index") ?? Given("--data") ?? DataFolder.DefaultRoot;
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
