using Npgsql;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Catalog.Postgres;
using PlanIngest.Worker.Tests.Catalog;

namespace PlanIngest.Worker.Tests.Postgres;

/// <summary>The catalog contract on a real PostgreSQL server, and what only a shared catalog must do.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogContract(PostgresServer server, FixtureRecords fixtures) : CatalogContract(fixtures)
{
    private string? database;

    private string Database => database ??= server.CreateDatabase("contract");

    protected override async Task<IDocumentCatalog> OpenCatalogAsync() => (await PostgresCatalog.OpenAsync(Database)).WithJobClock(Clock);

    [SkippableFact]
    public async Task Machines_starting_together_apply_each_migration_once()
    {
        var fresh = Database;
        var catalogs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgresCatalog.OpenAsync(fresh))));
        try
        {
            Assert.Single(catalogs.Select(c => c.CatalogId).Distinct());
            await using var connection = new NpgsqlConnection(Database);
            await connection.OpenAsync();
            await using var versions = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM schema_migrations", connection);
            var applied = (int[])(await versions.ExecuteScalarAsync())!;
            Assert.Equal(new[] { 1, 2, 3 }, applied);
        }
        finally
        {
            foreach (var catalog in catalogs)
            {
                catalog.Dispose();
            }
        }
    }

    [SkippableFact]
    public async Task The_discovery_turn_is_one_process_s_and_passes_on_when_its_session_ends()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();
        Assert.True(await first.HoldDiscoveryAsync(CancellationToken.None));
        Assert.False(await second.HoldDiscoveryAsync(CancellationToken.None));

        // The holder's machine vanishes: the server ends its session (as idle_session_timeout or a dead socket would).
        // pg_terminate_backend only signals the backend; the lock goes when it has exited, a moment later.
        await TerminateHolderAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await second.HoldDiscoveryAsync(CancellationToken.None))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the turn did not pass on after its holder's session ended");
            await Task.Delay(50);
        }

        Assert.False(await first.HoldDiscoveryAsync(CancellationToken.None));

        // A graceful stop gives it up at once.
        await second.SignOffAsync("nobody", CancellationToken.None);
        Assert.True(await first.HoldDiscoveryAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_live_worker_s_leases_survive_another_worker_starting()
    {
        var jobs = await OpenAsync();
        var alive = new WorkerBeat($"{Environment.MachineName}/{Environment.ProcessId}/live", Environment.MachineName, Environment.ProcessId, WorkerStart(), 1, false, 0, null);
        var elsewhere = alive with { Id = "other-host/1/x", Host = "other-host", Pid = 1 };
        await jobs.BeatAsync(alive, CancellationToken.None);
        await jobs.BeatAsync(elsewhere, CancellationToken.None);
        await jobs.EnqueueAsync([Job("aa", "a.txt"), Job("bb", "b.txt")], CancellationToken.None);
        Assert.Single(await jobs.ClaimAsync(alive.Id, 1, Lease, JobSelection.Any, CancellationToken.None));
        Assert.Single(await jobs.ClaimAsync(elsewhere.Id, 1, Lease, JobSelection.Any, CancellationToken.None));

        Assert.Equal(0, await jobs.RecoverAsync(CancellationToken.None));
        Assert.Empty(await jobs.ClaimAsync("new", 5, Lease, JobSelection.Any, CancellationToken.None));
        Assert.Equal(2, (await jobs.GetStatusAsync(0, CancellationToken.None)).Workers.Count);
    }

    [SkippableFact]
    public async Task A_claim_uses_the_index_of_unfinished_jobs()
    {
        await OpenAsync();
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using (var fill = new NpgsqlCommand("""
            INSERT INTO jobs (sha256, name, media_type, size, state, created_at, updated_at)
            SELECT md5(n::text) || md5(n::text), 'f' || n, 'text/plain', 1, 'indexed', now(), now() FROM generate_series(1, 20000) n;
            ANALYZE jobs;
            """, connection))
        {
            await fill.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("""
            EXPLAIN SELECT id FROM jobs WHERE state IN ('queued', 'reading', 'extracted')
              AND ((state = 'queued' AND (not_before IS NULL OR not_before <= now())) OR (state <> 'queued' AND lease_until < now()))
              AND interruptions BETWEEN 0 AND 1 ORDER BY interruptions, id LIMIT 8 FOR UPDATE SKIP LOCKED
            """, connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains("jobs_unfinished", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Other_processes_hear_of_jobs_queued_or_given_back_and_listen_again_after_losing_their_session()
    {
        var queuing = await OpenAsync();
        var listening = (PostgresCatalog)await OpenAsync();
        using var heard = new SemaphoreSlim(0);
        var failures = new List<Exception>();
        using var stop = new CancellationTokenSource();
        var listener = listening.ListenAsync(() => heard.Release(), e => failures.Add(e), stop.Token);
        async Task HeardAsync(string what) => Assert.True(await heard.WaitAsync(TimeSpan.FromSeconds(20)), $"not told: {what}");

        await HeardAsync("listening started");
        await queuing.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        await HeardAsync("a job was queued");
        var lease = Assert.Single(await queuing.ClaimAsync("w1", 1, Lease, JobSelection.Any, CancellationToken.None)).Lease;
        await queuing.ReleaseAsync(lease, CancellationToken.None);
        await HeardAsync("a job was given back");

        // The listening session ends (a restarted server, a dropped connection): the failure is reported, listening
        // starts again on a new session, and what was queued meanwhile is announced by that restart.
        await using (var connection = new NpgsqlConnection(Database))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'planingest listen planingest_jobs' AND datname = current_database()", connection);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        await HeardAsync("listening again");
        Assert.Single(failures);
        await queuing.EnqueueAsync([Job("bb", "b.txt")], CancellationToken.None);
        await HeardAsync("a job was queued after the session was lost");

        await stop.CancelAsync();
        await listener;
    }

    [SkippableFact]
    public async Task Followers_hear_of_documents_other_processes_commit_and_not_of_their_own()
    {
        var other = await OpenAsync();
        var following = (PostgresCatalog)await OpenAsync();
        using var heard = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();
        var listener = following.ListenForChangesAsync(() => heard.Release(), _ => { }, stop.Token);
        async Task HeardAsync(string what) => Assert.True(await heard.WaitAsync(TimeSpan.FromSeconds(20)), $"not told: {what}");

        await HeardAsync("listening started");
        await other.CommitAsync([Fixtures.Records["s01"]]);
        await HeardAsync("another process committed a document");

        // Its own commit is applied by its own process: no round of its follower for it. Then the other's next commit
        // is heard, and nothing was heard in between.
        await following.CommitAsync([Fixtures.Records["s02"]]);
        await other.CommitAsync([Fixtures.Records["s03"]]);
        await HeardAsync("another process committed a second document");
        Assert.False(await heard.WaitAsync(TimeSpan.FromMilliseconds(500)), "told of its own commit");

        await stop.CancelAsync();
        await listener;
    }

    private async Task TerminateHolderAsync()
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand("""
            SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
            WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()
            """, connection);
        Assert.Equal(1L, await kill.ExecuteScalarAsync());
    }

    private static DateTimeOffset WorkerStart() =>
        new(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);
}
