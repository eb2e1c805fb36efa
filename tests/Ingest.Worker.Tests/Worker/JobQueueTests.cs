using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>The job part of the catalog on a real SQLite file: claims, leases, take-over, recovery, duplicates.</summary>
public sealed class JobQueueTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly TempFolder temp = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SqliteCatalog jobs;

    public JobQueueTests()
    {
        jobs = SqliteCatalog.Open(Path.Combine(temp.Path, "catalog.db")).WithJobClock(clock);
    }

    public void Dispose()
    {
        jobs.Dispose();
        temp.Dispose();
    }

    private static NewJob Job(string sha, string? name) => new(sha.PadRight(64, '0'), name, "text/plain", 10, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task The_same_content_under_another_name_is_one_job_with_both_names()
    {
        var outcomes = await jobs.EnqueueAsync([Job("aa", "a.txt"), Job("aa", "a.txt"), Job("aa", "b.txt"), Job("bb", "c.txt")], CancellationToken.None);
        Assert.Equal([EnqueueOutcome.Queued, EnqueueOutcome.Duplicate, EnqueueOutcome.Duplicate, EnqueueOutcome.Queued], outcomes);
        var names = await jobs.NamesAsync(CancellationToken.None);
        Assert.Equal(["a.txt", "b.txt"], names["aa".PadRight(64, '0')].Order());
        var status = await jobs.GetStatusAsync(10, CancellationToken.None);
        Assert.Equal(2, status.Counts[JobState.Queued]);
    }

    [Fact]
    public async Task A_claimed_job_is_not_claimed_again_while_its_lease_runs()
    {
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var first = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        Assert.Equal(JobState.Reading, first.State);
        Assert.Empty(await jobs.ClaimAsync("w2", 5, Lease, JobSelection.Any, CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_old_token_no_longer_counts()
    {
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var first = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = Assert.Single(await jobs.ClaimAsync("w2", 5, Lease, JobSelection.Any, CancellationToken.None));
        Assert.Equal(1, second.Interruptions);

        Assert.False(await jobs.CompleteAsync(first.Lease, CancellationToken.None));
        Assert.Equal([first.Lease], await jobs.RenewAsync([first.Lease, second.Lease], Lease, CancellationToken.None));
        Assert.True(await jobs.MarkExtractedAsync(second.Lease, new JobOutcome(1, 5, TimeSpan.FromSeconds(1)), CancellationToken.None));
        Assert.True(await jobs.CompleteAsync(second.Lease, CancellationToken.None));
        Assert.Equal(1, (await jobs.GetStatusAsync(10, CancellationToken.None)).Counts[JobState.Indexed]);
    }

    [Fact]
    public async Task Renewing_keeps_a_job_from_being_taken_over()
    {
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var job = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        clock.Advance(Lease / 2);
        Assert.Empty(await jobs.RenewAsync([job.Lease], Lease, CancellationToken.None));
        clock.Advance(Lease / 2 + TimeSpan.FromSeconds(1));
        Assert.Empty(await jobs.ClaimAsync("w2", 5, Lease, JobSelection.Any, CancellationToken.None));
    }

    [Fact]
    public async Task On_start_jobs_left_in_flight_are_claimable_at_once_and_keep_their_stage()
    {
        await jobs.EnqueueAsync([Job("aa", "a.txt"), Job("bb", "b.txt")], CancellationToken.None);
        var claimed = await jobs.ClaimAsync("dead", 5, Lease, JobSelection.Any, CancellationToken.None);
        await jobs.MarkExtractedAsync(claimed[1].Lease, new JobOutcome(1, 3, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(2, await jobs.RecoverAsync(CancellationToken.None));
        var again = await jobs.ClaimAsync("new", 5, Lease, JobSelection.Any, CancellationToken.None);
        Assert.Equal([JobState.Reading, JobState.Extracted], again.Select(j => j.State));
        Assert.All(again, j => Assert.Equal(1, j.Interruptions));
    }

    [Fact]
    public async Task A_released_job_goes_back_without_counting_an_attempt()
    {
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var job = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        await jobs.ReleaseAsync(job.Lease, CancellationToken.None);
        var again = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        Assert.Equal(0, again.Attempts);
        Assert.Equal(0, again.Interruptions);
    }

    [Fact]
    public async Task A_transient_failure_waits_its_backoff_and_counts()
    {
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        var job = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        await jobs.RetryLaterAsync(job.Lease, "page 3: timed out", clock.GetUtcNow().AddSeconds(30), countsAsAttempt: true, CancellationToken.None);
        Assert.Empty(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None)).Attempts);
    }

    [Fact]
    public async Task Failed_content_dropped_again_is_queued_again_and_listed_with_its_reason_before()
    {
        await jobs.EnqueueAsync([Job("aa", "bad.pdf")], CancellationToken.None);
        var job = Assert.Single(await jobs.ClaimAsync("w1", 5, Lease, JobSelection.Any, CancellationToken.None));
        await jobs.FailAsync(job.Lease, "encrypted PDF", "bad.pdf", CancellationToken.None);
        var status = await jobs.GetStatusAsync(10, CancellationToken.None);
        Assert.Equal("encrypted PDF", Assert.Single(status.RecentFailures).LastError);

        Assert.Equal([EnqueueOutcome.Requeued], await jobs.EnqueueAsync([Job("aa", "bad-again.pdf")], CancellationToken.None));
        Assert.Equal(1, (await jobs.GetStatusAsync(10, CancellationToken.None)).Counts[JobState.Queued]);
    }

    [Fact]
    public async Task Status_reads_a_catalog_without_writing_to_it()
    {
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        using var reader = SqliteCatalog.OpenForReading(Path.Combine(temp.Path, "catalog.db"))!;
        Assert.Equal(1, (await reader.GetStatusAsync(10, CancellationToken.None)).Counts[JobState.Queued]);
        Assert.Null(SqliteCatalog.OpenForReading(Path.Combine(temp.Path, "none.db")));
        Assert.False(File.Exists(Path.Combine(temp.Path, "none.db")));
    }

    [Fact]
    public async Task A_job_cut_off_twice_is_claimed_only_as_a_suspect()
    {
        await jobs.EnqueueAsync([Job("aa", "a.txt")], CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            Assert.Single(await jobs.ClaimAsync("w", 5, Lease, JobSelection.Any, CancellationToken.None));
            clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        Assert.Empty(await jobs.ClaimAsync("w", 5, Lease, JobSelection.Fresh, CancellationToken.None));
        Assert.Equal(3, Assert.Single(await jobs.ClaimAsync("w", 5, Lease, JobSelection.Suspects, CancellationToken.None)).Interruptions);
    }
}
