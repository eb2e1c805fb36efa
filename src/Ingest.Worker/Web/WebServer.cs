using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PlanIngest.Worker.Web;

/// <summary>
/// The web page and API running on Kestrel: built on a slim <see cref="WebApplication"/> with
/// <see cref="PlanWebApp"/>, started, and stopped when disposed. <c>serve</c> lets it answer the process's
/// signals itself; inside <c>watch --serve</c> the worker's lifetime owns the signals and stops it.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebServer(WebApplication app, IReadOnlyList<string> addresses)
    {
        this.app = app;
        Addresses = addresses;
    }

    /// <summary>Where it listens, port 0 resolved (e.g. <c>http://127.0.0.1:5080</c>).</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <exception cref="WebSettingsException">The settings must not be served.</exception>
    /// <exception cref="IOException">An address cannot be listened on (in use, not on this machine).</exception>
    public static async Task<WebServer> StartAsync(WebSettings settings, WebData data, bool answersSignals, CancellationToken cancellationToken)
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
        if (!answersSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, OwnedLifetime>();
        }

        builder.AddPlanWeb(settings, data);
        var app = builder.Build();
        app.MapPlanWeb();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        return new WebServer(app, addresses);
    }

    /// <summary>Until the process is told to stop (SIGINT, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C through the CLI's token: a normal way to stop a server.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    /// <summary>A lifetime that leaves the signals to the host that owns the process (the worker's two-signal lifetime).</summary>
    private sealed class OwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
