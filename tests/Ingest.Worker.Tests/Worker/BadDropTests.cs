using System.Diagnostics;
using System.Text;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>
/// Must show 4: corrupt, encrypted, empty and unsupported files, a symbolic link to a file outside
/// the inbox, a hard link to one and a FIFO, dropped together with good files. The good ones are
/// indexed, every bad one is set aside with its reason, and nothing from outside the inbox is ever
/// read into the data folder.
/// </summary>
public sealed class BadDropTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Bad_entries_are_set_aside_with_reasons_while_the_good_files_are_indexed()
    {
        var inbox = temp.Sub("inbox");
        var data = Path.Combine(temp.Path, "data");
        var marker = $"SECRET-{Guid.NewGuid():N}";
        var secret = Path.Combine(temp.Path, "secret.txt");
        File.WriteAllText(secret, $"KẾ HOẠCH\n{marker}\nnot part of any inbox\n");

        Drop.WritePlan(inbox, 1);
        Drop.WritePlan(inbox, 2);
        File.Copy(Drop.Fixture("scans", "004-text.pdf"), Path.Combine(inbox, "good.pdf"));
        File.Copy(Drop.Fixture("bad", "truncated.pdf"), Path.Combine(inbox, "corrupt.pdf"));
        File.Copy(Drop.Fixture("bad", "encrypted.pdf"), Path.Combine(inbox, "locked.pdf"));
        File.Copy(Drop.Fixture("bad", "random.bin"), Path.Combine(inbox, "unknown.bin"));
        File.WriteAllBytes(Path.Combine(inbox, "empty.txt"), []);
        File.CreateSymbolicLink(Path.Combine(inbox, "link.txt"), secret);
        Run("ln", secret, Path.Combine(inbox, "hardlink.txt"));
        Run("mkfifo", Path.Combine(inbox, "pipe.pdf"));

        using var worker = WorkerProcess.Start(inbox, data);
        var status = await Status.WaitUntilAsync(data, s => Status.Settled(s, 7) && s.RecentRejections.Count >= 3, Status.Patience, worker);

        Assert.Equal(3, status.Counts[JobState.Indexed]);
        var failures = status.RecentFailures.ToDictionary(f => f.Name, f => f.LastError);
        Assert.Contains("malformed or truncated PDF", failures["corrupt.pdf"]);
        Assert.Contains("encrypted", failures["locked.pdf"]);
        Assert.Contains("empty", failures["empty.txt"]);
        Assert.Contains("unsupported", failures["unknown.bin"]);
        var rejections = status.RecentRejections.ToDictionary(r => r.Name, r => r.Reason);
        Assert.Contains("symbolic link", rejections["link.txt"]);
        Assert.Contains("hard links", rejections["hardlink.txt"]);
        Assert.Contains("FIFO", rejections["pipe.pdf"]);

        // Each bad entry has its reason file; each bad file's original is beside it; the inbox is empty.
        var quarantine = Path.Combine(data, "quarantine");
        foreach (var name in new[] { "corrupt.pdf", "locked.pdf", "unknown.bin", "empty.txt" })
        {
            Assert.True(File.Exists(Path.Combine(quarantine, name)), $"{name} not in the quarantine");
            var reason = File.ReadAllText(Path.Combine(quarantine, name + ".reason.txt"));
            Assert.Contains($"file: {name}", reason);
            Assert.Contains("attempts: 1", reason);
            Assert.Contains("error: ", reason);
        }

        foreach (var name in new[] { "link.txt", "hardlink.txt", "pipe.pdf" })
        {
            Assert.Contains("error: ", File.ReadAllText(Path.Combine(quarantine, name + ".reason.txt")));
        }

        Assert.Empty(Directory.GetFileSystemEntries(inbox));
        Assert.True(File.Exists(secret), "the link's target was touched");

        // One line on stderr per bad entry, naming it.
        foreach (var name in new[] { "corrupt.pdf", "locked.pdf", "unknown.bin", "empty.txt", "link.txt", "hardlink.txt", "pipe.pdf" })
        {
            Assert.Contains(worker.Errors, line => line.Contains($"{name}: ", StringComparison.Ordinal));
        }

        worker.Signal(15);
        Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        var leaked = Drop.AllFiles(data).Where(f => Encoding.UTF8.GetString(f.Bytes).Contains(marker, StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.True(leaked.Count == 0, $"content from outside the inbox was read into: {string.Join(", ", leaked)}");

        var report = await Status.ReadAsync(data);
        Assert.Equal(3, Status.Count(report, "indexed"));
        Assert.Equal(4, Status.Count(report, "failed"));
        Assert.Equal(7, report["recent_failures"]!.AsArray().Count);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
