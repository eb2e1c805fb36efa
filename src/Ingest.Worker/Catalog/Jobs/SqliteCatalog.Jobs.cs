using Microsoft.Data.Sqlite;
using PlanIngest.Worker.Catalog.Jobs;

// The job part of the SQLite catalog: a part of the same class (and so of its namespace), kept in the
// Jobs folder with the rest of the job state.
namespace PlanIngest.Worker.Catalog;

/// <summary>
/// <see cref="IJobQueue"/> in the embedded catalog's file (tables of migration 2). Writes are
/// serialised here as they are in SQLite; a claim is one short <c>BEGIN IMMEDIATE</c> transaction,
/// never held across the work, exactly as the PostgreSQL version will claim with
/// <c>FOR UPDATE SKIP LOCKED</c>. Transitions that only save work use synchronous=NORMAL (they survive
/// a killed process; a power cut may cost redoing a document); registering taken files is FULL,
/// because the inbox copies are deleted next.
/// </summary>
public sealed partial class SqliteCatalog
{
    private readonly SemaphoreSlim jobWrites = new(1, 1);
    private TimeProvider jobClock = TimeProvider.System;
    private bool readOnly;

    /// <summary>
    /// The catalog of an existing file, for reading only (<c>status</c>): nothing is created or changed,
    /// so it also works on a full or read-only data folder. Null when there is no catalog there.
    /// </summary>
    public static SqliteCatalog? OpenForReading(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var id = connection.CreateCommand();
        id.CommandText = "SELECT value FROM meta WHERE key = 'catalog_id'";
        return new SqliteCatalog(path, connectionString, (string)id.ExecuteScalar()!) { readOnly = true };
    }

    /// <summary>The clock job times are taken from (a test's manual clock; the system's otherwise).</summary>
    internal SqliteCatalog WithJobClock(TimeProvider clock)
    {
        jobClock = clock;
        return this;
    }

