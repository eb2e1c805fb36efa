using System.Diagnostics;
using System.Text.Json;
using PlanIngest.Extraction.Model;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Tests.Worker;

namespace PlanIngest.Worker.Tests.Catalog;

/// <summary>
/// What every catalog must do, whatever holds it: one set of tests, run against the embedded SQLite
/// file (<see cref="SqliteCatalogContract"/>) and against a real PostgreSQL server
/// (<see cref="Postgres.PostgresCatalogContract"/>). Documents, aliases, the change sequence, the job
/// queue with its leases, and the workers' heartbeats.
/// </summary>
public abstract class CatalogContract(FixtureRecords fixtures) : IDisposable
{
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly List<IDocumentCatalog> opened = [];

    private protected ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    protected FixtureRecords Fixtures => fixtures;

    /// <summary>Opens the catalog under test (the same one again on a second call), its job times on <see cref="Clock"/>.</summary>
    protected abstract Task<IDocumentCatalog> OpenCatalogAsync();

    public virtual void Dispose()
    {
        opened.ForEach(c => c.Dispose());
        GC.SuppressFinalize(this);
    }

    protected async Task<IDocumentCatalog> OpenAsync()
    {
        var catalog = await OpenCatalogAsync();
        opened.Add(catalog);
        return catalog;
    }

    // ---- documents -------------------------------------------------------------------------------

    [SkippableFact]
    public async Task A_committed_record_reads_back_whole_with_its_page_texts()
    {
        var record = fixtures.Records["s02"];
        var catalog = await OpenAsync();

        var commit = Assert.Single(await catalog.CommitAsync([record]));

        Assert.True(commit.Added);
        Assert.Equal(record.Source.Sha256, commit.Id);
        Assert.Equal(1, commit.Sequence);
        var stored = (await catalog.GetAsync(commit.Id))!;
        Assert.Equal(Json(record), Json(stored.Record));
        Assert.Equal(record.Pages[0].Normalized, stored.Record.Pages[0].Normalized);
        Assert.Equal(Extraction.ExtractionPipeline.ExtractorVersion, stored.Record.ExtractorVersion);
        Assert.True(await catalog.ContainsAsync(commit.Id));
        Assert.False(await catalog.ContainsAsync(new string('0', 64)));
    }

    [SkippableFact]
    public async Task Records_are_listed_in_id_order_a_page_at_a_time_without_their_page_texts()
    {
        var catalog = await OpenAsync();
        var records = new[] { fixtures.Records["s01"], fixtures.Records["s02"], fixtures.Records["s03"] };
        await catalog.CommitAsync(records);
        var ids = records.Select(r => r.Source.Sha256).Order(StringComparer.Ordinal).ToList();

        var first = await catalog.RecordsAfterAsync(string.Empty, 2);
        var rest = await catalog.RecordsAfterAsync(first[^1].Id, 2);

        Assert.Equal(ids, first.Concat(rest).Select(d => d.Id));
        Assert.All(first.Concat(rest), d => Assert.Empty(d.Record.Pages));
        Assert.Equal(records.Single(r => r.Source.Sha256 == ids[0]).Fields.Title, first[0].Record.Fields.Title);
        Assert.Empty(await catalog.RecordsAfterAsync(ids[^1], 2));
    }

    [SkippableFact]
    public async Task The_same_content_under_another_name_is_an_alias_not_a_second_document()
    {
        var record = fixtures.Records["s01"];
        var catalog = await OpenAsync();
        await catalog.CommitAsync([record]);

        var again = Assert.Single(await catalog.CommitAsync([record with { Source = record.Source with { Path = "inbox/copy-of-s01.txt" } }]));
        await catalog.AddAliasAsync(record.Source.Sha256, record.Source.Path);

        Assert.False(again.Added);
        Assert.Equal(1, again.Sequence);
        Assert.Equal(1, await catalog.CountAsync());
        Assert.Equal(1, await catalog.LastSequenceAsync());
        Assert.Equal(["inbox/copy-of-s01.txt"], await catalog.AliasesAsync(record.Source.Sha256));
    }

