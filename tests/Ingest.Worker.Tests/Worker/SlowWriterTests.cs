using System.Security.Cryptography;
using System.Text;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>Must show 2: a file written slowly over ten seconds is taken once, complete.</summary>
public sealed class SlowWriterTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_file_written_over_ten_seconds_is_read_once_and_whole()
    {
        var inbox = temp.Sub("inbox");
        var data = Path.Combine(temp.Path, "data");
        var text = string.Concat(Enumerable.Range(0, 20).Select(Drop.PlanText));
        var bytes = new UTF8Encoding(false).GetBytes(text);

        // Stability 2 s: longer than the writer's pauses (0.5 s), as a configured interval must be.
        using var worker = WorkerProcess.Start(inbox, data, "--stability", "2");
        await worker.WaitUntilReadyAsync();
        var chunks = 20;
        await using (var stream = new FileStream(Path.Combine(inbox, "slow.txt"), FileMode.CreateNew, FileAccess.Write))
        {
            for (var i = 0; i < chunks; i++)
            {
                var from = bytes.Length * i / chunks;
                var to = bytes.Length * (i + 1) / chunks;
                await stream.WriteAsync(bytes.AsMemory(from, to - from));
                await stream.FlushAsync();
                await Task.Delay(500);
                var early = await Status.PeekAsync(data);
                Assert.True(early is null || early.Counts.Values.Sum() == 0, $"taken while still being written (after chunk {i + 1} of {chunks})");
            }
        }

        var status = await Status.WaitUntilAsync(data, s => Status.Settled(s, 1), Status.Patience, worker);
        var job = Assert.Single(await Status.NamesAsync(data));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), job.Key);
        Assert.Equal(1, status.Counts[JobState.Indexed]);
        var archived = Directory.GetFiles(Path.Combine(data, "archive"), "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.incoming/")).ToList();
        Assert.Equal(bytes, File.ReadAllBytes(Assert.Single(archived)));
        // The line is logged after the job is completed: wait for it rather than race it (a loaded machine delays it).
        await worker.WaitForLineAsync(l => l.Contains("slow.txt: 1 page(s)", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the slow.txt line");
        Assert.Single(worker.Output, l => l.Contains("slow.txt: 1 page(s)", StringComparison.Ordinal));
    }
}
