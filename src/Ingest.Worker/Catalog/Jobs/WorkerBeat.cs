namespace PlanIngest.Worker.Catalog.Jobs;

/// <summary>
/// What a running worker says about itself on every heartbeat, for <c>status</c>: where it runs, how
/// many jobs it holds, whether it is the one scanning the inbox, and how far its own index has got
/// in the catalog's change sequence.
/// </summary>
public sealed record WorkerBeat(
    string Id,
    string Host,
    int Pid,
    DateTimeOffset StartedAt,
    int InFlight,
    bool ScansInbox,
    long IndexSequence,
    string? Paused);

/// <summary>A worker as the catalog last heard of it.</summary>
public sealed record WorkerSeen(WorkerBeat Beat, DateTimeOffset LastHeartbeat);
