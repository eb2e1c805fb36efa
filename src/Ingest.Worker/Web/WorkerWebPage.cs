using Microsoft.Extensions.DependencyInjection;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Cli;
using PlanIngest.Worker.Hosting;
using PlanIngest.Worker.Inbox;

namespace PlanIngest.Worker.Web;

/// <summary>
/// <c>watch --serve</c>: the web page in the worker's process, on the worker's own catalog and index (its
/// searches see what the worker has applied, committed or not) and with uploads going to the worker's inbox.
/// </summary>
internal static class WorkerWebPage
{
    /// <summary>Starts the page once the worker's host has started; disposing the result stops it.</summary>
    public static async Task<IAsyncDisposable> StartAsync(WebSettings settings, IServiceProvider worker)
    {
        var store = worker.GetRequiredService<OpenedStore>().Store;
        var data = WebData.Borrow(worker.GetRequiredService<DataFolder>(), store.Catalog, store.Index);
        var server = await WebServer.StartAsync(settings with { Inbox = worker.GetRequiredService<InboxDirectory>().Path }, data, answersSignals: false, CancellationToken.None);
        ConsoleOutput.Line($"planingest watch: web page and API at {string.Join(' ', server.Addresses)}");
        return server;
    }
}
