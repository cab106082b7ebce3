using System.Globalization;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// Another process's resident memory as Linux reports it in <c>/proc/&lt;pid&gt;/status</c>: now (<c>VmRSS</c>) and at its
/// peak (<c>VmHWM</c>), whose peak can be restarted at the current size (proc(5), <c>clear_refs</c> "5").
/// </summary>
public static class ResidentMemory
{
    public static bool IsAvailable => File.Exists("/proc/self/status");

    public static double CurrentMegabytes(int processId) => Read(processId, "VmRSS:");

    public static double PeakMegabytes(int processId) => Read(processId, "VmHWM:");

    /// <summary>Makes the peak start again from the current resident size, so that only what follows counts.</summary>
    public static void ResetPeak(int processId) => File.WriteAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/clear_refs", "5");

    private static double Read(int processId, string field)
    {
        var line = File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}

/// <summary>A fact that needs Linux's /proc (resident memory of another process); elsewhere it is skipped, saying so.</summary>
public sealed class LinuxProcFactAttribute : FactAttribute
{
    public LinuxProcFactAttribute()
    {
        if (!ResidentMemory.IsAvailable)
        {
            Skip = "Needs Linux: reads another process's memory from /proc/<pid>/status.";
        }
    }
}
