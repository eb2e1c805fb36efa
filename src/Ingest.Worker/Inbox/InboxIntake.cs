using Microsoft.Extensions.Logging;
using PlanIngest.Extraction.Reading;
using PlanIngest.Worker.Archive;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Inbox;

/// <summary>
/// Takes complete files out of the inbox: each is copied into the archive (hashed while copied and
/// checked against its identity before and after), flushed and renamed into place; the batch is
/// registered in the catalog in one flushed transaction; only then are the inbox copies removed.
/// A crash anywhere in between leaves the inbox file where it was, so it is simply taken again.
/// </summary>
public sealed class InboxIntake(
    InboxDirectory inbox,
    InboxScanner scanner,
    ContentArchive archive,
    Quarantine quarantine,
    IDocumentCatalog jobs,
    StorageGuard storage,
    WorkerSignals signals,
    WorkerProgress progress,
    TimeProvider clock,
    ILogger<InboxIntake> log)
{
    private const int ParallelCopies = 8;

    // Files registered in one catalog transaction: small enough that the first readers start within a fraction
    // of a second of a large drop, large enough that its flush to disk is shared by many files.
    private const int GroupSize = 128;

    /// <summary>Takes what fits on the data folder's disk; the rest goes back to the scanner for later.</summary>
    public async Task TakeAsync(IReadOnlyList<InboxCandidate> candidates, CancellationToken cancellationToken)
    {
        var fitting = new List<InboxCandidate>();
        long bytes = 0;
        foreach (var candidate in candidates)
        {
            if (storage.PausedBecause is null && storage.HasRoomFor(bytes + candidate.Identity.Size))
            {
                bytes += candidate.Identity.Size;
                fitting.Add(candidate);
            }
            else
            {
                scanner.Return(candidate.Name, restartClock: false);
            }
        }

        // A large drop is taken a group at a time, each group queued (and the readers told) as soon as it is
        // registered: 2,000 files dropped at once were otherwise all copied before the first could be read.
        for (var start = 0; start < fitting.Count; start += GroupSize)
        {
            var group = fitting.GetRange(start, Math.Min(GroupSize, fitting.Count - start));
            if (!await TakeGroupAsync(group, cancellationToken).ConfigureAwait(false))
            {
                fitting.Skip(start + group.Count).ToList().ForEach(c => scanner.Return(c.Name, restartClock: false));
                return;
            }

            signals.QueueChanged.Set();
        }
    }

    // False when the group could not be taken (they stay in the inbox): the caller then leaves the rest for the next pass too.
    private async Task<bool> TakeGroupAsync(List<InboxCandidate> group, CancellationToken cancellationToken)
    {
        var staged = new Taken?[group.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, group.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelCopies, CancellationToken = cancellationToken },
            async (i, token) => staged[i] = await StageAsync(group[i], token).ConfigureAwait(false)).ConfigureAwait(false);

        var taken = staged.OfType<Taken>().ToList();
        if (taken.Count == 0)
        {
            return true;
        }

        try
        {
            // The archive copies' names are made durable here, a folder at a time, before anything leaves the inbox.
            archive.SyncFolders(taken.Select(t => t.Archived));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException || StorageGuard.StorageErrno(e) is not null)
        {
            if (!storage.PauseIfStorageError(e))
            {
                log.LogError("could not flush the archive folders of {Count} taken file(s): {Error}; they stay in the inbox", taken.Count, e.Message);
            }

            taken.ForEach(t => scanner.Return(t.Candidate.Name, restartClock: false));
            return false;
        }

        IReadOnlyList<EnqueueOutcome> outcomes;
        try
        {
            outcomes = await jobs.EnqueueAsync(taken.Select(t => t.Job).ToList(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The archive copies stay (content-addressed, harmless); the inbox files stay too and are taken again later.
            if (!storage.PauseIfStorageError(e))
            {
                log.LogError("could not register {Count} taken file(s) in the catalog: {Error}; they stay in the inbox", taken.Count, e.Message);
            }

            taken.ForEach(t => scanner.Return(t.Candidate.Name, restartClock: false));
            return false;
        }

        // Registering twice is harmless (one job per content), removing is not undone: only the holder of
        // the scanning turn removes, so that a worker that lost it mid-pass leaves the files to its successor.
        if (!await jobs.HoldDiscoveryAsync(cancellationToken).ConfigureAwait(false))
        {
            log.LogWarning("the inbox-scanning turn passed to another worker during this pass; {Count} registered file(s) are left in the inbox for it", taken.Count);
            taken.ForEach(t => scanner.Return(t.Candidate.Name, restartClock: false));
            return false;
        }

        for (var i = 0; i < taken.Count; i++)
        {
            // Known content already catalogued: the name becomes an alias now (otherwise its job adds it when done).
            if (outcomes[i] == EnqueueOutcome.Duplicate && taken[i].Job.Name is { } alias && await jobs.ContainsAsync(taken[i].Job.Sha256, cancellationToken).ConfigureAwait(false))
            {
                await jobs.AddAliasAsync(taken[i].Job.Sha256, alias, cancellationToken).ConfigureAwait(false);
            }

            Remove(taken[i], outcomes[i]);
        }

        progress.Taken(outcomes.Count(o => o != EnqueueOutcome.Duplicate));
        return true;
    }

    /// <summary>Sets an entry aside without reading it: a reason file in the quarantine, a record in the catalog, the entry removed from the inbox.</summary>
    public async Task RefuseAsync(RefusedEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var at = clock.GetUtcNow();
            var reasonFile = quarantine.Record(new QuarantineReason(entry.Name, null, "inbox check", entry.Reason, 0, at));
            await jobs.RecordRejectionAsync(new RejectedEntry(entry.Name, entry.Identity.Kind.ToString(), entry.Reason, Path.GetFileName(reasonFile), at), cancellationToken).ConfigureAwait(false);
            inbox.RemoveIfUnchanged(entry.Name, entry.Identity);
            log.LogWarning("{Name}: {Reason}; set aside (quarantine/{ReasonFile})", entry.Name, entry.Reason, Path.GetFileName(reasonFile));
            progress.Failed();
            scanner.Return(entry.Name, restartClock: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException || StorageGuard.StorageErrno(e) is not null)
        {
            if (!storage.PauseIfStorageError(e))
            {
                log.LogWarning("{Name}: {Reason}; could not be set aside yet ({Error})", entry.Name, entry.Reason, e.Message);
            }

            scanner.Return(entry.Name, restartClock: true);
        }
    }

    private async Task<Taken?> StageAsync(InboxCandidate candidate, CancellationToken cancellationToken)
    {
        var name = candidate.Name;
        try
        {
            using var file = inbox.OpenRegular(name);
            if (!InboxDirectory.Unchanged(file.Identity, candidate.Identity))
            {
                log.LogDebug("{Name}: changed since it looked complete; waiting again", name);
                scanner.Return(name, restartClock: true);
                return null;
            }

            var staged = await archive.StageAsync(file, cancellationToken).ConfigureAwait(false);
            if (staged is null)
            {
                log.LogInformation("{Name}: changed while it was being read; it will be read again from the start", name);
                scanner.Return(name, restartClock: true);
                return null;
            }

            var archived = archive.Commit(staged, syncFolder: false);
            var job = new NewJob(staged.Sha256, DisplayName(name), ContentSniffer.MediaType(staged.Kind), staged.Length, clock.GetUtcNow());
            return new Taken(candidate with { Identity = file.Identity }, job, archived);
        }
        catch (IOException e) when (e.HResult == Native.Posix.ELOOP)
        {
            // It became a symbolic link after it was looked at: refused on the next pass, never followed.
            scanner.Return(name, restartClock: true);
            return null;
        }
        catch (IOException e) when (e.HResult == Native.Posix.ENOENT)
        {
            scanner.Return(name, restartClock: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!storage.PauseIfStorageError(e))
            {
                log.LogWarning("{Name}: could not be taken yet ({Error}); trying again later", name, e.Message);
            }

            scanner.Return(name, restartClock: false);
            return null;
        }
    }

    private void Remove(Taken taken, EnqueueOutcome outcome)
    {
        var name = taken.Candidate.Name;
        var removal = RemoveOutcome.AlreadyGone;
        try
        {
            removal = inbox.RemoveIfUnchanged(name, taken.Candidate.Identity);
        }
        catch (IOException e)
        {
            log.LogWarning("{Name}: archived, but could not be removed from the inbox ({Error}); it will be recognised as a copy", name, e.Message);
        }

        switch (outcome)
        {
            case EnqueueOutcome.Duplicate:
                log.LogInformation("{Name}: same content as a document already taken ({Sha}); recorded as another name for it", name, taken.Job.Sha256[..12]);
                break;
            case EnqueueOutcome.Requeued:
                log.LogInformation("{Name}: content that failed before; queued for another try", name);
                break;
            default:
                log.LogDebug("{Name}: taken ({Sha}, {Bytes} bytes)", name, taken.Job.Sha256[..12], taken.Job.Size);
                break;
        }

        // Replaced at the last instant: the newcomer is a new file, to be judged stable from scratch.
        scanner.Return(name, restartClock: removal == RemoveOutcome.ReplacedMeanwhile);
    }

    // A file left under the worker's private removal name by a crash has lost its original name. A file of a
    // sub-folder keeps the folders in its name (`2024/ke-hoach-01.pdf`): data for the record and its aliases.
    private static string? DisplayName(string name) =>
        InboxDirectory.Leaf(name).StartsWith(InboxDirectory.TakenPrefix, StringComparison.Ordinal) ? null : name;

    private sealed record Taken(InboxCandidate Candidate, NewJob Job, string Archived);
}
