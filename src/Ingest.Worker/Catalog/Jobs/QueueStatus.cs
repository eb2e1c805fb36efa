namespace PlanIngest.Worker.Catalog.Jobs;

/// <summary>What <c>planingest status</c> shows about the queue.</summary>
public sealed record QueueStatus(
    IReadOnlyDictionary<JobState, int> Counts,
    IReadOnlyList<JobSummary> Waiting,
    IReadOnlyList<JobSummary> RecentFailures,
    IReadOnlyList<RejectedEntry> RecentRejections,
    IReadOnlyList<WorkerSeen> Workers);

/// <summary>One job as status lists it.</summary>
public sealed record JobSummary(
    long Id,
    string Sha256,
    string Name,
    JobState State,
    int Attempts,
    int Interruptions,
    string? LastError,
    string? QuarantinedAs,
    DateTimeOffset UpdatedAt,
    int? Pages,
    double? Seconds);
