using Microsoft.Data.Sqlite;

namespace PlanIngest.Worker.Catalog.Jobs;

/// <summary>
/// <see cref="IJobQueue"/> in the embedded catalog's SQLite file (WAL mode). Writes are serialised
/// here as they are in SQLite; a claim is one short <c>BEGIN IMMEDIATE</c> transaction, never held
/// across the work, exactly as the PostgreSQL version will claim with <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
public sealed class SqliteJobQueue : IJobQueue
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS jobs (
            id             INTEGER PRIMARY KEY,
            sha256         TEXT NOT NULL UNIQUE,
            name           TEXT NOT NULL,
            media_type     TEXT NOT NULL,
            size           INTEGER NOT NULL,
            state          TEXT NOT NULL CHECK (state IN ('queued', 'reading', 'extracted', 'indexed', 'failed')),
            attempts       INTEGER NOT NULL DEFAULT 0,
            interruptions  INTEGER NOT NULL DEFAULT 0,
            solo_interruptions INTEGER NOT NULL DEFAULT 0,
            alone          INTEGER NOT NULL DEFAULT 0,
            not_before     INTEGER,
            lease_owner    TEXT,
            lease_token    TEXT,
            lease_until    INTEGER,
            last_error     TEXT,
            quarantined_as TEXT,
            pages          INTEGER,
            fields         INTEGER,
            seconds        REAL,
            created_at     INTEGER NOT NULL,
            updated_at     INTEGER NOT NULL,
            started_at     INTEGER,
            finished_at    INTEGER
        );
        CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, not_before, id);
        CREATE TABLE IF NOT EXISTS job_names (
            job_id     INTEGER NOT NULL REFERENCES jobs (id),
            name       TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            times      INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (job_id, name)
        );
        CREATE TABLE IF NOT EXISTS inbox_rejections (
            id             INTEGER PRIMARY KEY,
            name           TEXT NOT NULL,
            kind           TEXT NOT NULL,
            reason         TEXT NOT NULL,
            quarantined_as TEXT,
            at             INTEGER NOT NULL
        );
        """;

    private const string SummaryColumns = "id, sha256, name, state, attempts, interruptions, last_error, quarantined_as, updated_at, pages, seconds";

    private readonly string connectionString;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim writes = new(1, 1);

    public SqliteJobQueue(string databasePath, TimeProvider clock)
        : this(databasePath, clock, SqliteOpenMode.ReadWriteCreate)
    {
        using var connection = Open(durable: true);
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, Schema);
    }

    private SqliteJobQueue(string databasePath, TimeProvider clock, SqliteOpenMode mode)
    {
        this.clock = clock;
        connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, Mode = mode }.ToString();
    }

    /// <summary>
    /// The queue of an existing catalog, for reading only (<c>status</c>): nothing is created or
    /// changed, so it also works on a full or read-only data folder. Null when there is no catalog.
    /// </summary>
    public static SqliteJobQueue? OpenForReading(string databasePath, TimeProvider clock) =>
        File.Exists(databasePath) ? new SqliteJobQueue(databasePath, clock, SqliteOpenMode.ReadOnly) : null;

    public async Task<IReadOnlyList<EnqueueOutcome>> EnqueueAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken)
    {
        // Flushed before returning: the caller deletes the inbox copies next, and the catalog must not forget a file the inbox no longer has.
        return await WriteAsync(durable: true, (connection, transaction) =>
        {
            var now = Now();
            var outcomes = new List<EnqueueOutcome>(jobs.Count);
            foreach (var job in jobs)
            {
                var existing = QueryOne(connection, transaction, "SELECT id, state FROM jobs WHERE sha256 = $sha", r => (Id: r.GetInt64(0), State: r.GetString(1)), ("$sha", job.Sha256));
                long id;
                if (existing is null)
                {
                    id = Scalar<long>(
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
                    Execute(
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

                Execute(
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
        WriteAsync(durable: true, (connection, transaction) => Execute(
            connection,
            transaction,
            "INSERT INTO inbox_rejections (name, kind, reason, quarantined_as, at) VALUES ($name, $kind, $reason, $q, $at)",
            ("$name", entry.Name),
            ("$kind", entry.Kind),
            ("$reason", entry.Reason),
            ("$q", entry.QuarantinedAs),
            ("$at", entry.At.ToUnixTimeMilliseconds())), cancellationToken);

    public Task<IReadOnlyList<JobLease>> ClaimAsync(string workerId, int max, TimeSpan leaseFor, JobSelection selection, CancellationToken cancellationToken) =>
        WriteAsync(durable: false, (connection, transaction) =>
        {
            var now = Now();
            var token = Guid.NewGuid();
            var until = now + (long)leaseFor.TotalMilliseconds;
            // A job still in flight whose lease ran out was cut off (its worker died): it keeps its stage and counts an interruption.
            var claimed = Query(
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
        WriteAsync(durable: false, (connection, transaction) =>
        {
            var until = Now() + (long)leaseFor.TotalMilliseconds;
            var lost = new List<LeaseToken>();
            foreach (var lease in leases)
            {
                if (ExecuteLeased(connection, transaction, lease, "lease_until = $until", ("$until", until)) == 0)
                {
                    lost.Add(lease);
                }
            }

            return (IReadOnlyList<LeaseToken>)lost;
        }, cancellationToken);

    public Task<bool> MarkExtractedAsync(LeaseToken lease, JobOutcome outcome, CancellationToken cancellationToken) =>
        WriteAsync(durable: false, (connection, transaction) => ExecuteLeased(
            connection,
            transaction,
            lease,
            "state = 'extracted', pages = $pages, fields = $fields, seconds = $seconds, updated_at = $now",
            ("$pages", outcome.Pages),
            ("$fields", outcome.FieldsFound),
            ("$seconds", Math.Round(outcome.Elapsed.TotalSeconds, 3)),
            ("$now", Now())) == 1, cancellationToken);

    public Task<bool> CompleteAsync(LeaseToken lease, CancellationToken cancellationToken) =>
        WriteAsync(durable: false, (connection, transaction) => ExecuteLeased(
            connection,
            transaction,
            lease,
            "state = 'indexed', lease_owner = NULL, lease_token = NULL, lease_until = NULL, not_before = NULL, finished_at = $now, updated_at = $now",
            ("$now", Now())) == 1, cancellationToken);

    public Task<bool> RetryLaterAsync(LeaseToken lease, string error, DateTimeOffset notBefore, bool countsAsAttempt, CancellationToken cancellationToken) =>
        WriteAsync(durable: false, (connection, transaction) => ExecuteLeased(
            connection,
            transaction,
            lease,
            $"state = 'queued', attempts = attempts + {(countsAsAttempt ? 1 : 0)}, last_error = $error, not_before = $nb, lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = $now",
            ("$error", error),
            ("$nb", notBefore.ToUnixTimeMilliseconds()),
            ("$now", Now())) == 1, cancellationToken);

    public Task<bool> NoteAttemptAsync(LeaseToken lease, string error, CancellationToken cancellationToken) =>
        WriteAsync(durable: false, (connection, transaction) => ExecuteLeased(
            connection,
            transaction,
            lease,
            "attempts = attempts + 1, last_error = $error, updated_at = $now",
            ("$error", error),
            ("$now", Now())) == 1, cancellationToken);

    public Task<bool> FailAsync(LeaseToken lease, string error, string? quarantinedAs, CancellationToken cancellationToken) =>
        WriteAsync(durable: true, (connection, transaction) => ExecuteLeased(
            connection,
            transaction,
            lease,
            "state = 'failed', attempts = attempts + 1, last_error = $error, quarantined_as = $q, lease_owner = NULL, lease_token = NULL, lease_until = NULL, finished_at = $now, updated_at = $now",
            ("$error", error),
            ("$q", quarantinedAs),
            ("$now", Now())) == 1, cancellationToken);

    public Task ReleaseAsync(LeaseToken lease, CancellationToken cancellationToken) =>
        WriteAsync(durable: false, (connection, transaction) => ExecuteLeased(
            connection,
            transaction,
            lease,
            "state = CASE state WHEN 'reading' THEN 'queued' ELSE state END, lease_owner = NULL, lease_token = NULL, lease_until = CASE state WHEN 'extracted' THEN 0 ELSE NULL END, updated_at = $now",
            ("$now", Now())), cancellationToken);

    public Task<int> RecoverAsync(CancellationToken cancellationToken) =>
        // One worker per SQLite catalog (the data folder's lock): whatever is in flight on start was left by a worker that died.
        WriteAsync(durable: false, (connection, transaction) => Execute(
            connection,
            transaction,
            "UPDATE jobs SET lease_until = 0 WHERE state IN ('reading', 'extracted') AND lease_until IS NOT NULL"), cancellationToken);

    public async Task<QueueStatus> GetStatusAsync(int listed, CancellationToken cancellationToken)
    {
        await using var connection = Open(durable: false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var counts = JobStates.All.ToDictionary(s => s, _ => 0);
        foreach (var (state, count) in Query(connection, transaction, "SELECT state, count(*) FROM jobs GROUP BY state", r => (JobStates.Parse(r.GetString(0)), r.GetInt32(1))))
        {
            counts[state] = count;
        }

        var waiting = Query(connection, transaction, $"SELECT {SummaryColumns} FROM jobs WHERE state IN ('queued', 'reading', 'extracted') ORDER BY id LIMIT $n", ReadSummary, ("$n", listed));
        var failures = Query(connection, transaction, $"SELECT {SummaryColumns} FROM jobs WHERE state = 'failed' ORDER BY updated_at DESC, id DESC LIMIT $n", ReadSummary, ("$n", listed));
        var rejections = Query(
            connection,
            transaction,
            "SELECT name, kind, reason, quarantined_as, at FROM inbox_rejections ORDER BY at DESC, id DESC LIMIT $n",
            r => new RejectedEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))),
            ("$n", listed));
        return new QueueStatus(counts, waiting, failures, rejections);
    }

    /// <summary>All names each content was dropped under (the first included), by SHA-256.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> NamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open(durable: false);
        return Query(connection, null, "SELECT j.sha256, n.name FROM job_names n JOIN jobs j ON j.id = n.job_id ORDER BY n.first_seen, n.name", r => (r.GetString(0), r.GetString(1)))
            .GroupBy(p => p.Item1)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Item2).ToList());
    }

    private static JobSummary ReadSummary(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        JobStates.Parse(r.GetString(3)),
        r.GetInt32(4),
        r.GetInt32(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
        r.IsDBNull(9) ? null : r.GetInt32(9),
        r.IsDBNull(10) ? null : r.GetDouble(10));

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private SqliteConnection Open(bool durable)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        if (connection.ConnectionString.Contains("Mode=ReadOnly", StringComparison.OrdinalIgnoreCase))
        {
            Execute(connection, "PRAGMA busy_timeout = 10000;");
            return connection;
        }

        // WAL with synchronous=NORMAL survives a killed process; FULL also survives a power cut, and is
        // used where the next step destroys the only other copy (deleting the inbox file).
        Execute(connection, $"PRAGMA busy_timeout = 10000; PRAGMA synchronous = {(durable ? "FULL" : "NORMAL")};");
        return connection;
    }

    private async Task<T> WriteAsync<T>(bool durable, Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open(durable);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            writes.Release();
        }
    }

    private Task WriteAsync(bool durable, Action<SqliteConnection, SqliteTransaction> work, CancellationToken cancellationToken) =>
        WriteAsync(durable, (c, t) =>
        {
            work(c, t);
            return 0;
        }, cancellationToken);

    private static int ExecuteLeased(SqliteConnection connection, SqliteTransaction transaction, LeaseToken lease, string set, params (string, object?)[] parameters) =>
        Execute(
            connection,
            transaction,
            $"UPDATE jobs SET {set} WHERE id = $id AND lease_token = $token",
            [.. parameters, ("$id", lease.JobId), ("$token", lease.Token.ToString("N"))]);

    private static int Execute(SqliteConnection connection, string sql) => Execute(connection, null, sql);

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<T> Query<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static T? QueryOne<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, params (string, object?)[] parameters)
        where T : struct =>
        Query(connection, transaction, sql, read, parameters) is [var row, ..] ? row : null;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string, object?)[] parameters)
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
