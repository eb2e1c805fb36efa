using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>
/// The index's own folder fills up (a small tmpfs mounted on <c>data/index</c>) while the catalog's
/// disk still has room: documents reach the catalog, their index commits fail, and once space is back
/// the same worker process reopens its index writer, replays what it had dropped from the catalog and
/// indexes every document exactly once.
/// </summary>
public sealed class IndexFullTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly Mounts mounts = new();

    public void Dispose()
    {
        mounts.Dispose();
        temp.Dispose();
    }

    [SkippableFact]
    public async Task A_full_index_folder_fails_its_commits_and_the_worker_recovers_once_space_is_back()
    {
        var inbox = temp.Sub("inbox");
        var data = temp.Sub("data");
        var index = Path.Combine(data, "index");
        var problem = mounts.TryTmpfs(index, megabytes: 4);
        Skip.If(problem is not null, problem);

        using var worker = WorkerProcess.Start(inbox, data);
        for (var n = 0; n < 3; n++)
        {
            Drop.WritePlan(inbox, n);
        }

        await Status.WaitUntilAsync(data, s => Status.Settled(s, 3), Status.Patience, worker);

        var filler = Path.Combine(index, "filler.bin");
        Mounts.FillUp(filler);
        for (var n = 3; n < 8; n++)
        {
            Drop.WritePlan(inbox, n);
        }

        // In the catalog (the durable step) but not indexed: every index commit meets the full disk.
        // The pause names the folder that is full: the index's, not the data folder, which still has room.
        await worker.WaitForLineAsync(l => l.Contains($"index folder {index} is full (no space left on device)", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "a commit failing for want of space, naming the index folder");
        var stuck = await Status.WaitUntilAsync(data, s => s.Counts[JobState.Extracted] == 5, TimeSpan.FromSeconds(60), worker);
        Assert.Equal(3, stuck.Counts[JobState.Indexed]);
        Assert.Empty(Directory.GetFiles(inbox));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(3, (await Search.AllAsync(data)).Count); // still failing, and nothing half-committed

        File.Delete(filler);
        var status = await Status.WaitUntilAsync(data, s => Status.Settled(s, 8), Status.Patience, worker);
        Assert.False(worker.HasExited);
        Assert.Equal(8, status.Counts[JobState.Indexed]);
        Assert.Equal(0, status.Counts[JobState.Failed]);

        var names = await Status.NamesAsync(data);
        var indexed = await Search.AllAsync(data);
        Assert.Equal(8, names.Count);
        Assert.Equal(names.Keys.Order(), indexed.Order()); // index and catalog agree, each document once
    }
}
