using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Pipeline;

/// <summary>
/// Group commit for documents that finish reading at about the same time. The first caller to arrive
/// while no commit runs commits at once (a lone document waits for nobody); whatever arrives while that
/// commit is being flushed goes into the next one, so under load each flush to disk carries many
/// documents, and the batch size follows the load without a timer. A caller's task ends once its own
/// document is durable; leadership of the next batch then passes to a task of its own, so that no
/// caller is kept committing other documents for ever.
/// </summary>
public sealed class CatalogCommitter(DocumentIngestor ingestor)
{
    // Bounds one transaction's time and memory when a backlog has built up.
    private const int MaxBatch = 256;

    private readonly Lock gate = new();
    private readonly List<Pending> waiting = [];
    private bool leading;

    /// <summary>Commits the job's document and marks it extracted; false when its lease had been lost. Throws what the catalog threw.</summary>
    public async Task<bool> CommitAsync(ExtractedJob job)
    {
        var pending = new Pending(job, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (gate)
        {
            waiting.Add(pending);
            lead = !leading;
            leading = true;
        }

        if (lead)
        {
            await LeadAsync(pending).ConfigureAwait(false);
        }

        return await pending.Done.Task.ConfigureAwait(false);
    }

    // With an own document, leads until that one is committed; without (a handed-over lead), until nothing waits.
    private async Task LeadAsync(Pending? own)
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    leading = false;
                    return;
                }

                if (own is { Done.Task.IsCompleted: true })
                {
                    // Our document is durable: the next batch gets a leader of its own, and our caller goes on.
                    _ = Task.Run(() => LeadAsync(null));
                    return;
                }

                batch = waiting.GetRange(0, Math.Min(MaxBatch, waiting.Count));
                waiting.RemoveRange(0, batch.Count);
            }

            try
            {
                var held = await ingestor.CommitExtractedAsync(batch.Select(p => p.Job).ToList(), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.SetResult(held[i]);
                }
            }
            catch (Exception e)
            {
                // Each caller handles it as it did its own commit's failure (a full disk pauses the queue).
                batch.ForEach(p => p.Done.SetException(e));
            }
        }
    }

    private sealed record Pending(ExtractedJob Job, TaskCompletionSource<bool> Done);
}
