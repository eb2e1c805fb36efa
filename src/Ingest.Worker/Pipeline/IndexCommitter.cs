using Microsoft.Extensions.Logging;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Pipeline;

/// <summary>
/// Makes the index durable for a batch of documents at once and only then calls their jobs done. A
/// Lucene commit costs several fsyncs, so one per document would cap the worker at a few dozen
/// documents a second; their records are already safe in the catalog, and a crash before the commit
/// only means the index replays them from the catalog's change sequence on the next start.
/// A commit also writes a new segment (a dozen files, fsynced) that merges later rewrite, so while
/// documents keep arriving it waits for more of them, up to <see cref="BatchSize"/> or <see cref="MaxWait"/>;
/// once none has arrived for <see cref="Quiet"/> it commits at once, so a lone document is not kept waiting.
/// </summary>
public sealed class IndexCommitter(DocumentIngestor ingestor, IJobQueue jobs, StorageGuard storage, WorkerProgress progress, ILogger<IndexCommitter> log)
{
    // At 2,000 documents dropped at once, committing every half second (or 128 documents) made ~30 commits on a
    // quiet machine and ~120 under load; Lucene's commits, flushes and merges were ~12% of the worker's CPU.
    private const int BatchSize = 512;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMilliseconds(500);

    private readonly Lock gate = new();
    private readonly Wakeup full = new();
    private List<Pending> pending = [];
    private long firstAddedAt;
    private long lastAddedAt;
    private long notBefore;

    /// <summary>The document of <paramref name="job"/> is in the catalog and applied to the index; <paramref name="line"/> is logged once it is committed.</summary>
    public void Add(JobLease job, int pages, string line)
    {
        lock (gate)
        {
            lastAddedAt = Environment.TickCount64;
            if (pending.Count == 0)
            {
                firstAddedAt = lastAddedAt;
            }

            pending.Add(new Pending(job, pages, line));
            if (pending.Count >= BatchSize)
            {
                full.Set();
            }
        }
    }

    /// <summary>Commits when documents stop arriving, a batch is full or the oldest has waited <see cref="MaxWait"/>, until stopped; then once more.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await full.WaitAsync(Quiet, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (Due())
            {
                await CommitAsync().ConfigureAwait(false);
            }
        }

        await CommitAsync().ConfigureAwait(false);
    }

    private bool Due()
    {
        var now = Environment.TickCount64;
        lock (gate)
        {
            if (pending.Count == 0 || now < notBefore)
            {
                return false;
            }

            return pending.Count >= BatchSize || now - lastAddedAt >= Quiet.TotalMilliseconds || now - firstAddedAt >= MaxWait.TotalMilliseconds;
        }
    }

    private async Task CommitAsync()
    {
        List<Pending> batch;
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return;
            }

            batch = pending;
            pending = [];
        }

        try
        {
            await ingestor.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Their jobs stay "extracted" and are committed with the next batch (or replayed after a restart).
            PutBack(batch, storage.PauseIfIndexStorageError(e), $"index commit failed: {e.Message}; {batch.Count} document(s) wait for the next one");
            return;
        }

        IReadOnlyList<bool> held;
        try
        {
            held = await jobs.CompleteAsync(batch.Select(p => p.Job.Lease).ToList(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Indexed and committed, but still "extracted" in the catalog: tried again with the next batch (or on the next start).
            PutBack(batch, storage.PauseIfStorageError(e), $"marking {batch.Count} indexed document(s) done failed: {e.Message}; tried again with the next batch");
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var done = batch[i];
            if (held[i])
            {
                progress.Finished(done.Pages);
                log.LogInformation("{Line}", done.Line);
            }
            else
            {
                log.LogWarning("{Name}: indexed, but its lease had passed to another worker, which will record it", done.Job.Name);
            }
        }
    }

    // A full or read-only disk has paused the queue (and said so itself); any other error is logged here.
    private void PutBack(List<Pending> batch, bool paused, string message)
    {
        if (!paused)
        {
            log.LogError("{Message}", message);
        }

        lock (gate)
        {
            // Tried again after a pause, not at every tick while the disk is still full.
            notBefore = Environment.TickCount64 + (long)RetryAfterFailure.TotalMilliseconds;
            if (pending.Count == 0)
            {
                firstAddedAt = notBefore;
            }

            pending.InsertRange(0, batch);
        }
    }

    private sealed record Pending(JobLease Job, int Pages, string Line);
}
