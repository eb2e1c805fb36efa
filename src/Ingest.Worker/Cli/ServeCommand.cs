using System.CommandLine;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Hosting;
using PlanIngest.Worker.Web;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest serve [--data DIR] [--index DIR] [--catalog CONNECTION] [--urls URL] [--inbox DIR] [--api-key-file FILE]</c>:
/// the web page and the JSON API over a data folder (or a node's own index on a shared catalog), until stopped.
/// Loopback only unless an API key is given (<c>PLANINGEST_API_KEY</c> or a file), so the catalog is never
/// served to the network by accident.
/// </summary>
internal static class ServeCommand
{
    public const string ApiKeyVariable = "PLANINGEST_API_KEY";

    public static Command Create()
    {
        var data = SharedOptions.Data();
        var index = SharedOptions.Index();
        var catalog = SharedOptions.Catalog();
        var urls = UrlsOption();
        var inbox = new Option<string?>("--inbox") { Description = "Where the upload form drops files (default: the inbox of the worker running on the data folder)." };
        var keyFile = KeyFileOption();
        var command = new Command("serve", "Serve the web page and the JSON API (search, documents, compare, status, deadlines).") { data, index, catalog, urls, inbox, keyFile };
        SharedOptions.NotBoth(command, data, index, catalog);
        command.SetAction(async (parsed, token) =>
        {
            var settings = Settings(parsed.GetValue(urls), parsed.GetValue(keyFile), parsed.GetValue(inbox));
            return settings is null ? ExitCodes.Usage : await RunAsync(settings, SharedOptions.Folder(parsed, data, index, catalog), token);
        });
        return command;
    }

    private static async Task<int> RunAsync(WebSettings settings, DataFolder folder, CancellationToken token)
    {
        if (Web.Security.BindingPolicy.Problem(settings) is { } problem)
        {
            ConsoleOutput.Error($"planingest serve: {problem}");
            return ExitCodes.Usage;
        }

        if (folder.SharedCatalog is not null)
        {
            return await RunOnSharedCatalogAsync(settings, folder, token);
        }

        WebData data;
        try
        {
            data = await WebData.OpenAsync(folder, token);
        }
        catch (WebDataException e)
        {
            ConsoleOutput.Error(e.Message);
            return ExitCodes.FileFailed;
        }

        using (data)
        {
            return await ServeAsync(settings, data, token);
        }
    }

    /// <summary>
    /// A search node on a shared catalog: its own index is caught up at start and then follows the changes the
    /// workers commit, every <see cref="WorkerOptions.FollowInterval"/>, for as long as the page is up. When a
    /// worker on this machine writes the same index folder, the page reads what that worker commits instead.
    /// </summary>
    private static async Task<int> RunOnSharedCatalogAsync(WebSettings settings, DataFolder folder, CancellationToken token)
    {
        using var store = await StoreOpener.ForReadingAsync(folder, token);
        if (store is null)
        {
            return ExitCodes.FileFailed;
        }

        using var data = WebData.Borrow(folder, store.Catalog, store.Index);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var following = store.Feed?.FollowAsync(
            new WorkerOptions().FollowInterval,
            e => ConsoleOutput.Error($"{folder.IndexPath}: not caught up with the catalog: {e.Message}"),
            stop.Token) ?? Task.CompletedTask;
        try
        {
            return await ServeAsync(settings, data, token);
        }
        finally
        {
            await stop.CancelAsync();
            await following;
        }
    }

    private static async Task<int> ServeAsync(WebSettings settings, WebData data, CancellationToken token)
    {
        WebServer server;
        try
        {
            server = await WebServer.StartAsync(settings, data, answersSignals: true, token);
        }
        catch (IOException e)
        {
            ConsoleOutput.Error($"planingest serve: cannot listen on {string.Join(", ", settings.Urls)}: {e.Message}");
            return ExitCodes.FileFailed;
        }

        await using (server)
        {
            var index = data.Folder.SharedCatalog is null ? string.Empty : $", index {data.Folder.IndexPath}";
            ConsoleOutput.Line($"planingest serve: {string.Join(' ', server.Addresses)} (data {Path.GetFullPath(data.Folder.Root)}{index}{(settings.Inbox is null ? string.Empty : $", uploads to {Path.GetFullPath(settings.Inbox)}")}); Ctrl-C stops");
            await server.WaitForShutdownAsync(token);
        }

        return ExitCodes.Success;
    }

    /// <summary>The web settings of <c>serve</c> and <c>watch --serve</c>: <c>--urls</c>, the key from <c>--api-key-file</c> or the environment.</summary>
    /// <returns>Null (after saying why) when the key file cannot be read.</returns>
    public static WebSettings? Settings(string? urls, string? keyFile, string? inbox)
    {
        if (ReadKey(keyFile) is not { } key)
        {
            return null;
        }

        return new WebSettings
        {
            Urls = urls is { Length: > 0 } list ? list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [WebSettings.DefaultUrl],
            ApiKey = key.Value,
            Inbox = inbox,
        };
    }

    public static Option<string?> UrlsOption() => new("--urls") { Description = $"Addresses to listen on, separated by ';' (default {WebSettings.DefaultUrl}; port 0 picks a free one)." };

    public static Option<string?> KeyFileOption() => new("--api-key-file") { Description = $"File holding the API key (else {ApiKeyVariable}); required for a non-loopback address." };

    /// <summary>The key from the file or the environment (null value: none given); null when the file cannot be read.</summary>
    private static Key? ReadKey(string? file)
    {
        if (file is null)
        {
            return new Key(Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null);
        }

        try
        {
            return new Key(File.ReadAllText(file).Trim());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ConsoleOutput.FileError(file, $"cannot read the API key: {e.Message}");
            return null;
        }
    }

    private sealed record Key(string? Value);
}
