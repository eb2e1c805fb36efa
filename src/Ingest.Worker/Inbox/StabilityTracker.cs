namespace PlanIngest.Worker.Inbox;

/// <summary>
/// Decides when a file is complete: its size and modification time (and inode) have not changed
/// for the stability interval. A file still being written keeps resetting its clock and is looked
/// at again on a later pass; nothing is ever dropped for being slow.
/// </summary>
public sealed class StabilityTracker(TimeSpan interval, TimeProvider clock)
{
    private readonly Dictionary<string, (FileIdentity Seen, DateTimeOffset Since)> seen = new(StringComparer.Ordinal);

    /// <summary>Records what <paramref name="name"/> looks like now; true once it has looked the same for the whole interval.</summary>
    public bool IsStable(string name, FileIdentity now)
    {
        var at = clock.GetUtcNow();
        if (seen.TryGetValue(name, out var before) && InboxDirectory.Unchanged(now, before.Seen))
        {
            return at - before.Since >= interval;
        }

        seen[name] = (now, at);
        return interval <= TimeSpan.Zero;
    }

    /// <summary>How long until the soonest waiting file could be stable; null when none is waiting.</summary>
    public TimeSpan? NextDue()
    {
        if (seen.Count == 0)
        {
            return null;
        }

        var at = clock.GetUtcNow();
        var soonest = seen.Values.Min(v => v.Since) + interval - at;
        return soonest > TimeSpan.Zero ? soonest : TimeSpan.Zero;
    }

    /// <summary>Starts the clock again, e.g. for a file that changed while it was being read.</summary>
    public void Restart(string name) => seen.Remove(name);

    /// <summary>Forgets names that are no longer in the folder.</summary>
    public void KeepOnly(IReadOnlySet<string> present)
    {
        foreach (var name in seen.Keys.Where(n => !present.Contains(n)).ToList())
        {
            seen.Remove(name);
        }
    }

    public void Forget(string name) => seen.Remove(name);
}
