using System.Text.Json;
using PlanIngest.Tests;
using PlanIngest.Worker.Tests.Worker;

namespace PlanIngest.Worker.Tests.Cli;

/// <summary>
/// The command-line verbs on a data folder whose disk is full (a small tmpfs): one line naming the verb
/// and the reason, exit code 1, no stack trace; once space is back the same commands work and nothing
/// catalogued before is lost.
/// </summary>
public sealed class FullDiskCommandTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly Mounts mounts = new();

    public void Dispose()
    {
        mounts.Dispose();
        temp.Dispose();
    }

    [SkippableFact]
    public async Task On_a_full_disk_ingest_and_search_say_why_in_one_line_and_nothing_is_lost()
    {
        var disk = temp.Sub("disk");
        var problem = mounts.TryTmpfs(disk, megabytes: 3);
        Skip.If(problem is not null, problem);
        var data = Path.Combine(disk, "data");

        var first = await CliRunner.RunAsync("ingest", "testdata/seeds/003_18ac981a5225b00c.txt", "--data", data);
        Assert.Equal(0, first.ExitCode);

        var filler = Path.Combine(disk, "filler.bin");
        Mounts.FillUp(filler);
        foreach (var args in new[] { new[] { "ingest", "testdata/seeds/004_f85f75833570a4c3.txt" }, ["search", "kế hoạch"] })
        {
            var result = await CliRunner.RunAsync([.. args, "--data", data]);
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.ErrorLines);
            Assert.StartsWith($"planingest {args[0]}: the data folder {data} could not be read or written (", line);
            Assert.EndsWith("check that its disk has space and is writable", line);
        }

        File.Delete(filler);
        var again = await CliRunner.RunAsync("ingest", "testdata/seeds/004_f85f75833570a4c3.txt", "--data", data, "--json");
        Assert.Equal(0, again.ExitCode);
        var found = await CliRunner.RunAsync("search", "", "--data", data, "--json");
        Assert.Equal(0, found.ExitCode);
        Assert.Equal(2, JsonDocument.Parse(found.Stdout).RootElement.GetProperty("total").GetInt32());
    }
}
