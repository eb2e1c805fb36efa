using PlanIngest.Worker.Inbox;

namespace PlanIngest.Worker.Tests.Worker;

public sealed class StabilityTrackerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private static FileIdentity File(long size, long mtime) => new(1, 42, FileKind.Regular, size, mtime, mtime, 1);

    [Fact]
    public void A_file_is_stable_only_after_looking_the_same_for_the_whole_interval()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var tracker = new StabilityTracker(Interval, clock);
        Assert.False(tracker.IsStable("a.pdf", File(100, 1)));
        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(tracker.IsStable("a.pdf", File(100, 1)));
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(tracker.IsStable("a.pdf", File(100, 1)));
    }

    [Fact]
    public void A_growing_file_keeps_restarting_its_clock_and_is_never_dropped()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var tracker = new StabilityTracker(Interval, clock);
        for (var size = 1; size <= 20; size++)
        {
            Assert.False(tracker.IsStable("slow.pdf", File(size * 1000, size)));
            clock.Advance(TimeSpan.FromSeconds(1.5));
            Assert.NotNull(tracker.NextDue());
        }

        clock.Advance(Interval);
        Assert.True(tracker.IsStable("slow.pdf", File(20 * 1000, 20)));
    }

    [Fact]
    public void Same_size_but_a_new_modification_time_is_a_change()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var tracker = new StabilityTracker(Interval, clock);
        tracker.IsStable("a.txt", File(10, 1));
        clock.Advance(Interval);
        Assert.False(tracker.IsStable("a.txt", File(10, 2)));
    }

    [Fact]
    public void Names_that_left_the_folder_are_forgotten()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var tracker = new StabilityTracker(Interval, clock);
        tracker.IsStable("gone.txt", File(10, 1));
        tracker.KeepOnly(new HashSet<string>());
        Assert.Null(tracker.NextDue());
    }
}
