namespace PlanIngest.Worker.Hosting;

/// <summary>The worker's two "look again" signals: the inbox changed; the queue has new jobs.</summary>
public sealed class WorkerSignals
{
    public Wakeup InboxChanged { get; } = new();

    public Wakeup QueueChanged { get; } = new();
}
