using System.Text;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>
/// An archivist drops a folder of scans (and a folder inside it) into the inbox: every file in it is taken,
/// its name recorded with the folders it lay in, as data. A link to a folder outside the inbox, and a link
/// inside a dropped folder, are refused with their reasons and never followed: nothing they point to is read.
/// Emptied sub-folders are left where they are (a copy may still be filling them).
/// </summary>
public sealed class InboxSubfolderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Files_in_dropped_folders_are_taken_under_their_folder_names_and_linked_folders_are_never_entered()
    {
        var inbox = temp.Sub("inbox");
        var data = Path.Combine(temp.Path, "data");
        var marker = $"SECRET-{Guid.NewGuid():N}";
        var outside = temp.Sub("outside");
        File.WriteAllText(Path.Combine(outside, "secret.txt"), $"KẾ HOẠCH\n{marker}\nnot part of any inbox\n");

        // Dropped the way an archivist would: a folder made beside the inbox, then moved in whole.
        var staging = temp.Sub("staging");
        var drop = Directory.CreateDirectory(Path.Combine(staging, "Lưu trữ 2024")).FullName;
        Drop.WritePlan(drop, 1);
        Drop.WritePlan(drop, 2);
        var nested = Directory.CreateDirectory(Path.Combine(drop, "quý 1")).FullName;
        Drop.WritePlan(nested, 3);
        File.CreateSymbolicLink(Path.Combine(drop, "link.txt"), Path.Combine(outside, "secret.txt"));
        Drop.WritePlan(inbox, 4);
        Directory.CreateSymbolicLink(Path.Combine(inbox, "linked folder"), outside);

        using var worker = WorkerProcess.Start(inbox, data);
        await worker.WaitUntilReadyAsync();
        Directory.Move(drop, Path.Combine(inbox, "Lưu trữ 2024"));
        var status = await Status.WaitUntilAsync(data, s => Status.Settled(s, 4) && s.RecentRejections.Count >= 2, Status.Patience, worker);

        Assert.Equal(4, status.Counts[JobState.Indexed]);
        Assert.Equal(0, status.Counts[JobState.Failed]);
        var names = (await Status.NamesAsync(data)).Values.SelectMany(n => n).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Lưu trữ 2024/plan-0001.txt", "Lưu trữ 2024/plan-0002.txt", "Lưu trữ 2024/quý 1/plan-0003.txt", "plan-0004.txt"], names);

        var rejections = status.RecentRejections.ToDictionary(r => r.Name, r => r.Reason);
        Assert.Contains("symbolic link", rejections["linked folder"]);
        Assert.Contains("symbolic link", rejections["Lưu trữ 2024/link.txt"]);
        // The reason files are named after the entries, flattened into the quarantine: a name is never a path there either.
        var quarantine = Path.Combine(data, "quarantine");
        Assert.Contains("error: ", File.ReadAllText(Path.Combine(quarantine, "Lưu trữ 2024_link.txt.reason.txt")));
        Assert.Contains("error: ", File.ReadAllText(Path.Combine(quarantine, "linked folder.reason.txt")));

        // Every file taken or set aside; the emptied folders stay; the linked folder's target is untouched.
        Assert.Equal(["Lưu trữ 2024", Path.Combine("Lưu trữ 2024", "quý 1")], Directory.GetFileSystemEntries(inbox, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(inbox, p)).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(outside, "secret.txt")), "the linked folder's file was touched");
        Assert.Equal(4, (await Search.AllAsync(data)).Count);

        worker.Signal(15);
        Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var leaked = Drop.AllFiles(data).Where(f => Encoding.UTF8.GetString(f.Bytes).Contains(marker, StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.True(leaked.Count == 0, $"content from outside the inbox was read into: {string.Join(", ", leaked)}");
    }
}