    [SkippableFact]
    public async Task Every_commit_takes_the_next_sequence_and_the_feed_returns_latest_states_in_order()
    {
        var catalog = await OpenAsync();
        var commits = await catalog.CommitAsync([fixtures.Records["s01"], fixtures.Records["s02"], fixtures.Records["s03"]]);
        Assert.Equal([1L, 2, 3], commits.Select(c => c.Sequence));

        var replaced = fixtures.Records["s01"] with { Fields = fixtures.Records["s01"].Fields with { Title = "tiêu đề mới" } };
        Assert.True(await catalog.ReplaceAsync(commits[0].Id, replaced));

        var changes = await catalog.ChangesAfterAsync(1, 10);
        Assert.Equal([(commits[1].Id, 2L), (commits[2].Id, 3L), (commits[0].Id, 4L)], changes.Select(c => (c.Id, c.Sequence)));
        Assert.Equal("tiêu đề mới", changes[^1].Record.Fields.Title);
        Assert.Equal(2, (await catalog.ChangesAfterAsync(0, 2)).Count);
        Assert.Equal(4, await catalog.LastSequenceAsync());
        Assert.False(await catalog.ReplaceAsync(new string('0', 64), replaced));
    }

    [SkippableFact]
    public async Task A_reopened_catalog_keeps_its_id_and_documents()
    {
        var first = await OpenAsync();
        await first.CommitAsync([fixtures.Records["s04"]]);

        var reopened = await OpenAsync();

        Assert.Equal(first.CatalogId, reopened.CatalogId);
        Assert.Equal(1, await reopened.CountAsync());
        Assert.Equal(fixtures.Records["s04"].Fields.Title, (await reopened.GetAsync(fixtures.Records["s04"].Source.Sha256))!.Record.Fields.Title);
    }

    [SkippableFact]
    public async Task Documents_are_found_by_number_key_by_what_they_cite_and_by_id_prefix()
    {
        var catalog = await OpenAsync();
        await catalog.CommitAsync([.. fixtures.Records.Values]);
        var s02 = fixtures.Records["s02"];

        var holders = await catalog.FindByNumberAsync(DocumentNumber.KeyFor("01/KH-UBND")!);
        var citing = await catalog.FindCitingAsync(DocumentNumber.KeyFor("13/CT - UBND")!);
        var prefix = await catalog.FindIdsAsync(s02.Source.Sha256[..10], 5);

        Assert.Equal(2, holders.Count);
        Assert.Equal(["s01", "s02", "s03", "s04", "s06"], citing.Select(c => Stem(c.Document.Id)).Order());
        Assert.Equal([s02.Source.Sha256], prefix);
        Assert.Empty(await catalog.FindIdsAsync("not hex", 5));
    }

