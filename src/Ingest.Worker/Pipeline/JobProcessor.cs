using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Model;
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
    IJobQueue jobs,
    ContentArchive archive,
    Quarantine quarantine,
    ExtractionPipeline pipeline,
    WorkerProgress progress,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<JobProcessor> log)
{
    private static readonly TimeSpan EngineRetry = TimeSpan.FromMinutes(1);

    public async Task RunAsync(JobLease job, CancellationToken cancellationToken)
    {
        var retry = options.Value.Retry;
        if (job.SoloInterruptions >= retry.MaxInterruptions)
        {
            await SetAsideAsync(job, $"the worker stopped {job.SoloInterruptions} times while reading it alone (killed or crashed; {job.Interruptions} times in all); set aside as the probable cause", job.Attempts + 1).ConfigureAwait(false);
            return;
        }

        if (archive.Find(job.Sha256) is not { } original)
        {
            await MissingOriginalAsync(job).ConfigureAwait(false);
            return;
        }

        var watch = Stopwatch.StartNew();
        var attempts = job.Attempts;
        var attempt = await RetryTransient(job, () => attempts++).ExecuteAsync(
            async token => await ReadOnceAsync(job, original, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        attempts++;

        switch (attempt)
        {
            case { Record: { } record }:
                await FinishAsync(job, record, watch.Elapsed, cancellationToken).ConfigureAwait(false);
                break;
            case { Kind: FailureKind.EngineUnavailable }:
                log.LogError("{Name}: {Error}; the document waits in the queue (retried every {Minutes} min)", job.Name, attempt.Error, EngineRetry.TotalMinutes);
                await jobs.RetryLaterAsync(job.Lease, attempt.Error!, clock.GetUtcNow() + EngineRetry, countsAsAttempt: false, CancellationToken.None).ConfigureAwait(false);
                break;
            default:
                var after = attempt.Kind == FailureKind.Transient ? $" (still failing after {attempts} attempts)" : string.Empty;
                await SetAsideAsync(job, attempt.Error + after, attempts).ConfigureAwait(false);
                break;
        }
    }

    private async Task FinishAsync(JobLease job, DocumentRecord record, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var fields = FieldCount.Of(record.Fields);
        if (!await jobs.MarkExtractedAsync(job.Lease, new JobOutcome(record.Pages.Count, fields, elapsed), CancellationToken.None).ConfigureAwait(false))
        {
            log.LogWarning("{Name}: lease lost before its record was stored; another worker has it", job.Name);
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await jobs.CompleteAsync(job.Lease, CancellationToken.None).ConfigureAwait(false);
        progress.Finished(record.Pages.Count);
        var what = string.Join(' ', new[] { record.Fields.DocType, record.Fields.Number }.Where(v => !string.IsNullOrEmpty(v)));
        log.LogInformation("{Name}: {Pages} page(s), {Seconds:0.0} s, {Fields} fields{What}", job.Name, record.Pages.Count, elapsed.TotalSeconds, fields, what.Length > 0 ? $" ({what})" : string.Empty);
    }

    private async Task<Attempt> ReadOnceAsync(JobLease job, string original, CancellationToken cancellationToken)
    {
        PipelineResult<DocumentRecord> result;
        try
        {
            // Read from the archive copy, under the name it was dropped as: a name that promises another format is still caught.
            await using var stream = new FileStream(original, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            result = await pipeline.ProcessAsync(stream, job.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (StorageGuard.StorageErrno(e) is null)
        {
            return new Attempt(null, FailureKind.Transient, $"could not be read from the archive: {e.Message}");
        }

        return result.Failure is { } failure ? new Attempt(null, failure.Kind, failure.Reason) : new Attempt(result.Value, null, null);
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
                    await jobs.NoteAttemptAsync(job.Lease, error, CancellationToken.None).ConfigureAwait(false);
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

        await jobs.FailAsync(job.Lease, error, quarantined, CancellationToken.None).ConfigureAwait(false);
        progress.Failed();
        log.LogWarning("{Name}: {Error}; set aside (quarantine/{File}) after {Attempts} attempt(s)", job.Name, error, quarantined, attempts);
    }

    // Only a crash between moving the original to the quarantine and recording that leaves a job without its archive copy.
    private async Task MissingOriginalAsync(JobLease job)
    {
        if (quarantine.FindReason(job.Sha256) is { } reasonFile)
        {
            var original = reasonFile[..^".reason.txt".Length];
            await jobs.FailAsync(job.Lease, $"set aside before a crash (see {Path.GetFileName(reasonFile)})", Path.GetFileName(original), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        log.LogError("{Name}: its original ({Sha}) is missing from the archive {Archive}; marked failed", job.Name, job.Sha256, archive.Root);
        await jobs.FailAsync(job.Lease, "original missing from the archive", null, CancellationToken.None).ConfigureAwait(false);
    }

    private sealed record Attempt(DocumentRecord? Record, FailureKind? Kind, string? Error);
}
