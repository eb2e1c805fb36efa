using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on, separated by ';' (default {WebSettings.DefaultUrl}; port 0 picks a free one)." };
        var inbox = new Option<string?>("--inbox") { Description = "The worker's inbox: the upload form drops files there (without it, uploads are off)." };
        var keyFile = new Option<string?>("--api-key-file") { Description = $"File holding the API key (else {ApiKeyVariable}); required for a non-loopback address." };
        var command = new Command("serve", "Serve the web page and the JSON API (search, documents, compare, status, deadlines).") { data, urls, inbox, keyFile };
        command.SetAction(async (parsed, token) =>
        {
            if (ReadKey(parsed.GetValue(keyFile)) is not { } key)
            {
                return ExitCodes.Usage;
            }

            var settings = new WebSettings
            {
                Urls = parsed.GetValue(urls) is { Length: > 0 } list ? list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [WebSettings.DefaultUrl],
                ApiKey = key.Value,
                Inbox = parsed.GetValue(inbox),
            };
            return await RunAsync(settings, SharedOptions.Folder(parsed, data), token);
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
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = [],
                ApplicationName = "planingest",
                ContentRootPath = AppContext.BaseDirectory,
                EnvironmentName = Environments.Production,
            });
            // Warnings and errors only, on stderr: stdout carries the address line a script waits for.
            builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
            builder.AddPlanWeb(settings, data);
            await using var app = builder.Build();
            app.MapPlanWeb();
            try
            {
                await app.StartAsync(token);
            }
            catch (IOException e)
            {
                ConsoleOutput.Error($"planingest serve: cannot listen on {string.Join(", ", settings.Urls)}: {e.Message}");
                return ExitCodes.FileFailed;
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            ConsoleOutput.Line($"planingest serve: {string.Join(' ', addresses)} (data {Path.GetFullPath(folder.Root)}{(settings.Inbox is null ? string.Empty : $", uploads to {Path.GetFullPath(settings.Inbox)}")}); Ctrl-C stops");
            try
            {
                await app.WaitForShutdownAsync(token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: a normal way to stop a server.
            }

            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        }
    }

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
