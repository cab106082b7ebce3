using System.Diagnostics;

namespace Onboarding.Benchmarks.Flow;

/// <summary>
/// Adds up the time the bot's HTTP clients spend waiting on one server (the sandbox): request sent until response
/// headers are in, retries and their back-off included, since the handler sits outside the resilience pipeline.
/// </summary>
public sealed class NetSuiteWaits
{
    private long _ticks;
    private int _calls;

    /// <summary>Where NetSuite is; requests elsewhere (the connector stand-in) are not counted.</summary>
    public Func<Uri>? Server { get; set; }

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public int Calls => Volatile.Read(ref _calls);

    public DelegatingHandler CreateHandler() => new Clock(this);

    private sealed class Clock(NetSuiteWaits waits) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (waits.Server?.Invoke() is not { } server || request.RequestUri is not { } uri || uri.Port != server.Port || uri.Host != server.Host)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Add(ref waits._ticks, Stopwatch.GetTimestamp() - started);
                Interlocked.Increment(ref waits._calls);
            }
        }
    }
}
