using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>Must show 5: the index folder deleted while the worker is stopped is rebuilt from the catalog on start, and searches find what they found before.</summary>
public sealed class IndexRebuildTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_deleted_index_is_rebuilt_from_the_catalog_with_the_same_search_results()
    {
        var inbox = temp.Sub("inbox");
        var data = Path.Combine(temp.Path, "data");
        for (var n = 0; n < 12; n++)
        {
            Drop.WritePlan(inbox, n);
        }

        File.Copy(Drop.Fixture("scans", "004-text.pdf"), Path.Combine(inbox, "004-text.pdf"));
        await RunUntilSettledAsync(inbox, data, 13, expectRebuild: false);
        var all = await Search.AllAsync(data);
        var some = await Search.IdsAsync(data, "hội nghị số 7");
        var folded = await Search.IdsAsync(data, "chuyen doi so");
        Assert.Equal(13, all.Count);
        Assert.NotEmpty(some);
        Assert.True(folded.Count >= 12, $"the folded query found {folded.Count}");

        Directory.Delete(Path.Combine(data, "index"), recursive: true);
        await RunUntilSettledAsync(inbox, data, 13, expectRebuild: true);

        Assert.Equal(all.Order(), (await Search.AllAsync(data)).Order());
        Assert.Equal(some, await Search.IdsAsync(data, "hội nghị số 7"));
        Assert.Equal(folded.Order(), (await Search.IdsAsync(data, "chuyen doi so")).Order());
    }

    private static async Task RunUntilSettledAsync(string inbox, string data, int documents, bool expectRebuild)
    {
        using var worker = WorkerProcess.Start(inbox, data);
        await worker.WaitUntilReadyAsync();
        await Status.WaitUntilAsync(data, s => Status.Settled(s, documents) && s.Counts[JobState.Indexed] == documents, Status.Patience, worker);
        Assert.Equal(expectRebuild, worker.Output.Any(l => l.Contains("rebuilt from the catalog (13 documents)", StringComparison.Ordinal)));
        worker.Signal(15);
        Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
