using Npgsql;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Catalog.Postgres;

/// <summary>
/// The job queue in PostgreSQL, for many workers at once. A claim is one statement —
/// <c>UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING …</c> — committed
/// on its own, so workers never wait for one another's rows and no lock outlives the claim: what
/// holds the job through its OCR is the lease (<c>lease_until</c>, renewed by the heartbeat), and a
/// lease that runs out lets any worker take the job over. Every later change names the lease token,
/// so the slower of two workers that finished one job is refused, and the document it committed meanwhile
/// is the same document (records are upserted by SHA-256).
/// </summary>
public sealed partial class PostgresCatalog
{
    // Worker rows not heard of for this long are dropped when a worker starts (status would only show them as gone).
    private static readonly TimeSpan ForgetWorkersAfter = TimeSpan.FromDays(1);

    /// <summary>Now on the catalog's clock (the server's), against which heartbeats and leases are judged.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<IReadOnlyList<EnqueueOutcome>> EnqueueAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken) =>
        RetryingAsync(async () =>
        {
            await using var connection = await durable.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var outcomes = new EnqueueOutcome[jobs.Count];

            // In the order given (oldest file first, so it is claimed first). Two processes registering the same
            // files at once (a discovery turn changing hands mid-pass) may deadlock; the server then aborts one,
            // which runs again and finds the jobs there.
            for (var i = 0; i < jobs.Count; i++)
            {
                var job = jobs[i];
                var name = job.Name ?? NewJob.UnknownName;
                var inserted = await Pg.QueryAsync(connection, """
                    INSERT INTO jobs (sha256, name, media_type, size, state, created_at, updated_at)
                    VALUES (@sha, @name, @media, @size, 'queued', @now, @now)
                    ON CONFLICT (sha256) DO NOTHING RETURNING id
                    """, r => r.GetInt64(0), cancellationToken, ("sha", job.Sha256), ("name", name), ("media", job.MediaType), ("size", job.Size), ("now", now)).ConfigureAwait(false);
                long id;
                if (inserted.Count == 1)
                {
                    id = inserted[0];
                    outcomes[i] = EnqueueOutcome.Queued;
                }
                else
                {
                    var existing = (await Pg.QueryAsync(connection, "SELECT id, state FROM jobs WHERE sha256 = @sha FOR UPDATE", r => (Id: r.GetInt64(0), State: r.GetString(1)), cancellationToken, ("sha", job.Sha256)).ConfigureAwait(false))[0];
                    id = existing.Id;
                    if (existing.State == "failed")
                    {
                        // Dropped again after it failed: the archivist wants another try (the quarantined copy stays where it is).
                        await Pg.ExecuteAsync(connection, """
                            UPDATE jobs SET state = 'queued', attempts = 0, interruptions = 0, solo_interruptions = 0, alone = false, not_before = NULL,
                                lease_owner = NULL, lease_token = NULL, lease_until = NULL, quarantined_as = NULL, name = @name, updated_at = @now
                            WHERE id = @id
                            """, cancellationToken, ("id", id), ("name", name), ("now", now)).ConfigureAwait(false);
                        outcomes[i] = EnqueueOutcome.Requeued;
                    }
                    else
                    {
                        outcomes[i] = EnqueueOutcome.Duplicate;
                    }
                }

                if (job.Name is not null)
                {
                    await Pg.ExecuteAsync(connection, """
                        INSERT INTO job_names (job_id, name, first_seen) VALUES (@id, @name, @now)
                        ON CONFLICT (job_id, name) DO UPDATE SET times = job_names.times + 1
                        """, cancellationToken, ("id", id), ("name", job.Name), ("now", now)).ConfigureAwait(false);
                }
            }

            if (outcomes.Any(o => o != EnqueueOutcome.Duplicate))
            {
                // Delivered at the commit: the other workers claim the new jobs now rather than at their next poll.
                await CatalogNotifications.NotifyAsync(connection, CatalogNotifications.Jobs, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<EnqueueOutcome>)outcomes;
        }, cancellationToken);

    public async Task RecordRejectionAsync(RejectedEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await durable.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Pg.ExecuteAsync(connection, "INSERT INTO inbox_rejections (name, kind, reason, quarantined_as, at) VALUES (@name, @kind, @reason, @q::text, @at)", cancellationToken,
            ("name", entry.Name), ("kind", entry.Kind), ("reason", entry.Reason), ("q", entry.QuarantinedAs), ("at", entry.At)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JobLease>> ClaimAsync(string workerId, int max, TimeSpan leaseFor, JobSelection selection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        var until = now + leaseFor;
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One autocommitted statement. The inner scan walks jobs_unfinished in claim order and skips rows
        // another worker's claim has locked this instant instead of waiting for them. A job still in
        // flight whose lease ran out was cut off (its worker died): it keeps its stage and counts an interruption.
        var claimed = await Pg.QueryAsync(connection, """
            UPDATE jobs j
            SET interruptions = j.interruptions + (j.state <> 'queued')::int,
                solo_interruptions = j.solo_interruptions + (j.state <> 'queued' AND j.alone)::int,
                alone = @alone,
                state = CASE j.state WHEN 'queued' THEN 'reading' ELSE j.state END,
                lease_owner = @owner, lease_token = @token, lease_until = @until,
                started_at = @now, updated_at = @now
            FROM (
                SELECT id FROM jobs
                WHERE state IN ('queued', 'reading', 'extracted')
                  AND ((state = 'queued' AND (not_before IS NULL OR not_before <= @now)) OR (state <> 'queued' AND lease_until < @now))
                  AND interruptions BETWEEN @least AND @most
                ORDER BY interruptions, id
                LIMIT @max
                FOR UPDATE SKIP LOCKED) due
            WHERE j.id = due.id
            RETURNING j.id, j.sha256, j.name, j.media_type, j.size, j.state, j.attempts, j.interruptions, j.solo_interruptions
            """,
            r => new JobLease(
                new LeaseToken(r.GetInt64(0), token),
                r.GetString(1),
                r.GetString(2),
                r.GetString(3),
                r.GetInt64(4),
                JobStates.Parse(r.GetString(5)),
                r.GetInt32(6),
                r.GetInt32(7),
                r.GetInt32(8),
                until),
            cancellationToken,
            ("owner", workerId),
            ("token", token),
            ("until", until),
            ("now", now),
            ("max", max),
            ("alone", selection == JobSelection.Suspects),
            ("least", selection.MinInterruptions),
            ("most", selection.MaxInterruptions)).ConfigureAwait(false);
        return claimed.OrderBy(j => j.Interruptions).ThenBy(j => j.Lease.JobId).ToList();
    }

    public async Task<IReadOnlyList<LeaseToken>> RenewAsync(IReadOnlyList<LeaseToken> leases, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        if (leases.Count == 0)
        {
            return [];
        }

        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var kept = await Pg.QueryAsync(connection, """
            UPDATE jobs j SET lease_until = @until
            FROM unnest(@ids, @tokens) AS l(id, token)
            WHERE j.id = l.id AND j.lease_token = l.token
            RETURNING j.id, j.lease_token
            """, r => new LeaseToken(r.GetInt64(0), r.GetGuid(1)), cancellationToken,
            ("until", clock.GetUtcNow() + leaseFor), ("ids", leases.Select(l => l.JobId).ToArray()), ("tokens", leases.Select(l => l.Token).ToArray())).ConfigureAwait(false);
        return leases.Except(kept).ToList();
    }

    public Task<bool> MarkExtractedAsync(LeaseToken lease, JobOutcome outcome, CancellationToken cancellationToken) =>
        LeasedUpdateAsync(fast, lease, "state = 'extracted', pages = @pages, fields = @fields, seconds = @seconds, updated_at = @now", cancellationToken,
            ("pages", outcome.Pages), ("fields", outcome.FieldsFound), ("seconds", Math.Round(outcome.Elapsed.TotalSeconds, 3)));

    public Task<bool> CompleteAsync(LeaseToken lease, CancellationToken cancellationToken) =>
        LeasedUpdateAsync(fast, lease, "state = 'indexed', lease_owner = NULL, lease_token = NULL, lease_until = NULL, not_before = NULL, finished_at = @now, updated_at = @now", cancellationToken);

    public Task<bool> RetryLaterAsync(LeaseToken lease, string error, DateTimeOffset notBefore, bool countsAsAttempt, CancellationToken cancellationToken) =>
        LeasedUpdateAsync(fast, lease, $"state = 'queued', attempts = attempts + {(countsAsAttempt ? 1 : 0)}, last_error = @error, not_before = @nb, lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = @now", cancellationToken,
            ("error", error), ("nb", notBefore));

    public Task<bool> NoteAttemptAsync(LeaseToken lease, string error, CancellationToken cancellationToken) =>
        LeasedUpdateAsync(fast, lease, "attempts = attempts + 1, last_error = @error, updated_at = @now", cancellationToken, ("error", error));

    public Task<bool> FailAsync(LeaseToken lease, string error, string? quarantinedAs, CancellationToken cancellationToken) =>
        LeasedUpdateAsync(durable, lease, "state = 'failed', attempts = attempts + 1, last_error = @error, quarantined_as = @q::text, lease_owner = NULL, lease_token = NULL, lease_until = NULL, finished_at = @now, updated_at = @now", cancellationToken,
            ("error", error), ("q", quarantinedAs));

    public async Task ReleaseAsync(LeaseToken lease, CancellationToken cancellationToken)
    {
        // An extracted job keeps an expired lease, so that the next claim picks it up at once to index it.
        if (await LeasedUpdateAsync(fast, lease, "state = CASE state WHEN 'reading' THEN 'queued' ELSE state END, lease_owner = NULL, lease_token = NULL, lease_until = CASE state WHEN 'extracted' THEN timestamptz 'epoch' END, updated_at = @now", cancellationToken).ConfigureAwait(false))
        {
            await NotifyAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Calls <paramref name="changed"/> whenever a process sharing this catalog queues jobs or gives some back (a
    /// PostgreSQL notification), until cancelled; a lost listening connection goes to <paramref name="failed"/>
    /// and is opened again.
    /// </summary>
    public Task ListenAsync(Action changed, Action<Exception> failed, CancellationToken cancellationToken) =>
        jobNotifications.ListenAsync(_ => changed(), failed, cancellationToken);

    private async Task NotifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await CatalogNotifications.NotifyAsync(connection, CatalogNotifications.Jobs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Other workers share this catalog, so only leases of workers known to be gone are cut short: those
    /// that registered from this machine and whose process has ended (a worker restarted after a crash
    /// takes its own jobs up at once). Anybody else's leases run out by themselves.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var local = await Pg.QueryAsync(connection, "SELECT id, pid, started_at FROM workers WHERE host = @host", r => (Id: r.GetString(0), Pid: r.GetInt32(1), Started: Pg.Time(r, 2)), cancellationToken,
            ("host", WorkerLiveness.ThisHost)).ConfigureAwait(false);
        var gone = local.Where(w => WorkerLiveness.IsGoneFromThisHost(WorkerLiveness.ThisHost, w.Pid, w.Started)).Select(w => w.Id).ToArray();
        await Pg.ExecuteAsync(connection, "DELETE FROM workers WHERE id = ANY(@gone) OR heartbeat < @stale", cancellationToken, ("gone", gone), ("stale", now - ForgetWorkersAfter)).ConfigureAwait(false);
        var recovered = gone.Length == 0 ? 0 : await Pg.ExecuteAsync(connection, "UPDATE jobs SET lease_until = @now WHERE state IN ('reading', 'extracted') AND lease_owner = ANY(@gone)", cancellationToken,
            ("gone", gone), ("now", now - TimeSpan.FromMilliseconds(1))).ConfigureAwait(false);
        if (recovered > 0)
        {
            await CatalogNotifications.NotifyAsync(connection, CatalogNotifications.Jobs, cancellationToken).ConfigureAwait(false);
        }

        return recovered;
    }

    public Task<bool> HoldDiscoveryAsync(CancellationToken cancellationToken) => discovery.HoldAsync(cancellationToken);

    public async Task BeatAsync(WorkerBeat beat, CancellationToken cancellationToken)
    {
        await using (var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await Pg.ExecuteAsync(connection, """
                INSERT INTO workers (id, host, pid, started_at, in_flight, scans_inbox, index_seq, paused, heartbeat)
                VALUES (@id, @host, @pid, @started, @in_flight, @scans, @seq, @paused::text, @now)
                ON CONFLICT (id) DO UPDATE SET in_flight = excluded.in_flight, scans_inbox = excluded.scans_inbox,
                    index_seq = excluded.index_seq, paused = excluded.paused, heartbeat = excluded.heartbeat
                """, cancellationToken,
                ("id", beat.Id), ("host", beat.Host), ("pid", beat.Pid), ("started", beat.StartedAt), ("in_flight", beat.InFlight),
                ("scans", beat.ScansInbox), ("seq", beat.IndexSequence), ("paused", beat.Paused), ("now", clock.GetUtcNow())).ConfigureAwait(false);
        }

        if (beat.ScansInbox)
        {
            // The discovery session is idle between passes; a word on each heartbeat keeps the server from ending it.
            await discovery.HoldAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SignOffAsync(string workerId, CancellationToken cancellationToken)
    {
        await discovery.ReleaseAsync().ConfigureAwait(false);
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Pg.ExecuteAsync(connection, "DELETE FROM workers WHERE id = @id", cancellationToken, ("id", workerId)).ConfigureAwait(false);
    }

    public async Task<QueueStatus> GetStatusAsync(int listed, CancellationToken cancellationToken)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for the whole report, so that its counts and lists agree; read-only, and over in milliseconds.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var counts = JobStates.All.ToDictionary(s => s, _ => 0);
        foreach (var (state, count) in await Pg.QueryAsync(connection, "SELECT state, count(*) FROM jobs GROUP BY state", r => (JobStates.Parse(r.GetString(0)), (int)r.GetInt64(1)), cancellationToken).ConfigureAwait(false))
        {
            counts[state] = count;
        }

        var waiting = await Pg.QueryAsync(connection, $"SELECT {JobSummaryRow.Columns} FROM jobs WHERE state IN ('queued', 'reading', 'extracted') ORDER BY id LIMIT @n", ReadSummary, cancellationToken, ("n", listed)).ConfigureAwait(false);
        var failures = await Pg.QueryAsync(connection, $"SELECT {JobSummaryRow.Columns} FROM jobs WHERE state = 'failed' ORDER BY updated_at DESC, id DESC LIMIT @n", ReadSummary, cancellationToken, ("n", listed)).ConfigureAwait(false);
        var rejections = await Pg.QueryAsync(
            connection,
            "SELECT name, kind, reason, quarantined_as, at FROM inbox_rejections ORDER BY at DESC, id DESC LIMIT @n",
            r => new RejectedEntry(r.GetString(0), r.GetString(1), r.GetString(2), Pg.NullableString(r, 3), Pg.Time(r, 4)),
            cancellationToken,
            ("n", listed)).ConfigureAwait(false);
        var workers = await Pg.QueryAsync(
            connection,
            "SELECT id, host, pid, started_at, in_flight, scans_inbox, index_seq, paused, heartbeat FROM workers ORDER BY host, pid, id",
            r => new WorkerSeen(new WorkerBeat(r.GetString(0), r.GetString(1), r.GetInt32(2), Pg.Time(r, 3), r.GetInt32(4), r.GetBoolean(5), r.GetInt64(6), Pg.NullableString(r, 7)), Pg.Time(r, 8)),
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new QueueStatus(counts, waiting, failures, rejections, workers);
    }

    public async Task<IReadOnlyList<string>> NamesOfAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Pg.QueryAsync(connection, "SELECT n.name FROM job_names n JOIN jobs j ON j.id = n.job_id WHERE j.sha256 = @sha ORDER BY n.first_seen, n.name", r => r.GetString(0), cancellationToken,
            ("sha", sha256)).ConfigureAwait(false);
    }

    /// <summary>All names each content was dropped under (the first included), by SHA-256.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> NamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await Pg.QueryAsync(connection, "SELECT j.sha256, n.name FROM job_names n JOIN jobs j ON j.id = n.job_id ORDER BY n.first_seen, n.name", r => (Sha: r.GetString(0), Name: r.GetString(1)), cancellationToken).ConfigureAwait(false))
            .GroupBy(p => p.Sha)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Name).ToList());
    }

    private static JobSummary ReadSummary(NpgsqlDataReader r) => JobSummaryRow.Read(r, Pg.Time(r, JobSummaryRow.UpdatedAt));

    private async Task<bool> LeasedUpdateAsync(NpgsqlDataSource source, LeaseToken lease, string set, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Pg.ExecuteAsync(connection, $"UPDATE jobs SET {set} WHERE id = @id AND lease_token = @token", cancellationToken,
            [.. parameters, ("id", lease.JobId), ("token", lease.Token), ("now", clock.GetUtcNow())]).ConfigureAwait(false) == 1;
    }
}
