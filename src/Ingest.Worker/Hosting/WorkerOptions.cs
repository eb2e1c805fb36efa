namespace PlanIngest.Worker.Hosting;

/// <summary>
/// The worker's settings, bound from the "Worker" section of the usual .NET configuration layers
/// (appsettings.json beside the executable, PLANINGEST_Worker__NAME environment variables, the
/// command line) and checked by <see cref="WorkerOptionsValidator"/> before anything starts.
/// </summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>The watched folder.</summary>
    public string Inbox { get; set; } = string.Empty;

    /// <summary>Catalog, index, archive and quarantine live here (CONTRACT §4).</summary>
    public string Data { get; set; } = "data";

    /// <summary>This node's own index folder (default <c>DATA/index</c>); with a shared catalog each worker and search node keeps its own.</summary>
    public string? Index { get; set; }

    /// <summary>
    /// How long a claimed job stays this worker's without a heartbeat: the job of a worker that died is
    /// taken up by another this long after its last renewal.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often leases are renewed and the worker's heartbeat is recorded (status shows it).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>With a shared catalog: how often this node's index takes in the documents other workers committed.</summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the catalog is asked for work while this worker has free slots and nothing told it of new jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pages recognised at once across all documents; one Tesseract engine each.</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Documents being read at once (null: <see cref="InFlight"/>'s default); more than <see cref="Parallelism"/> so that
    /// text files and disk waits overlap OCR.
    /// </summary>
    public int? DocumentsInFlight { get; set; }

    /// <summary>
    /// <see cref="DocumentsInFlight"/>, by default two per OCR engine (at least 2): each engine has its next document
    /// at hand, and a worker limited to fewer engines than cores (several workers sharing a machine or a catalog)
    /// does not hold claimed scans waiting that an idle worker could read: with <c>--parallelism 1</c> four in flight
    /// left three scans queued in one worker while another had none at the end of a batch.
    /// </summary>
    public int InFlight => DocumentsInFlight ?? Math.Max(2, 2 * Parallelism);

    /// <summary>A file is taken once its size and modification time have not changed for this long.</summary>
    public TimeSpan StabilityInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The folder is listed again this often even without a change notification (notifications get lost, e.g. on network shares).</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tesseract languages, e.g. "vie" or "vie+eng".</summary>
    public string OcrLanguages { get; set; } = "vie";

    /// <summary>A page whose OCR takes longer fails (transiently) instead of hanging the worker.</summary>
    public TimeSpan PageTimeLimit { get; set; } = TimeSpan.FromSeconds(120);

    public RetryOptions Retry { get; set; } = new();

    /// <summary>The queue pauses (nothing is taken from the inbox) while the data folder has less free space than this.</summary>
    public long MinFreeMegabytes { get; set; } = 64;

    /// <summary>How often a summary line (queue, documents and pages per minute, ETA) is written.</summary>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On a stop signal, documents being read get this long to finish before they are put back in the queue.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>How transient failures (an I/O error, an OCR time-out) are retried.</summary>
public sealed class RetryOptions
{
    /// <summary>Attempts of one document before it is quarantined, counting the first.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; it doubles each time, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Times a document may be cut off by the worker dying (a kill, a crash, a power cut) while it is
    /// being read alone before it is quarantined as the probable cause: a file that crashes the process
    /// must not crash it forever. A document cut off twice beside others is read alone from then on,
    /// so that documents that merely happened to be in flight are not blamed.
    /// </summary>
    public int MaxInterruptions { get; set; } = 3;
}
