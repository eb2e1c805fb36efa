using System.CommandLine;
using System.Globalization;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest watch INBOX [--data DIR]</c>: the worker, until stopped. The options here are the
/// common settings; any other is given the .NET way (<c>--Worker:RescanInterval=00:00:05</c>), in
/// appsettings.json beside the executable, or as <c>PLANINGEST_Worker__NAME</c> in the environment.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var inbox = new Argument<string?>("INBOX") { Arity = ArgumentArity.ZeroOrOne, Description = "The folder to watch (or Worker:Inbox in the configuration)." };
        var data = new Option<string?>("--data") { Description = "Catalog, index, archive and quarantine (default ./data)." };
        var parallelism = new Option<int?>("--parallelism") { Description = "Pages recognised at once (default: the core count)." };
        var stability = new Option<double?>("--stability") { Description = "Seconds a file must stay unchanged before it is taken (default 2)." };
        var attempts = new Option<int?>("--max-attempts") { Description = "Attempts at a transiently failing document before it is quarantined (default 3)." };
        var languages = SharedOptions.OcrLanguages();
        var index = new Option<string?>("--index") { Description = "This node's own index folder (default DATA/index); each worker on a shared catalog needs its own." };
        var catalog = SharedOptions.Catalog();
        var serve = new Option<bool>("--serve") { Description = "Also serve the web page and API from this process (uploads go to the inbox)." };
        var urls = ServeCommand.UrlsOption();
        var keyFile = ServeCommand.KeyFileOption();
        var command = new Command("watch", "Watch a folder: read, extract, catalog and index every file dropped into it, until stopped.")
        {
            inbox, data, index, catalog, parallelism, stability, attempts, languages, serve, urls, keyFile,
        };

        // Unrecognised "--Section:Key=value" tokens are the .NET command-line configuration layer.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, _) =>
        {
            var settings = new Dictionary<string, string?>();
            void Set(string key, string? value)
            {
                if (value is not null)
                {
                    settings[$"{WorkerOptions.Section}:{key}"] = value;
                }
            }

            Set(nameof(WorkerOptions.Inbox), parsed.GetValue(inbox));
            Set(nameof(WorkerOptions.Data), parsed.GetValue(data));
            Set(nameof(WorkerOptions.Parallelism), parsed.GetValue(parallelism)?.ToString(CultureInfo.InvariantCulture));
            Set(nameof(WorkerOptions.StabilityInterval), parsed.GetValue(stability) is { } s ? TimeSpan.FromSeconds(s).ToString("c", CultureInfo.InvariantCulture) : null);
            Set($"{nameof(WorkerOptions.Retry)}:{nameof(RetryOptions.MaxAttempts)}", parsed.GetValue(attempts)?.ToString(CultureInfo.InvariantCulture));
            Set(nameof(WorkerOptions.OcrLanguages), parsed.GetValue(languages));
            Set(nameof(WorkerOptions.Index), parsed.GetValue(index));
            if (parsed.GetValue(catalog) is { Length: > 0 } connection)
            {
                settings[Catalog.CatalogSetting.Key] = connection;
            }

            Func<IServiceProvider, Task<IAsyncDisposable>>? page = null;
            if (parsed.GetValue(serve))
            {
                // Refused before the worker starts: a page that may not be served is a usage error, not a half-started worker.
                var web = ServeCommand.Settings(parsed.GetValue(urls), parsed.GetValue(keyFile), inbox: null);
                if (web is null || Web.Security.BindingPolicy.Problem(web) is { } problem && Fail(problem))
                {
                    return ExitCodes.Usage;
                }

                page = worker => Web.WorkerWebPage.StartAsync(web, worker);
            }
            else if (parsed.GetValue(urls) is not null || parsed.GetValue(keyFile) is not null)
            {
                ConsoleOutput.Error("planingest watch: --urls and --api-key-file go with --serve");
                return ExitCodes.Usage;
            }

            // The stop token of the CLI is not used: the worker's own lifetime handles the signals (one: graceful, two: at once).
            return await WatchHost.RunAsync(settings, parsed.UnmatchedTokens, page);
        });
        return command;
    }

    private static bool Fail(string problem)
    {
        ConsoleOutput.Error($"planingest watch --serve: {problem}");
        return true;
    }
}
