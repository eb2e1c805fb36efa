using PlanIngest.Search.Index;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// Feeds the index from the catalog's change sequence: every change after the one the index has
/// applied, in order, upserted by id. <see cref="ApplyAsync"/> makes changes searchable in this process;
/// <see cref="CommitAsync"/> makes them durable with the sequence they reach, so after a crash the next
/// feed starts where the last commit stopped. An index of another catalog or schema is rebuilt. When
/// writing the index fails (a full disk, an I/O error), the feed drops what it applied since the last
/// commit and reopens the index's writer there: the next <see cref="ApplyAsync"/> replays those changes
/// from the catalog, so a failed write loses nothing and leaves no writer that refuses all later work.
/// </summary>
public sealed class IndexFeed(IDocumentCatalog catalog, DocumentIndex index)
{
    private const int BatchSize = 256;

    private readonly SemaphoreSlim gate = new(1, 1);

    // Records this process has just committed, by sequence, not applied yet (under the gate): taken from here
    // instead of being read back from the catalog while they follow the last applied change without a gap.
    // A change of another process in between, and everything after a failed write, comes from the catalog.
    private readonly Dictionary<long, IndexedDocument> known = [];
    private long applied = index.Committed.CanContinue(catalog.CatalogId) ? index.Committed.Sequence : -1;
    private bool uncommitted;

    /// <summary>Catalog changes the index has not applied yet.</summary>
    public async Task<long> LagAsync(CancellationToken cancellationToken = default) =>
        Math.Max(0, await catalog.LastSequenceAsync(cancellationToken) - Math.Max(applied, 0));

    /// <summary>Applies every change after the last applied one; returns how many documents were written.</summary>
    public Task<int> ApplyAsync(CancellationToken cancellationToken = default) => ApplyAsync([], cancellationToken);

    /// <summary>
    /// Applies every change after the last applied one, <paramref name="committed"/> among them: records this
    /// process has just committed to the catalog, under the sequences the catalog gave them, so that they need
    /// not be read back from it.
    /// </summary>
    public async Task<int> ApplyAsync(IReadOnlyList<IndexedDocument> committed, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var document in committed)
            {
                known[document.Sequence] = document;
            }

            if (applied < 0)
            {
                // Fed from another catalog, or written in another field layout: start again from nothing.
                index.DeleteAll();
                applied = 0;
                uncommitted = true;
            }

