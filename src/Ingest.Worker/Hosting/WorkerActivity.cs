using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// Who this worker is to the other workers sharing its catalog — the id its leases carry, its host and
/// pid — and what it is doing now (jobs in hand, whether it holds the inbox-scanning turn), for its heartbeat.
/// </summary>
public sealed class WorkerActivity
{
    private int inFlight;
    private volatile bool scansInbox;

    public string Host { get; } = WorkerLiveness.ThisHost;

    public int Pid { get; } = Environment.ProcessId;

    public DateTimeOffset StartedAt { get; } = WorkerLiveness.ThisProcessStarted;

    /// <summary>Host, pid and a random part: a restarted process with a reused pid is still another worker.</summary>
    public string Id { get; } = $"{WorkerLiveness.ThisHost}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public int InFlight => Volatile.Read(ref inFlight);

    public bool ScansInbox
    {
        get => scansInbox;
        set => scansInbox = value;
    }

    public void Claimed(int count) => Interlocked.Add(ref inFlight, count);

    public void Done() => Interlocked.Decrement(ref inFlight);

    public WorkerBeat Beat(long indexSequence, string? paused) => new(Id, Host, Pid, StartedAt, InFlight, ScansInbox, indexSequence, paused);
}
