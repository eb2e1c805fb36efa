using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>Must show 3: a thousand small files dropped at once are all indexed; the same content again under any name is one document.</summary>
public sealed class ManyFilesTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_thousand_text_files_dropped_at_once_are_all_indexed()
    {
        var inbox = temp.Sub("inbox");
        var data = Path.Combine(temp.Path, "data");
        using var worker = WorkerProcess.Start(inbox, data);
        await worker.WaitUntilReadyAsync();

        // Written elsewhere and moved in, as a copy tool finishing a batch would: all of them appear at once.
        var staging = temp.Sub("staging");
        for (var n = 0; n < 1000; n++)
        {
            Drop.WritePlan(staging, n);
        }

        foreach (var file in Directory.GetFiles(staging))
        {
            File.Move(file, Path.Combine(inbox, Path.GetFileName(file)));
        }

        var status = await Status.WaitUntilAsync(data, s => Status.Settled(s, 1000), Status.Patience, worker);
        Assert.Equal(1000, status.Counts[JobState.Indexed]);
        Assert.Equal(0, status.Counts[JobState.Failed]);
        Assert.Empty(Directory.GetFileSystemEntries(inbox));
    }

    [Fact]
    public async Task The_same_file_twice_and_under_another_name_is_one_document_with_two_names()
    {
        var inbox = temp.Sub("inbox");
        var data = Path.Combine(temp.Path, "data");
        using var worker = WorkerProcess.Start(inbox, data);
        await worker.WaitUntilReadyAsync();

        Drop.WritePlan(inbox, 7, "plan.txt");
        await Status.WaitUntilAsync(data, s => Status.Settled(s, 1), Status.Patience, worker);
        Drop.WritePlan(inbox, 7, "plan.txt");
        await WaitUntilEmptyAsync(inbox);
        Drop.WritePlan(inbox, 7, "copy of plan.txt");
        await WaitUntilEmptyAsync(inbox);

        var status = await Status.WaitUntilAsync(data, s => Status.Settled(s, 1), Status.Patience, worker);
        Assert.Equal(1, status.Counts.Values.Sum());
        var names = await Status.NamesAsync(data);
        var (sha, dropped) = Assert.Single(names);
        Assert.Equal(["copy of plan.txt", "plan.txt"], dropped.Order());

        // In the catalog: one document, named as first dropped, with the other name as its alias.
        using var catalog = SqliteCatalog.OpenForReading(Path.Combine(data, "catalog.db"))!;
        Assert.Equal(1, await catalog.CountAsync());
        Assert.Equal("plan.txt", (await catalog.GetAsync(sha))!.Record.Source.Path);
        Assert.Equal(["copy of plan.txt"], await catalog.AliasesAsync(sha));
        // The line comes just after the inbox copy is removed; wait for it rather than race it.
        await worker.WaitForLineAsync(_ => worker.Output.Count(l => l.Contains("same content as a document already taken", StringComparison.Ordinal)) == 2, TimeSpan.FromSeconds(30), "two 'same content' lines");
        Assert.Single(Directory.GetFiles(Path.Combine(data, "archive"), "*.txt", SearchOption.AllDirectories));
    }

    private static async Task WaitUntilEmptyAsync(string inbox)
    {
        for (var i = 0; i < 200 && Directory.GetFileSystemEntries(inbox).Length > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(Directory.GetFileSystemEntries(inbox));
    }
}