    /// <summary>
    /// Four writers commit at once (one content twice, as when two workers finish one job) while a reader
    /// follows the change sequence the way a search node does: every content is one document, the
    /// sequence has no gap, and the reader never sees a number before every smaller one is readable.
    /// </summary>
    [SkippableFact]
    public async Task Concurrent_commits_keep_one_document_per_content_and_a_sequence_without_gaps()
    {
        var catalog = await OpenAsync();
        var records = Enumerable.Range(0, 80).Select(n => Variant(fixtures.Records["s0" + (1 + (n % 8))], n)).ToList();
        var twice = records[7];
        using var stop = new CancellationTokenSource();
        var seen = new List<long>();
        var reader = Task.Run(async () =>
        {
            long last = 0;
            while (!stop.IsCancellationRequested || last < await catalog.LastSequenceAsync())
            {
                foreach (var change in await catalog.ChangesAfterAsync(last, 7))
                {
                    seen.Add(change.Sequence);
                    last = change.Sequence;
                }
            }
        });

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            foreach (var record in records.Where((_, i) => i % 4 == w).Append(twice))
            {
                await catalog.CommitAsync([record]);
            }
        })).ToList();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await reader;

        Assert.Equal(records.Count, await catalog.CountAsync());
        Assert.Equal(records.Count, await catalog.LastSequenceAsync());
        Assert.Equal(Enumerable.Range(1, records.Count).Select(n => (long)n), seen);
    }

    // ---- jobs ------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task The_same_content_under_another_name_is_one_job_with_both_names()
    {
        var jobs = await OpenAsync();
        var outcomes = await jobs.EnqueueAsync([Job("aa", "a.txt"), Job("aa", "a.txt"), Job("aa", "b.txt"), Job("bb", "c.txt")], CancellationToken.None);
        Assert.Equal([EnqueueOutcome.Queued, EnqueueOutcome.Duplicate, EnqueueOutcome.Duplicate, EnqueueOutcome.Queued], outcomes);
        Assert.Equal(["a.txt", "b.txt"], (await jobs.NamesOfAsync(Sha("aa"), CancellationToken.None)).Order());
        var status = await jobs.GetStatusAsync(10, CancellationToken.None);
        Assert.Equal(2, status.Counts[JobState.Queued]);
    }

    [SkippableFact]
    public async Task A_claimed_job_is_not_claimed_again_while_its_lease_runs()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var first = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        Assert.Equal(JobState.Reading, first.State);
        Assert.Equal(Sha("aa"), first.Sha256);
        Assert.Empty(await jobs.ClaimAsync("w2", 5, Lease, JobSelection.Any, CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_expired_lease_is_taken_over_and_the_old_token_no_longer_counts()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var first = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = Assert.Single(await jobs.ClaimAsync("w2", 5, Lease, JobSelection.Any, CancellationToken.None));
        Assert.Equal(1, second.Interruptions);

        Assert.False(await jobs.CompleteAsync(first.Lease, CancellationToken.None));
        Assert.Equal([first.Lease], await jobs.RenewAsync([first.Lease, second.Lease], Lease, CancellationToken.None));
        Assert.True(await jobs.MarkExtractedAsync(second.Lease, new JobOutcome(1, 5, TimeSpan.FromSeconds(1)), CancellationToken.None));
        Assert.True(await jobs.CompleteAsync(second.Lease, CancellationToken.None));
        Assert.Equal(1, (await jobs.GetStatusAsync(10, CancellationToken.None)).Counts[JobState.Indexed]);
    }

    [SkippableFact]
    public async Task Renewing_keeps_a_job_from_being_taken_over()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var job = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        Clock.Advance(Lease / 2);
        Assert.Empty(await jobs.RenewAsync([job.Lease], Lease, CancellationToken.None));
        Clock.Advance((Lease / 2) + TimeSpan.FromSeconds(1));
        Assert.Empty(await jobs.ClaimAsync("w2", 5, Lease, JobSelection.Any, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_released_job_goes_back_without_counting_an_attempt()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var job = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        await jobs.ReleaseAsync(job.Lease, CancellationToken.None);
        var again = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        Assert.Equal(0, again.Attempts);
        Assert.Equal(0, again.Interruptions);
    }

    [SkippableFact]
    public async Task A_released_extracted_job_is_claimable_at_once_to_be_indexed()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var job = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        await jobs.MarkExtractedAsync(job.Lease, new JobOutcome(1, 3, TimeSpan.Zero), CancellationToken.None);
        await jobs.ReleaseAsync(job.Lease, CancellationToken.None);
        Assert.Equal(JobState.Extracted, Assert.Single(await jobs.ClaimAsync("w2", 5, Lease, JobSelection.Any, CancellationToken.None)).State);
    }

    [SkippableFact]
    public async Task A_transient_failure_waits_its_backoff_and_counts()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var job = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        await jobs.RetryLaterAsync(job.Lease, "page 3: timed out", Clock.GetUtcNow().AddSeconds(30), countsAsAttempt: true, CancellationToken.None);
        Assert.Empty(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None)).Attempts);
    }

    [SkippableFact]
    public async Task Failed_content_dropped_again_is_queued_again_and_listed_with_its_reason_before()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([Job("aa", "bad.pdf")], CancellationToken.None);
        var job = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        await jobs.FailAsync(job.Lease, "encrypted PDF", "bad.pdf", CancellationToken.None);
        await jobs.RecordRejectionAsync(new RejectedEntry("link.pdf", "SymbolicLink", "is a symbolic link", null, Clock.GetUtcNow()), CancellationToken.None);
        var status = await jobs.GetStatusAsync(10, CancellationToken.None);
        Assert.Equal("encrypted PDF", Assert.Single(status.RecentFailures).LastError);
        Assert.Equal("link.pdf", Assert.Single(status.RecentRejections).Name);

        Assert.Equal([EnqueueOutcome.Requeued], await jobs.EnqueueAsync([Job("aa", "bad-again.pdf")], CancellationToken.None));
        Assert.Equal(1, (await jobs.GetStatusAsync(10, CancellationToken.None)).Counts[JobState.Queued]);
    }

    [SkippableFact]
    public async Task A_job_cut_off_twice_is_claimed_only_as_a_suspect()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            Assert.Single(await jobs.ClaimAsync("w", 5, Lease, JobSelection.Any, CancellationToken.None));
            Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        Assert.Empty(await jobs.ClaimAsync("w", 5, Lease, JobSelection.Fresh, CancellationToken.None));
        Assert.Equal(3, Assert.Single(await jobs.ClaimAsync("w", 5, Lease, JobSelection.Suspects, CancellationToken.None)).Interruptions);
    }

    /// <summary>Four claimers at once over 120 jobs: each job is handed out once, and all end indexed.</summary>
    [SkippableFact]
    public async Task Claimers_at_once_never_get_the_same_job()
    {
        var jobs = await OpenAsync();
        await jobs.EnqueueAsync([.. Enumerable.Range(0, 120).Select(n => Job($"{n:x4}", $"f{n}.txt"))], CancellationToken.None);
        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            while (await jobs.ClaimAsync($"w{w}", 5, Lease, JobSelection.Any, CancellationToken.None) is { Count: > 0 } batch)
            {
                foreach (var job in batch)
                {
                    claimed.Add(job.Lease.JobId);
                    Assert.True(await jobs.CompleteAsync(job.Lease, CancellationToken.None));
                }
            }
        })));

        Assert.Equal(120, claimed.Count);
        Assert.Equal(120, claimed.Distinct().Count());
        Assert.Equal(120, (await jobs.GetStatusAsync(0, CancellationToken.None)).Counts[JobState.Indexed]);
    }

    // ---- workers ---------------------------------------------------------------------------------

    [SkippableFact]
    public async Task A_heartbeat_lists_the_worker_and_signing_off_takes_it_off()
    {
        var jobs = await OpenAsync();
        var beat = new WorkerBeat("host-a/42/abcd", "host-a", 42, Clock.GetUtcNow().AddMinutes(-5), 3, true, 17, null);
        await jobs.BeatAsync(beat, CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(20));
        await jobs.BeatAsync(beat with { InFlight = 1 }, CancellationToken.None);

        var seen = Assert.Single((await jobs.GetStatusAsync(0, CancellationToken.None)).Workers);
        Assert.Equal(beat with { InFlight = 1 }, seen.Beat with { StartedAt = beat.StartedAt });
        Assert.True((seen.Beat.StartedAt - beat.StartedAt).Duration() < TimeSpan.FromMilliseconds(1));
        Assert.Equal(Clock.GetUtcNow(), seen.LastHeartbeat, TimeSpan.FromMilliseconds(1));

        await jobs.SignOffAsync(beat.Id, CancellationToken.None);
        Assert.Empty((await jobs.GetStatusAsync(0, CancellationToken.None)).Workers);
    }

    [SkippableFact]
    public async Task On_start_the_jobs_of_a_worker_that_died_on_this_machine_are_claimable_at_once_and_keep_their_stage()
    {
        var jobs = await OpenAsync();
        var dead = DeadProcess();
        var worker = new WorkerBeat($"{Environment.MachineName}/{dead.Pid}/dead", Environment.MachineName, dead.Pid, dead.Started, 2, false, 0, null);
        await jobs.BeatAsync(worker, CancellationToken.None);
        await jobs.EnqueueAsync([Job("aa", "a.txt"), Job("bb", "b.txt")], CancellationToken.None);
        var claimed = await jobs.ClaimAsync(worker.Id, 5, Lease, JobSelection.Any, CancellationToken.None);
        await jobs.MarkExtractedAsync(claimed[1].Lease, new JobOutcome(1, 3, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(2, await jobs.RecoverAsync(CancellationToken.None));
        var again = await jobs.ClaimAsync("new", 5, Lease, JobSelection.Any, CancellationToken.None);
        Assert.Equal([JobState.Reading, JobState.Extracted], again.Select(j => j.State));
        Assert.All(again, j => Assert.Equal(1, j.Interruptions));
        Assert.Empty((await jobs.GetStatusAsync(0, CancellationToken.None)).Workers);
    }

    [SkippableFact]
    public async Task The_first_process_to_ask_holds_the_discovery_turn()
    {
        var catalog = await OpenAsync();
        Assert.True(await catalog.HoldDiscoveryAsync(CancellationToken.None));
        Assert.True(await catalog.HoldDiscoveryAsync(CancellationToken.None));
    }

    protected static string Sha(string start) => start.PadRight(64, '0');

    protected static NewJob Job(string sha, string? name) => new(Sha(sha), name, "text/plain", 10, DateTimeOffset.UnixEpoch);

    /// <summary>A record of other content: the fixture's, under another SHA-256 and name.</summary>
    protected static DocumentRecord Variant(DocumentRecord record, int n) =>
        record with { Source = record.Source with { Sha256 = $"{n:x8}".PadRight(64, 'e'), Path = $"variant-{n}.txt" } };

    /// <summary>The pid and start time of a process that has just ended.</summary>
    private static (int Pid, DateTimeOffset Started) DeadProcess()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "0.2") { UseShellExecute = false })!;
        var started = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        process.WaitForExit();
        return (process.Id, started);
    }

    private string Stem(string id) => fixtures.Records.Single(r => r.Value.Source.Sha256 == id).Key;

    private static string Json(DocumentRecord record) => RecordJson.ToJson(record).ToJsonString(new JsonSerializerOptions(RecordJson.Options));
}
