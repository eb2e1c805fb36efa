using System.Runtime.InteropServices;

namespace PlanIngest.Bench;

/// <summary>
/// CPU time used so far (Linux clock_gettime): on a machine that other processes keep busy, wall time mostly
/// measures waiting for a core; CPU time measures the search's own work. A search runs its slices of
/// segments on pool threads too, so the bench takes the whole process's CPU time (<see cref="Process"/>),
/// which also holds the runtime's own threads (GC, JIT), rather than the calling thread's alone.
/// </summary>
internal static partial class CpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    /// <summary>CPU time of every thread of this process.</summary>
    public static TimeSpan Process() => Read(ClockProcessCpuTimeId);

    private static TimeSpan Read(int clock)
    {
        if (ClockGetTime(clock, out var spec) != 0)
        {
            throw new InvalidOperationException("clock_gettime failed");
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
