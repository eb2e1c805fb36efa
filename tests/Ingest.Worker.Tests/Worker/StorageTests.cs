using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Tests.Cli;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>
/// Must show 6: a full disk (a small tmpfs as the data folder) and a read-only data folder. The worker
/// says why, takes nothing out of the inbox meanwhile (so nothing is lost), and goes on by itself once
/// the space is back.
/// </summary>
public sealed class StorageTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly Mounts mounts = new();

    public void Dispose()
    {
        mounts.Dispose();
        temp.Dispose();
    }

    [SkippableFact]
    public async Task A_full_data_disk_pauses_the_queue_and_it_resumes_when_space_is_freed()
    {
        var inbox = temp.Sub("inbox");
        var data = MountData(megabytes: 16);
        using var worker = WorkerProcess.Start(inbox, data, "--Worker:MinFreeMegabytes=2");
        for (var n = 0; n < 5; n++)
        {
            Drop.WritePlan(inbox, n);
        }

        await Status.WaitUntilAsync(data, s => Status.Settled(s, 5), Status.Patience, worker);

        var filler = Path.Combine(data, "filler.bin");
        FillUp(filler);
        for (var n = 5; n < 10; n++)
        {
            Drop.WritePlan(inbox, n);
        }

        await worker.WaitForLineAsync(l => l.Contains("paused: data folder", StringComparison.Ordinal) && l.Contains("free", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "'paused … free'");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(5, Directory.GetFiles(inbox).Length); // nothing taken while there is no room
        var report = await Status.ReadAsync(data);
        Assert.Contains("free", report["worker"]!["paused"]!.GetValue<string>());

        File.Delete(filler);
        await worker.WaitForLineAsync(l => l.Contains("resumed", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "'resumed'");
        var status = await Status.WaitUntilAsync(data, s => Status.Settled(s, 10), Status.Patience, worker);
        Assert.Equal(10, status.Counts[JobState.Indexed]);
        Assert.Empty(Directory.GetFiles(inbox));
    }

    [SkippableFact]
    public async Task A_data_folder_turned_read_only_pauses_the_queue_and_it_resumes_when_writable_again()
    {
        var inbox = temp.Sub("inbox");
        var data = MountData(megabytes: 16);
        using var worker = WorkerProcess.Start(inbox, data, "--Worker:MinFreeMegabytes=2");
        Drop.WritePlan(inbox, 1);
        await Status.WaitUntilAsync(data, s => Status.Settled(s, 1), Status.Patience, worker);

        mounts.BindReadOnly(data);
        Drop.WritePlan(inbox, 2);
        Drop.WritePlan(inbox, 3);
        await worker.WaitForLineAsync(l => l.Contains("paused: data folder", StringComparison.Ordinal) && l.Contains("read-only", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "'paused … read-only'");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, Directory.GetFiles(inbox).Length);
        Assert.Contains("read-only", (await Status.ReadAsync(data))["worker"]!["paused"]!.GetValue<string>());

        mounts.Unmount(data);
        await worker.WaitForLineAsync(l => l.Contains("resumed", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "'resumed'");
        var status = await Status.WaitUntilAsync(data, s => Status.Settled(s, 3), Status.Patience, worker);
        Assert.Equal(3, status.Counts[JobState.Indexed]);
        Assert.Empty(Directory.GetFiles(inbox));
    }

    [SkippableFact]
    public async Task A_read_only_data_folder_at_start_is_a_clear_error_and_the_inbox_is_untouched()
    {
        var inbox = temp.Sub("inbox");
        var data = MountData(megabytes: 4);
        mounts.BindReadOnly(data);
        Drop.WritePlan(inbox, 1);

        var result = await CliRunner.RunAsync("watch", inbox, "--data", data);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"data folder {data} cannot be written: read-only file system", result.Stderr);
        Assert.Single(Directory.GetFiles(inbox));
    }

    private string MountData(int megabytes)
    {
        var data = Path.Combine(temp.Path, "data");
        var problem = mounts.TryTmpfs(data, megabytes);
        Skip.If(problem is not null, problem);
        return data;
    }

    private static void FillUp(string path)
    {
        var block = new byte[1 << 20];
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }
}
