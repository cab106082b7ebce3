using System.Globalization;

namespace Onboarding.Benchmarks.Measurement;

/// <summary>
/// A process's peak resident memory (Linux <c>VmHWM</c>). The peak of this process can be reset, so set-up work (seeding
/// thousands of tenants) does not count towards what the measured part used.
/// </summary>
public static class PeakMemory
{
    /// <summary>Collects garbage, then restarts this process's peak at its current resident size.</summary>
    public static void ResetForThisProcess()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (File.Exists("/proc/self/clear_refs"))
        {
            // "5" resets the peak resident set size to the current one (proc(5)).
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
    }

    /// <summary>The peak resident size in MiB of a process (this one by default); NaN where /proc is not there.</summary>
    public static double MegabytesOf(int? processId = null) => Read("VmHWM:", processId);

    /// <summary>The current resident size in MiB of this process.</summary>
    public static double CurrentMegabytes() => Read("VmRSS:", null);

    private static double Read(string field, int? processId)
    {
        var status = $"/proc/{processId?.ToString(CultureInfo.InvariantCulture) ?? "self"}/status";
        if (!File.Exists(status))
        {
            return double.NaN;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
