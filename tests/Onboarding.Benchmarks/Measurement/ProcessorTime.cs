using System.Diagnostics;

namespace Onboarding.Benchmarks.Measurement;

/// <summary>
/// Processor time spent by this process and one other (user plus system, all threads) between two readings: on a machine
/// whose cores both processes share, it says which side a request's cost is on — a rate alone cannot.
/// </summary>
public sealed class ProcessorTime
{
    private readonly int _otherId;
    private readonly TimeSpan _self;
    private readonly TimeSpan _other;

    private ProcessorTime(int otherId)
    {
        _otherId = otherId;
        _self = Self();
        _other = Other(otherId);
    }

    /// <summary>Starts counting for this process and the process <paramref name="otherId"/>.</summary>
    public static ProcessorTime Start(int otherId) => new(otherId);

    /// <summary>Microseconds of processor time per operation so far, for this process and the other.</summary>
    public (double Self, double Other) MicrosecondsPer(long operations) => operations == 0
        ? (double.NaN, double.NaN)
        : ((Self() - _self).TotalMicroseconds / operations, (Other(_otherId) - _other).TotalMicroseconds / operations);

    private static TimeSpan Self()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static TimeSpan Other(int id)
    {
        using var process = Process.GetProcessById(id);
        return process.TotalProcessorTime;
    }
}
