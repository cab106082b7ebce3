using System.Diagnostics;
using System.Globalization;

namespace Onboarding.Benchmarks.Measurement;

/// <summary>A set of measured durations and their percentiles (nearest-rank), in milliseconds.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    /// <summary>Times <paramref name="work"/> and records it.</summary>
    public async Task<T> TimeAsync<T>(Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await work();
        Add(Stopwatch.GetElapsedTime(started));
        return result;
    }

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double Mean => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Average();

    public double Max => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Max();

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"n={Count} p50={Percentile(50):F2} ms p99={Percentile(99):F2} ms mean={Mean:F2} ms max={Max:F2} ms");
}
