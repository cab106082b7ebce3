using System.Diagnostics;

namespace Onboarding.Benchmarks.Measurement;

/// <summary>
/// Processor time spent by this process and one other (user plus system, all threads) between two readings: on a machine
/// whose cores both processes share, it says which side a request's cost is on — a rate alone cannot. Also this process's
/// managed allocations over the same span, the collector's share of that cost.
/// </summary>
public sealed class ProcessorTime
{
    private readonly int _otherId;
    private readonly TimeSpan _self;
    private readonly TimeSpan _other;
    private readonly long _allocated;

    private ProcessorTime(int otherId)
    {
        _otherId = otherId;
        _self = Self();
        _other = Other(otherId);
        _allocated = GC.GetTotalAllocatedBytes();
    }

    /// <summary>Starts counting for this process and the process <paramref name="otherId"/>.</summary>
    public static ProcessorTime Start(int otherId) => new(otherId);

    /// <summary>Microseconds of processor time per operation so far, for this process and the other.</summary>
    public (double Self, double Other) MicrosecondsPer(long operations) => operations == 0
        ? (double.NaN, double.NaN)
        : ((Self() - _self).TotalMicroseconds / operations, (Other(_otherId) - _other).TotalMicroseconds / operations);

    /// <summary>Kilobytes this process allocated per operation so far.</summary>
    public double KilobytesAllocatedPer(long operations) =>
        operations == 0 ? double.NaN : (GC.GetTotalAllocatedBytes() - _allocated) / 1024.0 / operations;

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
