using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Pipeline;

/// <summary>
/// The worker proper, shaped like the .NET worker template: a feeder claims due jobs from the catalog
/// into a bounded <see cref="Channel{T}"/> and a fixed number of consumers read it with
/// <c>ReadAllAsync</c>, each document's errors caught on its own. A consumer's slot is for reading: a
/// document read is handed to its group commit and awaited beside the slots, so the next one is read
/// meanwhile. While jobs are in hand their leases are renewed. On stop nothing new is claimed; documents
/// being read get the shutdown grace to finish and are then cancelled and put back in the queue, as are
/// claimed ones not yet started; read ones finish their commit first.
/// </summary>
public sealed class IngestService(
    IJobQueue jobs,
    JobProcessor processor,
    IndexCommitter committer,
    StorageGuard storage,
    WorkerSignals signals,
    WorkerActivity activity,
    IOptions<WorkerOptions> options,
    ILogger<IngestService> log) : BackgroundService
{
    // Read documents waiting for their group commit beyond this stop freeing reading slots: the read
    // records held in memory stay bounded when the catalog's disk is slower than the readers.
    private const int MaxCommitting = 64;

    private readonly ConcurrentDictionary<long, JobLease> inHand = new();
    private readonly ConcurrentDictionary<long, Task> awaitingCommit = new();
    private readonly SemaphoreSlim commitRoom = new(MaxCommitting, MaxCommitting);

    // Leases are renewed on every heartbeat, so a lease runs out only after several missed ones.
    private TimeSpan LeaseFor => options.Value.LeaseDuration;

    private TimeSpan RenewEvery => options.Value.HeartbeatInterval;

    private TimeSpan PollEvery => options.Value.PollInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slots = options.Value.InFlight;
        var recovered = await jobs.RecoverAsync(stoppingToken).ConfigureAwait(false);
        if (recovered > 0)
        {
            log.LogInformation("{Count} document(s) left half-done by the last run are taken up again", recovered);
        }

        var channel = Channel.CreateBounded<JobLease>(new BoundedChannelOptions(slots) { SingleWriter = true });
        using var free = new SemaphoreSlim(slots, slots);
        using var work = new CancellationTokenSource();
        await using var grace = stoppingToken.Register(() => work.CancelAfter(options.Value.ShutdownGrace));
        using var renewing = new CancellationTokenSource();

        var consumers = Enumerable.Range(0, slots).Select(_ => ConsumeAsync(channel.Reader, free, work.Token, stoppingToken)).ToList();
        var renewer = RenewAsync(renewing.Token);

        // Other processes sharing the catalog announce the jobs they queue; the poll below stays as the fallback.
        var listener = jobs.ListenAsync(signals.QueueChanged.Set, e => log.LogWarning("not told of new jobs by the catalog ({Error}); asking it every {Seconds} s until that is back", e.Message, PollEvery.TotalSeconds), renewing.Token);
        using var committing = new CancellationTokenSource();
        var commits = committer.RunAsync(committing.Token);
        try
        {
            await FeedAsync(channel.Writer, free, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            channel.Writer.TryComplete();
            await Task.WhenAll(consumers).ConfigureAwait(false);
            await Task.WhenAll(awaitingCommit.Values).ConfigureAwait(false);
            await committing.CancelAsync().ConfigureAwait(false);
            await commits.ConfigureAwait(false);
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewer.ConfigureAwait(false);
            await listener.ConfigureAwait(false);
        }
    }

    private async Task FeedAsync(ChannelWriter<JobLease> writer, SemaphoreSlim free, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await storage.WaitWhilePausedAsync(stoppingToken).ConfigureAwait(false);
                await free.WaitAsync(stoppingToken).ConfigureAwait(false);
                var room = 1;
                while (free.Wait(0))
                {
                    room++;
                }

                var claimed = await ClaimAsync(room).ConfigureAwait(false);
                if (room > claimed.Count)
                {
                    free.Release(room - claimed.Count);
                }

                activity.Claimed(claimed.Count);
                foreach (var job in claimed)
                {
                    inHand[job.Lease.JobId] = job;
                    await writer.WriteAsync(job, CancellationToken.None).ConfigureAwait(false);
                }

                if (claimed.Count == 0)
                {
                    await signals.QueueChanged.WaitAsync(PollEvery, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (!storage.PauseIfStorageError(e))
                {
                    log.LogError("claiming work from the catalog failed: {Error}; trying again in {Seconds} s", e.Message, PollEvery.TotalSeconds);
                }

                await Task.Delay(PollEvery, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Fresh jobs fill the free slots; a job that was cut off by a dying worker twice or more is a
    /// suspect (it may be what kills the process) and runs alone, so that another crash is blamed on it only.
    /// </summary>
    private async Task<IReadOnlyList<JobLease>> ClaimAsync(int room)
    {
        if (inHand.Values.Any(j => j.Interruptions >= JobSelection.SuspectAfter))
        {
            return [];
        }

        var fresh = await jobs.ClaimAsync(activity.Id, room, LeaseFor, JobSelection.Fresh, CancellationToken.None).ConfigureAwait(false);
        if (fresh.Count > 0 || !inHand.IsEmpty)
        {
            return fresh;
        }

        var suspect = await jobs.ClaimAsync(activity.Id, 1, LeaseFor, JobSelection.Suspects, CancellationToken.None).ConfigureAwait(false);
        foreach (var job in suspect)
        {
            log.LogWarning("{Name}: the worker died {Count} times while it was being read; reading it alone now", job.Name, job.Interruptions - 1);
        }

        return suspect;
    }

    private async Task ConsumeAsync(ChannelReader<JobLease> reader, SemaphoreSlim free, CancellationToken work, CancellationToken stoppingToken)
    {
        // Not ReadAllAsync(stoppingToken): on stop the channel is still drained, so that claimed jobs are given back rather than left leased.
        await foreach (var job in reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            Task? rest = null;
            await commitRoom.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    await ReleaseAsync(job).ConfigureAwait(false);
                    continue;
                }

                rest = await processor.RunAsync(job, work).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await FailedAsync(job, e, work).ConfigureAwait(false);
            }
            finally
            {
                if (rest is null)
                {
                    Finished(job);
                }
                else
                {
                    // The slot is free for the next document; this one is done (or given back) once its commit is.
                    var finishing = FinishAsync(job, rest, work);
                    awaitingCommit[job.Lease.JobId] = finishing;
                    _ = finishing.ContinueWith(t => awaitingCommit.TryRemove(new KeyValuePair<long, Task>(job.Lease.JobId, t)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }

                free.Release();
            }
        }
    }

    private async Task FinishAsync(JobLease job, Task rest, CancellationToken work)
    {
        try
        {
            await rest.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await FailedAsync(job, e, work).ConfigureAwait(false);
        }
        finally
        {
            Finished(job);
        }
    }

    private void Finished(JobLease job)
    {
        commitRoom.Release();
        inHand.TryRemove(job.Lease.JobId, out _);
        activity.Done();
    }

    private async Task FailedAsync(JobLease job, Exception e, CancellationToken work)
    {
        if (e is OperationCanceledException && work.IsCancellationRequested)
        {
            log.LogInformation("{Name}: stopped before it was finished; back in the queue", job.Name);
        }
        else if (!storage.PauseIfStorageError(e))
        {
            // Per item: an unexpected error in one document leaves it in the queue and the worker running.
            log.LogError(e, "{Name}: unexpected error; left in the queue for another try", job.Name);
        }

        await ReleaseAsync(job).ConfigureAwait(false);
    }

    private async Task ReleaseAsync(JobLease job)
    {
        try
        {
            await jobs.ReleaseAsync(job.Lease, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Its lease runs out by itself and the job is claimed again then (counted as an interruption).
            log.LogWarning("{Name}: could not be put back in the queue ({Error}); it will be taken up when its lease runs out", job.Name, e.Message);
        }
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RenewEvery, stop).ConfigureAwait(false);
                var leases = inHand.Values.Select(j => j.Lease).ToList();
                if (leases.Count == 0)
                {
                    continue;
                }

                foreach (var lost in await jobs.RenewAsync(leases, LeaseFor, stop).ConfigureAwait(false))
                {
                    if (inHand.TryGetValue(lost.JobId, out var job))
                    {
                        log.LogWarning("{Name}: its lease was lost (taken over by another worker); this worker's result will be dropped", job.Name);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning("renewing leases failed: {Error}", e.Message);
            }
        }
    }
}