            // The next batch is read from the catalog while this one is analysed, and a batch is analysed on
            // every core (IndexWriter takes documents from several threads; a batch holds each id once).
            var written = 0;
            Task<IReadOnlyList<IndexedDocument>>? next = null;
            while (true)
            {
                IReadOnlyList<IndexedDocument> changes = next is null ? TakeKnown() : [];
                if (changes.Count == 0)
                {
                    changes = await (next ?? Fetch(applied, cancellationToken));
                    if (changes.Count == 0)
                    {
                        return written;
                    }

                    next = Fetch(changes[^1].Sequence, cancellationToken);
                }

                Parallel.ForEach(
                    changes,
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                    change => index.Upsert(change));
                applied = changes[^1].Sequence;
                written += changes.Count;
                uncommitted = true;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An upsert can flush a segment, which fails like a commit does.
            StartAgainFromLastCommit();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private Task<IReadOnlyList<IndexedDocument>> Fetch(long after, CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyList<IndexedDocument>>(
            async () => (await catalog.ChangesAfterAsync(after, BatchSize, cancellationToken)).Select(c => new IndexedDocument(c.Id, c.Sequence, c.Record)).ToList(),
            cancellationToken);

    // Under the gate: the known records that follow the last applied change without a gap (at most a batch).
    private List<IndexedDocument> TakeKnown()
    {
        foreach (var old in known.Keys.Where(k => k <= applied).ToList())
        {
            known.Remove(old);
        }

        var run = new List<IndexedDocument>();
        while (run.Count < BatchSize && applied >= 0 && known.Remove(applied + run.Count + 1, out var document))
        {
            run.Add(document);
        }

        return run;
    }

    /// <summary>Commits what has been applied, with the catalog sequence it reaches.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (uncommitted)
            {
                index.Commit(catalog.CatalogId, applied);
                uncommitted = false;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StartAgainFromLastCommit();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    // Under the gate, after a failed write: applied changes may have been dropped by Lucene, so they are applied again.
    private void StartAgainFromLastCommit()
    {
        uncommitted = false;
        known.Clear();
        applied = index.Committed.CanContinue(catalog.CatalogId) ? index.Committed.Sequence : -1;
        try
        {
            index.ReopenWriter();
        }
        catch (Exception)
        {
            // Still failing (the disk still full): the index opens its writer again at the next write. The error
            // that brought us here is the one the caller sees.
        }
    }

    /// <summary>Applies and commits everything: the index then holds the whole catalog.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var written = await ApplyAsync(cancellationToken);
        await CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// Follows the catalog until <paramref name="stoppingToken"/> fires, applying the changes other processes commit.
    /// Where the catalog announces its changes (<see cref="IDocumentCatalog.ListenForChangesAsync"/>) a round runs
    /// when one is announced, at most every <paramref name="interval"/> (a burst is taken in one round), and anyway
    /// every <see cref="Unannounced"/> for what no notification told; otherwise, and while the listening connection
    /// is down, a round runs every <paramref name="interval"/>. Applied changes are searchable at once; they are
    /// committed (made durable, with the sequence they reach) when a round finds nothing new after them or
    /// <see cref="CommitAfter"/> after the last commit, not after every round: a commit writes and syncs a segment,
    /// and a follower on a busy catalog would make one per document of every other worker. A crash before the commit
    /// loses nothing (the next start replays the catalog from the last commit). A failed round (the catalog
    /// unreachable for a moment, the index folder full) goes to <paramref name="failed"/> and the next round tries
    /// again from the last applied change; on stop what was applied is committed.
    /// </summary>
    public async Task FollowAsync(TimeSpan interval, Action<Exception> failed, CancellationToken stoppingToken)
    {
        var wakeup = new Hosting.Wakeup();
        var listening = false;
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var listener = catalog.ListenForChangesAsync(
            () =>
            {
                listening = true;
                wakeup.Set();
            },
            e =>
            {
                listening = false;
                failed(new CatalogUnavailableException($"not told of new documents by the catalog ({e.Message}); asking it every {interval.TotalSeconds:0.#} s until that is back", e));
            },
            stopListening.Token);
        var pending = false;
        var lastCommit = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                await wakeup.WaitAsync(!listening ? interval : pending ? CommitAfter : Unannounced, stoppingToken).ConfigureAwait(false);
                var round = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    var written = await ApplyAsync(stoppingToken).ConfigureAwait(false);
                    pending |= written > 0;
                    if (pending && (written == 0 || System.Diagnostics.Stopwatch.GetElapsedTime(lastCommit) >= CommitAfter))
                    {
                        await CommitAsync(stoppingToken).ConfigureAwait(false);
                        pending = false;
                        lastCommit = System.Diagnostics.Stopwatch.GetTimestamp();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed(e);
                }

                // Announced: at most one round every interval (what is announced meanwhile waits for the next, so a
                // burst is one round). Polling: the wait above is the interval.
                var rest = interval - System.Diagnostics.Stopwatch.GetElapsedTime(round);
                if (listening && rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await stopListening.CancelAsync().ConfigureAwait(false);
            await listener.ConfigureAwait(false);
        }

        if (pending)
        {
            try
            {
                await CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed(e);
            }
        }
    }

    /// <summary>With announced changes, the longest a follower goes without asking the catalog (a notification lost with its connection).</summary>
    public static readonly TimeSpan Unannounced = TimeSpan.FromSeconds(30);

    /// <summary>The longest a follower leaves applied changes uncommitted while more keep coming.</summary>
    public static readonly TimeSpan CommitAfter = TimeSpan.FromSeconds(5);

    /// <summary>Rebuilds the index from sequence 0; the old index stays readable until the new one commits.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            applied = -1;
        }
        finally
        {
            gate.Release();
        }

        return await CatchUpAsync(cancellationToken);
    }
}
