using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Search.Index;
using PlanIngest.Worker.Archive;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Inbox;
using PlanIngest.Worker.Pipeline;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// Builds and runs the worker's host: configuration layers, validated options, the services and
/// the three background services (inbox, ingest, progress), with the two-signal lifetime.
/// </summary>
public static class WatchHost
{
    /// <summary>Runs until stopped; returns the exit code (2 for bad settings, 1 for an unusable data folder).</summary>
    /// <param name="alongside">
    /// Started once the worker runs, on its services, and stopped after it (<c>watch --serve</c>'s web page);
    /// an <see cref="IOException"/> from it (an address in use) stops the worker with exit code 1.
    /// </param>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> fromOptions, IReadOnlyList<string> commandLine, Func<IServiceProvider, Task<IAsyncDisposable>>? alongside = null)
    {
        IHost host;
        WorkerOptions options;
        try
        {
            host = Build(fromOptions, commandLine);
            options = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync($"planingest watch: {failure}");
            }

            return 2;
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or OverflowException)
        {
            // A setting that is not even of its type ("banana" for a time span).
            await Console.Error.WriteLineAsync($"planingest watch: {e.Message}");
            return 2;
        }

        using var owned = host;

        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PlanIngest.Worker");
        try
        {
            host.Services.GetRequiredService<WorkerLock>().PrepareForWorker();
            // The normaliser's lexicon and the field vocabularies load while the store opens and the inbox is first read.
            _ = host.Services.GetRequiredService<ExtractionPipeline>().WarmUpAsync();
            await OpenStoreAsync(host.Services, log);
            await host.StartAsync();
        }
        catch (DataFolderException e)
        {
            await Console.Error.WriteLineAsync($"planingest watch: {e.Message}");
            return 1;
        }
        catch (IndexBusyException e)
        {
            var advice = host.Services.GetRequiredService<DataFolder>().SharedCatalog is null ? string.Empty : " (on a shared catalog give each worker its own --index DIR)";
            await Console.Error.WriteLineAsync($"planingest watch: {e.Message}{advice}");
            return 1;
        }
        catch (CatalogUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"planingest watch: {e.Message}");
            return 1;
        }

        var folder = host.Services.GetRequiredService<DataFolder>();
        var where = folder.SharedCatalog is null ? string.Empty : $"; catalog: {((Catalog.Postgres.PostgresCatalog)host.Services.GetRequiredService<IDocumentCatalog>()).Description}, index in {folder.IndexPath}, worker {host.Services.GetRequiredService<WorkerActivity>().Id}";
        log.LogInformation("watching {Inbox}; data in {Data}; {Parallelism} page(s) at once; a file is taken once unchanged for {Stability} s{Where}", host.Services.GetRequiredService<InboxDirectory>().Path, Path.GetFullPath(options.Data), options.Parallelism, options.StabilityInterval.TotalSeconds, where);
        IAsyncDisposable? companion = null;
        try
        {
            companion = alongside is null ? null : await alongside(host.Services);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"planingest watch: {e.Message}");
            await host.StopAsync();
            return 1;
        }

        await host.WaitForShutdownAsync();
        if (companion is not null)
        {
            // Stopped while the store is still open: the host's services are disposed only when this method returns.
            await companion.DisposeAsync();
        }

        log.LogInformation("stopped");
        return 0;
    }

    // Opening catches the index up with the catalog: after a crash it replays what the last index commit
    // missed, and a deleted index folder is rebuilt from the catalog in full.
    private static async Task OpenStoreAsync(IServiceProvider services, ILogger log)
    {
        var folder = services.GetRequiredService<DataFolder>();
        var rebuild = !Directory.Exists(folder.IndexPath);
        DataStore store;
        try
        {
            store = await DataStore.OpenAsync(folder);
        }
        catch (Exception e) when (StorageGuard.StorageErrno(e) is not null || e is UnauthorizedAccessException)
        {
            throw new DataFolderException($"data folder {folder.Root} cannot be written: {StorageGuard.Describe(e)}", e);
        }

        services.GetRequiredService<OpenedStore>().Set(store);
        if (rebuild)
        {
            log.LogInformation("index {Index} was missing: rebuilt from the catalog ({Count} documents)", folder.IndexPath, store.Index.Count);
        }
    }

    public static IHost Build(IReadOnlyDictionary<string, string?> fromOptions, IReadOnlyList<string> commandLine)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Environment.CurrentDirectory });
        var ocrDefaults = OcrOptions.FromEnvironment();
        builder.Configuration
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{WorkerOptions.Section}:{nameof(WorkerOptions.OcrLanguages)}"] = ocrDefaults.Languages,
                [$"{WorkerOptions.Section}:{nameof(WorkerOptions.Parallelism)}"] = ocrDefaults.MaxParallelPages.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("PLANINGEST_")
            .AddCommandLine(commandLine.ToArray())
            .AddInMemoryCollection(fromOptions);

        builder.Logging
            .AddConsole(o =>
            {
                o.FormatterName = WorkerLogFormatter.FormatterName;
                o.LogToStandardErrorThreshold = LogLevel.Warning;
            })
            .AddConsoleFormatter<WorkerLogFormatter, ConsoleFormatterOptions>()
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning);

        var services = builder.Services;
        services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) => host.ShutdownTimeout = worker.Value.ShutdownGrace + TimeSpan.FromSeconds(30));
        services.AddSingleton<IHostLifetime, WatchLifetime>();
        services.AddSingleton(TimeProvider.System);

        var sharedCatalog = CatalogSetting.From(builder.Configuration);
        services.AddSingleton(p =>
        {
            var root = Path.GetFullPath(Options(p).Data);
            var index = Options(p).Index;
            return sharedCatalog is not null ? DataFolder.Shared(root, index, sharedCatalog)
                : index is { Length: > 0 } ? DataFolder.At(root) with { IndexPath = Path.GetFullPath(index) } : DataFolder.At(root);
        });
        services.AddSingleton<WorkerActivity>();
        services.AddSingleton<WorkerLock>();
        services.AddSingleton<OpenedStore>();
        services.AddSingleton(p => p.GetRequiredService<OpenedStore>().Store.Catalog);
        services.AddSingleton<IJobQueue>(p => p.GetRequiredService<IDocumentCatalog>());
        services.AddSingleton(p => new DocumentIngestor(p.GetRequiredService<ExtractionPipeline>(), p.GetRequiredService<IDocumentCatalog>(), p.GetRequiredService<OpenedStore>().Store.Feed!));
        services.AddSingleton<CatalogCommitter>();
        services.AddSingleton<IndexCommitter>();
        services.AddSingleton(p => InboxDirectory.Open(Options(p).Inbox));
        services.AddSingleton(p => new StabilityTracker(Options(p).StabilityInterval, p.GetRequiredService<TimeProvider>()));
        services.AddSingleton<InboxScanner>();
        services.AddSingleton<InboxIntake>();
        services.AddSingleton(p => new ContentArchive(p.GetRequiredService<DataFolder>().ArchivePath));
        services.AddSingleton(p => new Quarantine(p.GetRequiredService<DataFolder>().QuarantinePath));
        services.AddSingleton(p => new StorageGuard(p.GetRequiredService<DataFolder>().Root, p.GetRequiredService<DataFolder>().IndexPath, Options(p).MinFreeMegabytes * 1024 * 1024, p.GetRequiredService<ILogger<StorageGuard>>()));
        services.AddSingleton(p => new OcrEnginePool(new OcrOptions
        {
            Languages = Options(p).OcrLanguages,
            TessdataPath = ocrDefaults.TessdataPath,
            MaxParallelPages = Options(p).Parallelism,
            PageTimeLimit = Options(p).PageTimeLimit,
        }));
        services.AddSingleton(p => ExtractionPipeline.Create(p.GetRequiredService<OcrEnginePool>()));
        services.AddSingleton<WorkerProgress>();
        services.AddSingleton<JobProcessor>();
        services.AddSingleton<WorkerSignals>();

        // Registered first, so that it stops last: the worker stays listed while it still holds jobs.
        services.AddHostedService<HeartbeatService>();
        services.AddHostedService<ProgressService>();
        services.AddHostedService<IngestService>();
        services.AddHostedService<InboxService>();
        if (sharedCatalog is not null)
        {
            services.AddHostedService<IndexFollower>();
        }

        return builder.Build();
    }

    private static WorkerOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<WorkerOptions>>().Value;
}
