namespace PlanIngest.Worker.Catalog.Jobs;

/// <summary>
/// Proof that one worker holds a job until <c>lease_until</c>: every later change to the job names
/// it, and is refused once another worker has taken the job over after the lease ran out.
/// </summary>
public readonly record struct LeaseToken(long JobId, Guid Token);

/// <summary>
/// A claimed job: what to read, how far it got before, and the lease. <paramref name="Interruptions"/>
/// counts the times a dying worker cut it off; <paramref name="SoloInterruptions"/> those of them
/// while it was being read alone (see <see cref="JobSelection.Suspects"/>), which only it can have caused.
/// </summary>
public sealed record JobLease(
    LeaseToken Lease,
    string Sha256,
    string Name,
    string MediaType,
    long Size,
    JobState State,
    int Attempts,
    int Interruptions,
    int SoloInterruptions,
    DateTimeOffset LeaseUntil);

/// <summary>A file just taken from the inbox and archived; <paramref name="Name"/> is null when a crash lost it.</summary>
public sealed record NewJob(string Sha256, string? Name, string MediaType, long Size, DateTimeOffset TakenAt)
{
    public const string UnknownName = "(name lost in a crash)";
}

/// <summary>What registering a taken file amounted to.</summary>
public enum EnqueueOutcome
{
    /// <summary>New content: a job was queued.</summary>
    Queued,

    /// <summary>Content already known; the name was recorded as another name for it.</summary>
    Duplicate,

    /// <summary>Content that had failed before: dropped again, it is queued again (the archivist asks for another try).</summary>
    Requeued,
}

/// <summary>An inbox entry that was never read (a link, a FIFO, a device, a hard-linked file) and why.</summary>
public sealed record RejectedEntry(string Name, string Kind, string Reason, string? QuarantinedAs, DateTimeOffset At);

/// <summary>
/// A job whose document has been read, ready for the catalog: its record (null when the content turned out
/// to be catalogued already, so there is nothing to add) and how the attempt went.
/// </summary>
public sealed record ExtractedJob(LeaseToken Lease, string Sha256, PlanIngest.Extraction.Model.DocumentRecord? Record, JobOutcome Outcome);

/// <summary>How one attempt went, for the job's timings.</summary>
public sealed record JobOutcome(int Pages, int FieldsFound, TimeSpan Elapsed);

/// <summary>
/// Which jobs a claim may take, by how often a dying worker cut them off. A worker takes a
/// <see cref="Suspects"/> job alone, with nothing else in flight, so that a crash while it runs is
/// counted against it and not against innocent documents that happened to be read beside it.
/// </summary>
public sealed record JobSelection(int MinInterruptions, int MaxInterruptions)
{
    public const int SuspectAfter = 2;

    public static JobSelection Fresh { get; } = new(0, SuspectAfter - 1);

    public static JobSelection Suspects { get; } = new(SuspectAfter, int.MaxValue);

    public static JobSelection Any { get; } = new(0, int.MaxValue);
}
