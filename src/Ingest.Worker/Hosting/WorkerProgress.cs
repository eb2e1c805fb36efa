namespace PlanIngest.Worker.Hosting;

/// <summary>
/// What the worker has done lately, for the periodic summary: documents and pages finished over the
/// last few minutes (a rate that follows the current mix of text and scans, not the day's average).
/// </summary>
public sealed class WorkerProgress(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private readonly Queue<(DateTimeOffset At, int Pages)> finished = new();
    private readonly DateTimeOffset started = clock.GetUtcNow();
    private long taken;
    private long documents;
    private long pages;
    private long failed;

    public void Taken(int count)
    {
        lock (gate)
        {
            taken += count;
        }
    }

    public void Finished(int pageCount)
    {
        lock (gate)
        {
            documents++;
            pages += pageCount;
            finished.Enqueue((clock.GetUtcNow(), pageCount));
        }
    }

    public void Failed()
    {
        lock (gate)
        {
            failed++;
        }
    }

    /// <summary>Totals since start and the recent rates; <paramref name="queued"/> (from the catalog) gives the ETA.</summary>
    public ProgressSnapshot Snapshot(int queued)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            while (finished.Count > 0 && now - finished.Peek().At > Window)
            {
                finished.Dequeue();
            }

            // Over the window, or since start when the worker is younger than that.
            var minutes = Math.Max((now - started < Window ? now - started : Window).TotalMinutes, 1.0 / 60);
            var documentsPerMinute = finished.Count / minutes;
            var pagesPerMinute = finished.Sum(f => f.Pages) / minutes;
            TimeSpan? eta = queued == 0 ? TimeSpan.Zero : documentsPerMinute > 0 ? TimeSpan.FromMinutes(queued / documentsPerMinute) : null;
            return new ProgressSnapshot(taken, documents, pages, failed, queued, documentsPerMinute, pagesPerMinute, eta);
        }
    }
}

public sealed record ProgressSnapshot(long Taken, long Documents, long Pages, long Failed, int Queued, double DocumentsPerMinute, double PagesPerMinute, TimeSpan? Eta);
