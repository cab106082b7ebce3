using System.Globalization;

namespace Onboarding.Benchmarks.Measurement;

/// <summary>The machine's state when a run starts, printed beside its results (other work on the cores skews them).</summary>
public static class MachineLoad
{
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[..3] : ["?", "?", "?"];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {string.Join(' ', load)}, .NET {Environment.Version}");
    }
}
