using System.Security.Cryptography;
using System.Text;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>
/// A file truncated while the worker copies it into the archive: the copy is thrown away and the file
/// is taken again from the start once it is stable, never half-ingested. The file is large (160 MB,
/// a plan followed by padding) so that the copy lasts long enough to be caught in the act: the test
/// truncates it as soon as the archive's temporary copy appears.
/// </summary>
public sealed class ChangedWhileReadTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_file_truncated_while_it_is_copied_is_taken_again_from_the_start()
    {
        var inbox = temp.Sub("inbox");
        var data = Path.Combine(temp.Path, "data");
        var outside = temp.Sub("outside");
        var plan = new UTF8Encoding(false).GetBytes(Drop.PlanText(7));

        using var worker = WorkerProcess.Start(inbox, data);
        await worker.WaitUntilReadyAsync();

        // Written outside and moved in whole, so that only the truncation changes it while it is read.
        var staging = Path.Combine(outside, "big.txt");
        await using (var stream = new FileStream(staging, FileMode.CreateNew, FileAccess.Write))
        {
            await stream.WriteAsync(plan);
            var padding = Encoding.ASCII.GetBytes(new string(' ', (1 << 20) - 1) + "\n");
            for (var i = 0; i < 160; i++)
            {
                await stream.WriteAsync(padding);
            }
        }

        // The moment the archive's temporary copy is created (inotify, via FileSystemWatcher), the inbox file is cut back to the plan.
        var incoming = Path.Combine(data, "archive", ".incoming");
        var path = Path.Combine(inbox, "big.txt");
        var truncated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(incoming, "*.part");
        watcher.Created += (_, _) =>
        {
            if (truncated.Task.IsCompleted)
            {
                return;
            }

            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                stream.SetLength(plan.Length);
            }

            truncated.TrySetResult();
        };
        watcher.EnableRaisingEvents = true;
        File.Move(staging, path);
        await truncated.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await worker.WaitForLineAsync(l => l.Contains("big.txt: changed while it was being read", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "'changed while it was being read'");
        var status = await Status.WaitUntilAsync(data, s => Status.Settled(s, 1), Status.Patience, worker);
        Assert.Equal(1, status.Counts[JobState.Indexed]);
        Assert.Equal(0, status.Counts[JobState.Failed]);

        // One document, the truncated content whole; no copy of the longer one anywhere in the archive.
        var names = await Status.NamesAsync(data);
        var sha = Convert.ToHexStringLower(SHA256.HashData(plan));
        Assert.Equal([sha], names.Keys);
        Assert.Equal(["big.txt"], names[sha]);
        var archived = Directory.GetFiles(Path.Combine(data, "archive"), "*", SearchOption.AllDirectories);
        Assert.Equal(plan, File.ReadAllBytes(Assert.Single(archived)));
        Assert.Empty(Directory.GetFiles(inbox));
        Assert.Equal([sha], await Search.AllAsync(data));
    }
}
