namespace PlanIngest.Worker.Catalog.Jobs;

/// <summary>
/// The job part of the catalog: the queue from "taken from the inbox" to "indexed" or "failed". It is
/// written for many workers sharing one catalog (issue 11, PostgreSQL): a worker claims jobs and gets
/// a lease with an expiry, renews it while it works, and finishes or gives back a job by its lease
/// token; a job whose lease ran out (its worker died) can be claimed by anyone and counts as
/// interrupted. The embedded SQLite catalog has a single worker, which lets
/// <see cref="RecoverAsync"/> expire every lease at once on start.
/// </summary>
public interface IJobQueue
{
    /// <summary>
    /// Registers files taken from the inbox in one transaction, flushed to disk before it returns (the
    /// inbox copies are deleted next). Known content gets the new name as another name instead of a job.
    /// </summary>
    Task<IReadOnlyList<EnqueueOutcome>> EnqueueAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken);

    /// <summary>Records an inbox entry that was refused without being read.</summary>
    Task RecordRejectionAsync(RejectedEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> jobs that are due (queued, or in flight under an expired lease) and
    /// were interrupted as often as <paramref name="selection"/> says, least interrupted first, leased
    /// to <paramref name="workerId"/> until now + <paramref name="leaseFor"/>.
    /// </summary>
    Task<IReadOnlyList<JobLease>> ClaimAsync(string workerId, int max, TimeSpan leaseFor, JobSelection selection, CancellationToken cancellationToken);

    /// <summary>Extends leases (the heartbeat); returns the ones that were lost to another worker.</summary>
    Task<IReadOnlyList<LeaseToken>> RenewAsync(IReadOnlyList<LeaseToken> leases, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>The document's record is in the catalog; false when the lease was lost.</summary>
    Task<bool> MarkExtractedAsync(LeaseToken lease, JobOutcome outcome, CancellationToken cancellationToken);

    /// <summary>The index has committed the document; the job is done. False when the lease was lost.</summary>
    Task<bool> CompleteAsync(LeaseToken lease, CancellationToken cancellationToken);

    /// <summary>
    /// A batch of jobs whose documents one index commit made durable; per lease, whether it was still
    /// held. The default completes them one by one; a catalog overrides it to do it in one transaction.
    /// </summary>
    async Task<IReadOnlyList<bool>> CompleteAsync(IReadOnlyList<LeaseToken> leases, CancellationToken cancellationToken)
    {
        var held = new List<bool>(leases.Count);
        foreach (var lease in leases)
        {
            held.Add(await CompleteAsync(lease, cancellationToken).ConfigureAwait(false));
        }

        return held;
    }

    /// <summary>
    /// The job goes back to the queue until <paramref name="notBefore"/>: after a transient failure
    /// (one more attempt), or when nothing could have succeeded (no OCR engine; the attempt does not count).
    /// </summary>
    Task<bool> RetryLaterAsync(LeaseToken lease, string error, DateTimeOffset notBefore, bool countsAsAttempt, CancellationToken cancellationToken);

    /// <summary>Another attempt failed and is being retried at once by the same worker (its count and error are kept).</summary>
    Task<bool> NoteAttemptAsync(LeaseToken lease, string error, CancellationToken cancellationToken);

    /// <summary>A permanent failure (or the retries ran out): the job is failed, its original at <paramref name="quarantinedAs"/>.</summary>
    Task<bool> FailAsync(LeaseToken lease, string error, string? quarantinedAs, CancellationToken cancellationToken);

    /// <summary>Gives a job back unfinished (the worker is stopping); the attempt does not count.</summary>
    Task ReleaseAsync(LeaseToken lease, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="changed"/> whenever another process sharing the catalog may have made jobs claimable
    /// (queued files, given jobs back), until cancelled, so that a worker that does not scan the inbox claims them
    /// at once; its poll covers the rest. Connection failures go to <paramref name="failed"/>. The default returns
    /// at once: the embedded catalog has one worker, whose own inbox pass wakes it.
    /// </summary>
    Task ListenAsync(Action changed, Action<Exception> failed, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>On start: makes the jobs left in flight by workers known to be gone claimable now. Returns how many.</summary>
    Task<int> RecoverAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether this process may scan the inbox now. Of all the processes sharing the catalog exactly one
    /// holds this turn at a time: a call that finds it free takes it, and it stays with that process
    /// until the process (or its connection to the catalog) goes, when another's next call takes it
    /// over. Later calls by the holder confirm that it is still held. Any process may claim jobs.
    /// </summary>
    Task<bool> HoldDiscoveryAsync(CancellationToken cancellationToken);

    /// <summary>The worker's heartbeat: records that it is alive and what it is doing, for <c>status</c>.</summary>
    Task BeatAsync(WorkerBeat beat, CancellationToken cancellationToken);

    /// <summary>A worker stopping in good order takes itself off the list (and gives up the discovery turn).</summary>
    Task SignOffAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>Every name this content was dropped under, first first.</summary>
    Task<IReadOnlyList<string>> NamesOfAsync(string sha256, CancellationToken cancellationToken);

    Task<QueueStatus> GetStatusAsync(int listed, CancellationToken cancellationToken);
}
