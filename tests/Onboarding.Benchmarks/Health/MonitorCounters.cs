using System.Diagnostics.Metrics;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Benchmarks.Health;

/// <summary>Reads the engine's own instruments: checks run (passed/failed) and client-credentials tokens minted.</summary>
public sealed class MonitorCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _passed;
    private long _failed;
    private long _mints;

    public MonitorCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "onboarding.health.checks" or "onboarding.netsuite.token.mints"
                && instrument.Meter.Name is HealthMetrics.MeterName or NetSuiteMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "onboarding.netsuite.token.mints")
            {
                Interlocked.Add(ref _mints, value);
                return;
            }

            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    Interlocked.Add(ref (string?)tag.Value == "passed" ? ref _passed : ref _failed, value);
                }
            }
        });
        _listener.Start();
    }

    public long Passed => Interlocked.Read(ref _passed);

    public long Failed => Interlocked.Read(ref _failed);

    public long Mints => Interlocked.Read(ref _mints);

    public void Dispose() => _listener.Dispose();
}
