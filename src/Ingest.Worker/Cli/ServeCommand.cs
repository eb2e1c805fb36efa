using System.CommandLine;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Web;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest serve [--data DIR] [--urls URL] [--inbox DIR] [--api-key-file FILE]</c>: the web page and
/// the JSON API over a data folder, until stopped. Loopback only unless an API key is given
/// (<c>PLANINGEST_API_KEY</c> or a file), so the catalog is never served to the network by accident.
/// </summary>
internal static class ServeCommand
{
    public const string ApiKeyVariable = "PLANINGEST_API_KEY";

    public static Command Create()
    {
        var data = SharedOptions.Data();
        var urls = UrlsOption();
        var inbox = new Option<string?>("--inbox") { Description = "Where the upload form drops files (default: the inbox of the worker running on the data folder)." };
        var keyFile = KeyFileOption();
        var command = new Command("serve", "Serve the web page and the JSON API (search, documents, compare, status, deadlines).") { data, urls, inbox, keyFile };
        command.SetAction(async (parsed, token) =>
        {
            var settings = Settings(parsed.GetValue(urls), parsed.GetValue(keyFile), parsed.GetValue(inbox));
            return settings is null ? ExitCodes.Usage : await RunAsync(settings, SharedOptions.Folder(parsed, data), token);
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
                ConsoleOutput.Line($"planingest serve: {string.Join(' ', server.Addresses)} (data {Path.GetFullPath(folder.Root)}{(settings.Inbox is null ? string.Empty : $", uploads to {Path.GetFullPath(settings.Inbox)}")}); Ctrl-C stops");
                await server.WaitForShutdownAsync(token);
            }

            return ExitCodes.Success;
        }
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
