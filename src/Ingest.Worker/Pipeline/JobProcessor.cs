using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Reading;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Archive;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Pipeline;

/// <summary>
/// One claimed job from archive to index: the document goes through the one pipeline; a transient
/// failure is retried with exponential backoff (Polly) up to the attempt bound, a permanent one goes
/// to the quarantine at once with its reason, and a missing OCR engine puts the job back without
/// counting it against the document.
/// </summary>
public sealed class JobProcessor(
    IDocumentCatalog catalog,
    ContentArchive archive,
    Quarantine quarantine,
    DocumentIngestor ingestor,
    CatalogCommitter records,
    IndexCommitter committer,
    WorkerProgress progress,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<JobProcessor> log)
{
    private static readonly TimeSpan EngineRetry = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Reads the job's document and returns once that is over, with what is left as a task of its own: a read
    /// document's group commit (<see cref="CatalogCommitter"/>), which the caller awaits without holding a reading
    /// slot, so that the next document is read while this one waits for its batch's flush to disk; null when
    /// nothing is left. Errors of the commit come out of that task.
    /// </summary>
    public async Task<Task?> RunAsync(JobLease job, CancellationToken cancellationToken)
    {
        var retry = options.Value.Retry;
        if (job.SoloInterruptions >= retry.MaxInterruptions)
        {
            await SetAsideAsync(job, $"the worker stopped {job.SoloInterruptions} times while reading it alone (killed or crashed; {job.Interruptions} times in all); set aside as the probable cause", job.Attempts + 1).ConfigureAwait(false);
            return null;
        }

        if (job.State == JobState.Extracted)
        {
            // Its record reached the catalog before the last run stopped; opening the store replayed it into the index.
            committer.Add(job, 0, $"{job.Name}: indexed (its record was stored before the last stop)");
            return null;
        }

        if (archive.Find(job.Sha256) is not { } original)
        {
            await MissingOriginalAsync(job).ConfigureAwait(false);
            return null;
        }

        var watch = Stopwatch.StartNew();
        var attempts = job.Attempts;
        var attempt = await RetryTransient(job, () => attempts++).ExecuteAsync(
            async token => await ReadOnceAsync(job, original, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        attempts++;

        switch (attempt)
        {
            case { Result: { } result }:
                // On a thread of its own: the caller becoming the leader of a group commit would otherwise run it before it got the task back.
                var elapsed = watch.Elapsed;
                return Task.Run(() => FinishAsync(job, result, elapsed), CancellationToken.None);
            case { Kind: FailureKind.EngineUnavailable }:
                log.LogError("{Name}: {Error}; the document waits in the queue (retried every {Minutes} min)", job.Name, attempt.Error, EngineRetry.TotalMinutes);
                await catalog.RetryLaterAsync(job.Lease, attempt.Error!, clock.GetUtcNow() + EngineRetry, countsAsAttempt: false, CancellationToken.None).ConfigureAwait(false);
                break;
            default:
                var after = attempt.Kind == FailureKind.Transient ? $" (still failing after {attempts} attempts)" : string.Empty;
                await SetAsideAsync(job, attempt.Error + after, attempts).ConfigureAwait(false);
                break;
        }

        return null;
    }

    private async Task FinishAsync(JobLease job, IngestResult result, TimeSpan elapsed)
    {
        var id = result.Id!;
        var record = result.Record ?? (await catalog.GetAsync(id, CancellationToken.None).ConfigureAwait(false))?.Record;
        var pages = record?.Pages.Count ?? 0;
        var fields = record is null ? 0 : FieldCount.Of(record.Fields);

        // Committed with the documents other jobs finished meanwhile; every other name the content was dropped under becomes an alias.
        var extracted = new ExtractedJob(job.Lease, job.Sha256, result.Record, new JobOutcome(pages, fields, elapsed));
        if (!await records.CommitAsync(extracted).ConfigureAwait(false))
        {
            log.LogWarning("{Name}: lease lost before its record was noted; another worker has it", job.Name);
            return;
        }

        foreach (var unread in result.Record?.Pages.Where(p => p.Error is not null) ?? [])
        {
            log.LogWarning("{Name}: page {Page} could not be read ({Error}); the document is kept without it", job.Name, unread.Number, unread.Error);
        }

        var what = record is null ? string.Empty : string.Join(' ', new[] { record.Fields.DocType, record.Fields.Number }.Where(v => !string.IsNullOrEmpty(v)));
        committer.Add(job, pages, $"{job.Name}: {pages} page(s), {elapsed.TotalSeconds:0.0} s, {fields} fields{(what.Length > 0 ? $" ({what})" : string.Empty)}");
    }

    private async Task<Attempt> ReadOnceAsync(JobLease job, string original, CancellationToken cancellationToken)
    {
        IngestResult result;
        try
        {
            // The archive copy, under the name it was dropped as: a name that promises another format is still caught.
            // It never changes (content-addressed), so a PDF is read from it as needed rather than held in memory whole.
            var source = await SourceFile.FromStableFileAsync(job.Name, original, cancellationToken).ConfigureAwait(false);
            result = await ingestor.ReadAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentReadException e)
        {
            return new Attempt(null, e.Kind, e.Message);
        }
        catch (IOException e) when (StorageGuard.StorageErrno(e) is null)
        {
            return new Attempt(null, FailureKind.Transient, $"could not be read from the archive: {e.Message}");
        }

        return result.Failure is { } failure ? new Attempt(null, failure.Kind, failure.Reason) : new Attempt(result, null, null);
    }

    private ResiliencePipeline<Attempt> RetryTransient(JobLease job, Action counted)
    {
        var retry = options.Value.Retry;
        var remaining = retry.MaxAttempts - job.Attempts - 1;
        if (remaining < 1)
        {
            return ResiliencePipeline<Attempt>.Empty;
        }

        return new ResiliencePipelineBuilder<Attempt>()
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Kind == FailureKind.Transient),
                MaxRetryAttempts = remaining,
                Delay = retry.FirstDelay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = async args =>
                {
                    counted();
                    var error = args.Outcome.Result?.Error ?? "transient failure";
                    log.LogWarning("{Name}: {Error}; trying again in {Seconds:0.0} s", job.Name, error, args.RetryDelay.TotalSeconds);
                    await catalog.NoteAttemptAsync(job.Lease, error, CancellationToken.None).ConfigureAwait(false);
                },
            })
            .Build();
    }

    private async Task SetAsideAsync(JobLease job, string error, int attempts)
    {
        string? quarantined = null;
        if (archive.Find(job.Sha256) is { } original)
        {
            var reason = new QuarantineReason(job.Name, job.Sha256, "reading", error, attempts, clock.GetUtcNow());
            quarantined = Path.GetFileName(quarantine.Take(original, reason));
        }

        await catalog.FailAsync(job.Lease, error, quarantined, CancellationToken.None).ConfigureAwait(false);
        progress.Failed();
        log.LogWarning("{Name}: {Error}; set aside (quarantine/{File}) after {Attempts} attempt(s)", job.Name, error, quarantined, attempts);
    }

    // Only a crash between moving the original to the quarantine and recording that leaves a job without its archive copy.
    private async Task MissingOriginalAsync(JobLease job)
    {
        if (quarantine.FindReason(job.Sha256) is { } reasonFile)
        {
            var original = reasonFile[..^".reason.txt".Length];
            await catalog.FailAsync(job.Lease, $"set aside before a crash (see {Path.GetFileName(reasonFile)})", Path.GetFileName(original), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        log.LogError("{Name}: its original ({Sha}) is missing from the archive {Archive}; marked failed", job.Name, job.Sha256, archive.Root);
        await catalog.FailAsync(job.Lease, "original missing from the archive", null, CancellationToken.None).ConfigureAwait(false);
    }

    private sealed record Attempt(IngestResult? Result, FailureKind? Kind, string? Error);
}
