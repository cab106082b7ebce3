using System.Globalization;
using System.Runtime.InteropServices;

namespace Onboarding.Benchmarks.Measurement;

/// <summary>
/// A process's peak resident memory (Linux <c>VmHWM</c>). The peak of this process can be reset, so set-up work (seeding
/// thousands of tenants) does not count towards what the measured part used.
/// </summary>
public static class PeakMemory
{
    /// <summary>Collects garbage and returns freed native memory to the system, then restarts this process's peak at its current resident size.</summary>
    public static void ResetForThisProcess()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        TrimNativeHeap();
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

    /// <summary>What this process's resident memory is made of now: anonymous (heaps, stacks), file pages, and the GC's committed share of it.</summary>
    public static string DescribeResident() => string.Create(
        CultureInfo.InvariantCulture,
        $"{CurrentMegabytes():F0} MB: {Read("RssAnon:", null):F0} MB anonymous (GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:F0} MB), {Read("RssFile:", null):F0} MB file pages, {Read("RssShmem:", null):F0} MB shared");

    // glibc keeps blocks freed by set-up (thousands of connections, statements and key pairs) resident in its arenas until
    // trimmed (malloc_trim(3)); left there, they would count as the measured part's memory by a random 0–40 MB.
    private static void TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): nothing to give back this way.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);

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
