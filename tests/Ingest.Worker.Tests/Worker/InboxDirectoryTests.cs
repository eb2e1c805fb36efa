using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using PlanIngest.Worker.Inbox;
using PlanIngest.Worker.Inbox.Native;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>The untrusted inbox on real files: links, FIFOs and changed files are never followed, blocked on, or half-read.</summary>
public sealed class InboxDirectoryTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string inboxPath;
    private readonly InboxDirectory inbox;

    public InboxDirectoryTests()
    {
        inboxPath = temp.Sub("inbox");
        inbox = InboxDirectory.Open(inboxPath);
    }

    public void Dispose()
    {
        inbox.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void A_symbolic_link_is_described_not_followed_and_cannot_be_opened()
    {
        var secret = Path.Combine(temp.Path, "secret.txt");
        File.WriteAllText(secret, "not for the archive");
        File.CreateSymbolicLink(Path.Combine(inboxPath, "plan.txt"), secret);

        var look = inbox.Look("plan.txt");
        Assert.Equal(FileKind.SymbolicLink, look!.Value.Kind);
        Assert.Equal(secret, inbox.LinkTarget("plan.txt"));
        var error = Assert.Throws<IOException>(() => inbox.OpenRegular("plan.txt"));
        Assert.Equal(40, error.HResult); // ELOOP: O_NOFOLLOW refused it
    }

    [Fact]
    public async Task A_fifo_is_refused_without_blocking()
    {
        var fifo = Path.Combine(inboxPath, "scan.pdf");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        Assert.Equal(FileKind.Fifo, inbox.Look("scan.pdf")!.Value.Kind);
        // Opening a FIFO for reading blocks until a writer comes, unless O_NONBLOCK; this must come back at once.
        var open = Task.Run(() => inbox.OpenRegular("scan.pdf"));
        var error = await Assert.ThrowsAsync<IOException>(() => open.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("Fifo", error.Message);
    }

    [Fact]
    public async Task A_file_copied_unchanged_gives_its_digest()
    {
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        File.WriteAllBytes(Path.Combine(inboxPath, "big.bin"), bytes);
        using var file = inbox.OpenRegular("big.bin");
        using var copy = new MemoryStream();
        var copied = await file.CopyToAsync(copy, CancellationToken.None);
        Assert.NotNull(copied);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), copied.Sha256);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task A_file_that_grows_after_it_was_opened_is_not_taken_as_read()
    {
        var path = Path.Combine(inboxPath, "growing.txt");
        File.WriteAllText(path, "first half ");
        using var file = inbox.OpenRegular("growing.txt");
        File.AppendAllText(path, "second half");
        Assert.Null(await file.CopyToAsync(new MemoryStream(), CancellationToken.None));
    }

    [Fact]
    public async Task A_file_renamed_while_it_is_read_is_not_taken_as_read()
    {
        var path = Path.Combine(inboxPath, "moving.txt");
        File.WriteAllText(path, "content");
        using var file = inbox.OpenRegular("moving.txt");
        File.Move(path, Path.Combine(inboxPath, "moved.txt"));
        Assert.Null(await file.CopyToAsync(new MemoryStream(), CancellationToken.None));
    }

    [Fact]
    public void Removing_leaves_a_file_that_replaced_the_original_in_place()
    {
        var path = Path.Combine(inboxPath, "plan.txt");
        File.WriteAllText(path, "the version that was read");
        var read = inbox.Look("plan.txt")!.Value;
        File.Delete(path);
        File.WriteAllText(path, "a newer version, never read");

        Assert.Equal(RemoveOutcome.ReplacedMeanwhile, inbox.RemoveIfUnchanged("plan.txt", read));
        Assert.Equal("a newer version, never read", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(inboxPath));
    }

    [Fact]
    public void Removing_an_unchanged_file_removes_it()
    {
        File.WriteAllText(Path.Combine(inboxPath, "plan.txt"), "x");
        var read = inbox.Look("plan.txt")!.Value;
        Assert.Equal(RemoveOutcome.Removed, inbox.RemoveIfUnchanged("plan.txt", read));
        Assert.Empty(Directory.GetFileSystemEntries(inboxPath));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("a/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("..")]
    public void A_name_is_entries_under_the_inbox_never_a_path(string name) =>
        Assert.Throws<ArgumentException>(() => inbox.Look(name));

    [Fact]
    public void A_sub_folder_is_listed_and_entered_but_a_link_to_a_folder_never_is()
    {
        var outside = Directory.CreateDirectory(Path.Combine(temp.Path, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "x");
        Directory.CreateDirectory(Path.Combine(inboxPath, "2024", "q1"));
        File.WriteAllText(Path.Combine(inboxPath, "2024", "q1", "plan.txt"), "plan");
        Directory.CreateDirectory(Path.Combine(inboxPath, ".partial"));
        File.WriteAllText(Path.Combine(inboxPath, ".partial", "plan.txt"), "still copying");
        Directory.CreateSymbolicLink(Path.Combine(inboxPath, "linked"), outside);

        Assert.Equal([".partial", "2024", "2024/q1", "2024/q1/plan.txt", "linked"], inbox.ListNames().Order(StringComparer.Ordinal));
        Assert.Equal(FileKind.Regular, inbox.Look("2024/q1/plan.txt")!.Value.Kind);
        Assert.Equal(FileKind.SymbolicLink, inbox.Look("linked")!.Value.Kind);
        // Through the link the entry does not exist: the link is never followed to reach it.
        Assert.Null(inbox.Look("linked/secret.txt"));
        Assert.Equal(Posix.ENOENT, Assert.Throws<IOException>(() => inbox.OpenRegular("linked/secret.txt")).HResult);
        using (var file = inbox.OpenRegular("2024/q1/plan.txt"))
        {
            Assert.Equal(RemoveOutcome.Removed, inbox.RemoveIfUnchanged("2024/q1/plan.txt", file.Identity));
        }

        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(inboxPath, "2024", "q1")));
        Assert.True(File.Exists(Path.Combine(outside, "secret.txt")));
    }

    [Fact]
    public void The_scanner_refuses_links_and_hard_links_ignores_dot_files_and_waits_for_stability()
    {
        var outside = Path.Combine(temp.Path, "outside.txt");
        File.WriteAllText(outside, "x");
        File.CreateSymbolicLink(Path.Combine(inboxPath, "link.txt"), outside);
        using (var ln = Process.Start("ln", [outside, Path.Combine(inboxPath, "hard.txt")]))
        {
            ln.WaitForExit();
        }

        File.WriteAllText(Path.Combine(inboxPath, ".partial.txt.XYZ"), "rsync temp");
        File.WriteAllText(Path.Combine(inboxPath, "good.txt"), "good");
        Directory.CreateDirectory(Path.Combine(inboxPath, "folder"));
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var scanner = new InboxScanner(inbox, new StabilityTracker(TimeSpan.FromSeconds(1), clock), NullLogger<InboxScanner>.Instance);

        var first = scanner.Scan();
        Assert.Equal(["hard.txt", "link.txt"], first.Refused.Select(r => r.Name).Order());
        Assert.Empty(first.Ready);
        Assert.Equal(1, first.StillChanging);

        clock.Advance(TimeSpan.FromSeconds(1));
        var second = scanner.Scan();
        Assert.Equal(["good.txt"], second.Ready.Select(r => r.Name));
        Assert.Empty(second.Refused); // refused once, not on every pass
    }
}
