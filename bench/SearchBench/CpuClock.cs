using System.Runtime.InteropServices;

namespace PlanIngest.Bench;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)): on a machine that other
/// processes keep busy, wall time mostly measures waiting for a core; this measures the search's own work.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var spec) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
