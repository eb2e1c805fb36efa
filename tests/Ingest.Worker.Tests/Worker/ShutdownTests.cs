using System.Diagnostics;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Tests.Cli;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>SIGTERM: in-flight work finishes or goes back to the queue uncounted; a second signal stops at once, and nothing is lost.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_stop_signal_puts_a_scan_being_read_back_in_the_queue_and_the_next_start_finishes_it()
    {
        var inbox = temp.Sub("inbox");
        var data = Path.Combine(temp.Path, "data");
        File.Copy(Drop.Fixture("scans", "003-p1.png"), Path.Combine(inbox, "scan.png"));

        // No grace: the page being recognised is cancelled inside Tesseract and the job given back.
        using (var worker = WorkerProcess.Start(inbox, data, "--Worker:ShutdownGrace=00:00:00"))
        {
            await Status.WaitUntilAsync(data, s => s.Counts[JobState.Reading] == 1, Status.Patience, worker);
            var stopping = Stopwatch.StartNew();
            worker.Signal(15);
            Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(20)), "did not stop");
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"took {stopping.Elapsed.TotalSeconds:0.0} s to stop");
            Assert.Equal(0, worker.ExitCode);
        }

        var after = (await Status.PeekAsync(data))!;
        var job = Assert.Single(after.Waiting);
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(0, job.Attempts);
        Assert.Equal(0, job.Interruptions);

        using var again = WorkerProcess.Start(inbox, data);
        var done = await Status.WaitUntilAsync(data, s => Status.Settled(s, 1), Status.Patience, again);
        Assert.Equal(1, done.Counts[JobState.Indexed]);
    }

    [Fact]
    public async Task A_second_signal_stops_at_once_and_the_next_start_takes_the_work_up_again()
    {
        var inbox = temp.Sub("inbox");
        var data = Path.Combine(temp.Path, "data");
        File.Copy(Drop.Fixture("scans", "003-p2.png"), Path.Combine(inbox, "scan.png"));
        Drop.WritePlan(inbox, 1);

        using (var worker = WorkerProcess.Start(inbox, data, "--Worker:ShutdownGrace=00:01:00"))
        {
            await Status.WaitUntilAsync(data, s => s.Counts[JobState.Reading] == 1 && s.Counts[JobState.Indexed] == 1, Status.Patience, worker);
            worker.Signal(15);
            await worker.WaitForLineAsync(l => l.Contains("signal again to stop at once", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "'stopping'");
            var stopping = Stopwatch.StartNew();
            worker.Signal(15);
            Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(10)), "a second signal did not stop it");
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(3), $"took {stopping.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(128 + 15, worker.ExitCode);
        }

        using var again = WorkerProcess.Start(inbox, data);
        await again.WaitForLineAsync(l => l.Contains("taken up again", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "'taken up again'");
        var done = await Status.WaitUntilAsync(data, s => Status.Settled(s, 2), Status.Patience, again);
        Assert.Equal(2, done.Counts[JobState.Indexed]);
    }

    [Theory]
    [InlineData("--parallelism", "0", "Worker:Parallelism must be")]
    [InlineData("--Worker:StabilityInterval=banana", "", "StabilityInterval")]
    [InlineData("--data", "INBOX/data", "must not contain one another")]
    public async Task Bad_settings_are_refused_at_start_with_the_reason(string option, string value, string message)
    {
        var inbox = temp.Sub("inbox");
        string[] args = ["watch", inbox, .. value.Length > 0 ? new[] { option, value.Replace("INBOX", inbox, StringComparison.Ordinal) } : [option]];
        var result = await CliRunner.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(inbox, "data")));
    }
}