    public async Task<IReadOnlyList<EnqueueOutcome>> EnqueueAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken)
    {
        // Flushed before returning: the caller deletes the inbox copies next, and the catalog must not forget a file the inbox no longer has.
        return await JobWriteAsync(durable: true, (connection, transaction) =>
        {
            var now = JobNow();
            var outcomes = new List<EnqueueOutcome>(jobs.Count);
            foreach (var job in jobs)
            {
                var existing = JobQueryOne(connection, transaction, "SELECT id, state FROM jobs WHERE sha256 = $sha", r => (Id: r.GetInt64(0), State: r.GetString(1)), ("$sha", job.Sha256));
                long id;
                if (existing is null)
                {
                    id = JobScalar<long>(
                        connection,
                        transaction,
                        "INSERT INTO jobs (sha256, name, media_type, size, state, created_at, updated_at) VALUES ($sha, $name, $media, $size, 'queued', $now, $now) RETURNING id",
                        ("$sha", job.Sha256),
                        ("$name", job.Name ?? NewJob.UnknownName),
                        ("$media", job.MediaType),
                        ("$size", job.Size),
                        ("$now", now));
                    outcomes.Add(EnqueueOutcome.Queued);
                }
                else if (existing.Value.State == "failed")
                {
                    // Dropped again after it failed: the archivist wants another try (the quarantined copy stays where it is).
                    id = existing.Value.Id;
                    JobExecute(
                        connection,
                        transaction,
                        "UPDATE jobs SET state = 'queued', attempts = 0, interruptions = 0, solo_interruptions = 0, alone = 0, not_before = NULL, lease_owner = NULL, lease_token = NULL, lease_until = NULL, quarantined_as = NULL, name = $name, updated_at = $now WHERE id = $id",
                        ("$id", id),
                        ("$name", job.Name ?? NewJob.UnknownName),
                        ("$now", now));
                    outcomes.Add(EnqueueOutcome.Requeued);
                }
                else
                {
                    id = existing.Value.Id;
                    outcomes.Add(EnqueueOutcome.Duplicate);
                }

                if (job.Name is null)
                {
                    continue;
                }

                JobExecute(
                    connection,
                    transaction,
                    "INSERT INTO job_names (job_id, name, first_seen) VALUES ($id, $name, $now) ON CONFLICT (job_id, name) DO UPDATE SET times = times + 1",
                    ("$id", id),
                    ("$name", job.Name),
                    ("$now", now));
            }

            return (IReadOnlyList<EnqueueOutcome>)outcomes;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task RecordRejectionAsync(RejectedEntry entry, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: true, (connection, transaction) => JobExecute(
            connection,
            transaction,
            "INSERT INTO inbox_rejections (name, kind, reason, quarantined_as, at) VALUES ($name, $kind, $reason, $q, $at)",
            ("$name", entry.Name),
            ("$kind", entry.Kind),
            ("$reason", entry.Reason),
            ("$q", entry.QuarantinedAs),
            ("$at", entry.At.ToUnixTimeMilliseconds())), cancellationToken);

    public Task<IReadOnlyList<JobLease>> ClaimAsync(string workerId, int max, TimeSpan leaseFor, JobSelection selection, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) =>
        {
            var now = JobNow();
            var token = Guid.NewGuid();
            var until = now + (long)leaseFor.TotalMilliseconds;
            // A job still in flight whose lease ran out was cut off (its worker died): it keeps its stage and counts an interruption.
            var claimed = JobQuery(
                connection,
                transaction,
                """
                UPDATE jobs
                SET interruptions = interruptions + (state <> 'queued'),
                    solo_interruptions = solo_interruptions + (state <> 'queued' AND alone),
                    alone = $alone,
                    state = CASE state WHEN 'queued' THEN 'reading' ELSE state END,
                    lease_owner = $owner, lease_token = $token, lease_until = $until,
                    started_at = $now, updated_at = $now
                WHERE id IN (
                    SELECT id FROM jobs
                    WHERE ((state = 'queued' AND (not_before IS NULL OR not_before <= $now))
                        OR (state IN ('reading', 'extracted') AND lease_until < $now))
                      AND interruptions BETWEEN $least AND $most
                    ORDER BY interruptions, id
                    LIMIT $max)
                RETURNING id, sha256, name, media_type, size, state, attempts, interruptions, solo_interruptions
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
                    DateTimeOffset.FromUnixTimeMilliseconds(until)),
                ("$owner", workerId),
                ("$token", token.ToString("N")),
                ("$until", until),
                ("$now", now),
                ("$max", max),
                ("$alone", selection == JobSelection.Suspects),
                ("$least", selection.MinInterruptions),
                ("$most", selection.MaxInterruptions));
            return (IReadOnlyList<JobLease>)claimed.OrderBy(j => j.Interruptions).ThenBy(j => j.Lease.JobId).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<LeaseToken>> RenewAsync(IReadOnlyList<LeaseToken> leases, TimeSpan leaseFor, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) =>
        {
            var until = JobNow() + (long)leaseFor.TotalMilliseconds;
            var lost = new List<LeaseToken>();
            foreach (var lease in leases)
            {
                if (LeasedUpdate(connection, transaction, lease, "lease_until = $until", ("$until", until)) == 0)
                {
                    lost.Add(lease);
                }
            }

            return (IReadOnlyList<LeaseToken>)lost;
        }, cancellationToken);

    public Task<bool> MarkExtractedAsync(LeaseToken lease, JobOutcome outcome, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) => LeasedUpdate(
            connection,
            transaction,
            lease,
            "state = 'extracted', pages = $pages, fields = $fields, seconds = $seconds, updated_at = $now",
            ("$pages", outcome.Pages),
            ("$fields", outcome.FieldsFound),
            ("$seconds", Math.Round(outcome.Elapsed.TotalSeconds, 3)),
            ("$now", JobNow())) == 1, cancellationToken);

    public Task<bool> CompleteAsync(LeaseToken lease, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) => LeasedUpdate(
            connection,
            transaction,
            lease,
            "state = 'indexed', lease_owner = NULL, lease_token = NULL, lease_until = NULL, not_before = NULL, finished_at = $now, updated_at = $now",
            ("$now", JobNow())) == 1, cancellationToken);

    public Task<bool> RetryLaterAsync(LeaseToken lease, string error, DateTimeOffset notBefore, bool countsAsAttempt, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) => LeasedUpdate(
            connection,
            transaction,
            lease,
            $"state = 'queued', attempts = attempts + {(countsAsAttempt ? 1 : 0)}, last_error = $error, not_before = $nb, lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = $now",
            ("$error", error),
            ("$nb", notBefore.ToUnixTimeMilliseconds()),
            ("$now", JobNow())) == 1, cancellationToken);

    public Task<bool> NoteAttemptAsync(LeaseToken lease, string error, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) => LeasedUpdate(
            connection,
            transaction,
            lease,
            "attempts = attempts + 1, last_error = $error, updated_at = $now",
            ("$error", error),
            ("$now", JobNow())) == 1, cancellationToken);

    public Task<bool> FailAsync(LeaseToken lease, string error, string? quarantinedAs, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: true, (connection, transaction) => LeasedUpdate(
            connection,
            transaction,
            lease,
            "state = 'failed', attempts = attempts + 1, last_error = $error, quarantined_as = $q, lease_owner = NULL, lease_token = NULL, lease_until = NULL, finished_at = $now, updated_at = $now",
            ("$error", error),
            ("$q", quarantinedAs),
            ("$now", JobNow())) == 1, cancellationToken);

    public Task ReleaseAsync(LeaseToken lease, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) => LeasedUpdate(
            connection,
            transaction,
            lease,
            "state = CASE state WHEN 'reading' THEN 'queued' ELSE state END, lease_owner = NULL, lease_token = NULL, lease_until = CASE state WHEN 'extracted' THEN 0 ELSE NULL END, updated_at = $now",
            ("$now", JobNow())), cancellationToken);

    public Task<int> RecoverAsync(CancellationToken cancellationToken) =>
        // One worker per SQLite catalog (the data folder's lock): whatever is in flight on start was left by a worker that died.
        JobWriteAsync(durable: false, (connection, transaction) =>
        {
            var gone = JobQuery(connection, transaction, "SELECT id, host, pid, started_at FROM workers", r => (Id: r.GetString(0), Host: r.GetString(1), Pid: r.GetInt32(2), Started: r.GetInt64(3)))
                .Where(w => WorkerLiveness.IsGoneFromThisHost(w.Host, w.Pid, DateTimeOffset.FromUnixTimeMilliseconds(w.Started)));
            foreach (var worker in gone)
            {
                JobExecute(connection, transaction, "DELETE FROM workers WHERE id = $id", ("$id", worker.Id));
            }

            return JobExecute(connection, transaction, "UPDATE jobs SET lease_until = 0 WHERE state IN ('reading', 'extracted') AND lease_until IS NOT NULL");
        }, cancellationToken);

    /// <summary>Always this process's: the data folder's worker lock already keeps a second worker off an embedded catalog.</summary>
    public Task<bool> HoldDiscoveryAsync(CancellationToken cancellationToken) => Task.FromResult(!readOnly);

    public Task BeatAsync(WorkerBeat beat, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) => JobExecute(
            connection,
            transaction,
            """
            INSERT INTO workers (id, host, pid, started_at, in_flight, scans_inbox, index_seq, paused, heartbeat)
            VALUES ($id, $host, $pid, $started, $in_flight, $scans, $seq, $paused, $now)
            ON CONFLICT (id) DO UPDATE SET in_flight = excluded.in_flight, scans_inbox = excluded.scans_inbox,
                index_seq = excluded.index_seq, paused = excluded.paused, heartbeat = excluded.heartbeat
            """,
            ("$id", beat.Id),
            ("$host", beat.Host),
            ("$pid", beat.Pid),
            ("$started", beat.StartedAt.ToUnixTimeMilliseconds()),
            ("$in_flight", beat.InFlight),
            ("$scans", beat.ScansInbox),
            ("$seq", beat.IndexSequence),
            ("$paused", beat.Paused),
            ("$now", JobNow())), cancellationToken);

    public Task SignOffAsync(string workerId, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) => JobExecute(connection, transaction, "DELETE FROM workers WHERE id = $id", ("$id", workerId)), cancellationToken);

    public async Task<QueueStatus> GetStatusAsync(int listed, CancellationToken cancellationToken)
    {
        await using var connection = OpenJobs(durable: false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var counts = JobStates.All.ToDictionary(s => s, _ => 0);
        foreach (var (state, count) in JobQuery(connection, transaction, "SELECT state, count(*) FROM jobs GROUP BY state", r => (JobStates.Parse(r.GetString(0)), r.GetInt32(1))))
        {
            counts[state] = count;
        }

        var waiting = JobQuery(connection, transaction, $"SELECT {JobSummaryRow.Columns} FROM jobs WHERE state IN ('queued', 'reading', 'extracted') ORDER BY id LIMIT $n", ReadSummary, ("$n", listed));
        var failures = JobQuery(connection, transaction, $"SELECT {JobSummaryRow.Columns} FROM jobs WHERE state = 'failed' ORDER BY updated_at DESC, id DESC LIMIT $n", ReadSummary, ("$n", listed));
        var rejections = JobQuery(
            connection,
            transaction,
            "SELECT name, kind, reason, quarantined_as, at FROM inbox_rejections ORDER BY at DESC, id DESC LIMIT $n",
            r => new RejectedEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))),
            ("$n", listed));
        // A catalog last opened by an older planingest (status never migrates) has no workers table yet.
        var hasWorkers = JobQuery(connection, transaction, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workers'", r => r.GetInt32(0)).Count > 0;
        var workers = !hasWorkers ? [] : JobQuery(
            connection,
            transaction,
            "SELECT id, host, pid, started_at, in_flight, scans_inbox, index_seq, paused, heartbeat FROM workers ORDER BY host, pid, id",
            r => new WorkerSeen(
                new WorkerBeat(r.GetString(0), r.GetString(1), r.GetInt32(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)), r.GetInt32(4), r.GetBoolean(5), r.GetInt64(6), r.IsDBNull(7) ? null : r.GetString(7)),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8))));
        return new QueueStatus(counts, waiting, failures, rejections, workers);
    }

    public async Task<IReadOnlyList<string>> NamesOfAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = OpenJobs(durable: false);
        return JobQuery(connection, null, "SELECT n.name FROM job_names n JOIN jobs j ON j.id = n.job_id WHERE j.sha256 = $sha ORDER BY n.first_seen, n.name", r => r.GetString(0), ("$sha", sha256));
    }

    /// <summary>All names each content was dropped under (the first included), by SHA-256.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> NamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = OpenJobs(durable: false);
        return JobQuery(connection, null, "SELECT j.sha256, n.name FROM job_names n JOIN jobs j ON j.id = n.job_id ORDER BY n.first_seen, n.name", r => (r.GetString(0), r.GetString(1)))
            .GroupBy(p => p.Item1)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Item2).ToList());
    }

    private static JobSummary ReadSummary(SqliteDataReader r) =>
        JobSummaryRow.Read(r, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(JobSummaryRow.UpdatedAt)));

    private long JobNow() => jobClock.GetUtcNow().ToUnixTimeMilliseconds();

    private SqliteConnection OpenJobs(bool durable)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        if (!readOnly)
        {
            // NORMAL survives a killed process; FULL also a power cut, where the next step destroys the only other copy.
            JobExecute(connection, null, $"PRAGMA synchronous = {(durable ? "FULL" : "NORMAL")};");
        }

        return connection;
    }

    private async Task<T> JobWriteAsync<T>(bool durable, Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await jobWrites.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = OpenJobs(durable);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            jobWrites.Release();
        }
    }

    private Task JobWriteAsync(bool durable, Action<SqliteConnection, SqliteTransaction> work, CancellationToken cancellationToken) =>
        JobWriteAsync(durable, (c, t) =>
        {
            work(c, t);
            return 0;
        }, cancellationToken);

    private static int LeasedUpdate(SqliteConnection connection, SqliteTransaction transaction, LeaseToken lease, string set, params (string, object?)[] parameters) =>
        JobExecute(
            connection,
            transaction,
            $"UPDATE jobs SET {set} WHERE id = $id AND lease_token = $token",
            [.. parameters, ("$id", lease.JobId), ("$token", lease.Token.ToString("N"))]);

    private static int JobExecute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = JobCommand(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static T JobScalar<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = JobCommand(connection, transaction, sql, parameters);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<T> JobQuery<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, params (string, object?)[] parameters)
    {
        using var command = JobCommand(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static T? JobQueryOne<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, params (string, object?)[] parameters)
        where T : struct =>
        JobQuery(connection, transaction, sql, read, parameters) is [var row, ..] ? row : null;

    private static SqliteCommand JobCommand(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string, object?)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
