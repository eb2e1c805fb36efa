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
/// </summary>
public sealed class IndexCommitter(DocumentIngestor ingestor, IJobQueue jobs, StorageGuard storage, WorkerProgress progress, ILogger<IndexCommitter> log)
{
    private const int BatchSize = 128;
    private static readonly TimeSpan CommitEvery = TimeSpan.FromMilliseconds(500);

    private readonly Lock gate = new();
    private readonly Wakeup full = new();
    private List<Pending> pending = [];

    /// <summary>The document of <paramref name="job"/> is in the catalog and applied to the index; <paramref name="line"/> is logged once it is committed.</summary>
    public void Add(JobLease job, int pages, string line)
    {
        lock (gate)
        {
            pending.Add(new Pending(job, pages, line));
            if (pending.Count >= BatchSize)
            {
                full.Set();
            }
        }
    }

    /// <summary>Commits every half second (or as soon as a batch is full) until stopped, then once more.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await full.WaitAsync(CommitEvery, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await CommitAsync().ConfigureAwait(false);
        }

        await CommitAsync().ConfigureAwait(false);
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
            pending.InsertRange(0, batch);
        }
    }

    private sealed record Pending(JobLease Job, int Pages, string Line);
}
