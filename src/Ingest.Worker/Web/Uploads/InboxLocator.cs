using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Web.Uploads;

/// <summary>
/// Where uploads go: the inbox named in the settings, or else the inbox of the worker running on the
/// data folder (from the note in its lock), looked up when a file arrives — a worker may start after
/// the page. Null when neither is known: uploads are then turned away with the reason.
/// </summary>
internal sealed class InboxLocator(WebSettings settings, DataFolder folder)
{
    private readonly WorkerLock worker = new(folder);

    public string? Inbox => settings.Inbox ?? (worker.ReadNote()?.Inbox is { Length: > 0 } inbox ? inbox : null);

    public InboxDrop? Drop => Inbox is { } inbox ? new InboxDrop(inbox, settings.MaxUploadBytes) : null;
}
