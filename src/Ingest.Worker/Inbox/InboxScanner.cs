using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PlanIngest.Worker.Inbox;

/// <summary>
/// One look at the inbox: which files are complete and may be taken, which entries must be refused
/// unread (links, FIFOs, devices, hard-linked files), and how many are still being written. Names
/// handed out stay out of later passes until <see cref="Return"/> gives them back.
/// </summary>
public sealed class InboxScanner(InboxDirectory inbox, StabilityTracker tracker, ILogger<InboxScanner> log)
{
    private readonly HashSet<string> handedOut = new(StringComparer.Ordinal);
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);

    // Entries refused but still there (their removal failed): refused once, not on every pass.
    private readonly HashSet<(ulong Device, ulong Inode)> refusedBefore = [];
    private readonly ConcurrentQueue<(string Name, bool Restart)> returned = new();

    public InboxPass Scan()
    {
        while (returned.TryDequeue(out var back))
        {
            handedOut.Remove(back.Name);
            if (back.Restart)
            {
                tracker.Restart(back.Name);
            }
        }

        var names = inbox.ListNames();
        var ready = new List<InboxCandidate>();
        var refused = new List<RefusedEntry>();
        var waiting = 0;
        var seen = new HashSet<(ulong, ulong)>();
        foreach (var name in names)
        {
            if (handedOut.Contains(name) || IsHidden(name))
            {
                continue;
            }

            FileIdentity? found;
            try
            {
                found = inbox.Look(name);
            }
            catch (IOException e)
            {
                ReportOnce(name, $"cannot be looked at ({e.Message}); left in the inbox");
                continue;
            }

            if (found is not { } identity)
            {
                if (name.Contains('\uFFFD'))
                {
                    // The name's bytes are not UTF-8, so it cannot be named back to the system; only a rename helps.
                    ReportOnce(name, "the file name is not valid UTF-8, so it cannot be opened by name; rename it");
                }

                continue;
            }

            seen.Add((identity.Device, identity.Inode));
            switch (identity.Kind)
            {
                case FileKind.Directory:
                    // Its entries are listed with it (InboxDirectory.ListNames); only a folder too deep is not entered.
                    if (InboxDirectory.Depth(name) >= InboxDirectory.MaxDepth)
                    {
                        ReportOnce(name, $"is a folder nested {InboxDirectory.MaxDepth + 1} deep; folders are entered only {InboxDirectory.MaxDepth} deep (move its files up)");
                    }

                    break;
                case FileKind.Regular when identity.LinkCount > 1:
                    AddRefusal(refused, Refuse(name, identity, $"has {identity.LinkCount} hard links: the same file also lives outside the inbox, so it is not read (copy it in instead)"));
                    break;
                case FileKind.Regular:
                    if (tracker.IsStable(name, identity))
                    {
                        tracker.Forget(name);
                        handedOut.Add(name);
                        ready.Add(new InboxCandidate(name, identity));
                    }
                    else
                    {
                        waiting++;
                    }

                    break;
                case FileKind.SymbolicLink:
                    AddRefusal(refused, Refuse(name, identity, $"is a symbolic link (to {DescribeTarget(name)}): links are never followed"));
                    break;
                default:
                    AddRefusal(refused, Refuse(name, identity, $"is a {Describe(identity.Kind)}, not a file: never opened or read"));
                    break;
            }
        }

        var present = names.ToHashSet(StringComparer.Ordinal);
        tracker.KeepOnly(present);
        reported.IntersectWith(present);
        refusedBefore.IntersectWith(seen);
        ready.Sort((a, b) => a.Identity.ModifiedNanoseconds.CompareTo(b.Identity.ModifiedNanoseconds));
        return new InboxPass(ready, refused, waiting, tracker.NextDue());
    }

    /// <summary>
    /// Gives a handed-out name back: it was taken (or is gone) and will not be seen again, or it is
    /// still there and is looked at on the next pass (with <paramref name="restartClock"/> when it
    /// changed while it was read, so it must be stable for a whole interval again).
    /// </summary>
    public void Return(string name, bool restartClock) => returned.Enqueue((name, restartClock));

    private static void AddRefusal(List<RefusedEntry> refused, RefusedEntry? entry)
    {
        if (entry is not null)
        {
            refused.Add(entry);
        }
    }

    /// <summary>Dot-files are temporary files of copy tools and editors (rsync's <c>.name.XXXXXX</c>); the worker's own removal names are not.</summary>
    private static bool IsHidden(string name)
    {
        var leaf = InboxDirectory.Leaf(name);
        return leaf.StartsWith('.') && !leaf.StartsWith(InboxDirectory.TakenPrefix, StringComparison.Ordinal);
    }

    private RefusedEntry? Refuse(string name, FileIdentity identity, string reason)
    {
        if (!refusedBefore.Add((identity.Device, identity.Inode)))
        {
            return null;
        }

        handedOut.Add(name);
        return new RefusedEntry(name, identity, reason);
    }

    private string DescribeTarget(string name)
    {
        try
        {
            return inbox.LinkTarget(name);
        }
        catch (IOException)
        {
            return "an unreadable target";
        }
    }

    private void ReportOnce(string name, string reason)
    {
        if (reported.Add(name))
        {
            log.LogWarning("{Name}: {Reason}", name, reason);
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "FIFO (named pipe)",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        _ => "special file",
    };
}

/// <summary>A complete-looking regular file, with the identity it had when judged stable.</summary>
public sealed record InboxCandidate(string Name, FileIdentity Identity);

/// <summary>An inbox entry that must not be read, and why.</summary>
public sealed record RefusedEntry(string Name, FileIdentity Identity, string Reason);

/// <summary>What one pass found; <see cref="NextDue"/> is when a waiting file could next be stable.</summary>
public sealed record InboxPass(IReadOnlyList<InboxCandidate> Ready, IReadOnlyList<RefusedEntry> Refused, int StillChanging, TimeSpan? NextDue);
