using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>
/// The resilience pipelines of the two NetSuite HttpClients: a total time bound, retries with exponential backoff and
/// jitter that honour <c>Retry-After</c>, and a per-attempt timeout. Only what is safe to repeat is repeated.
/// </summary>
internal static class NetSuiteResilience
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>For reads and idempotent writes: 408, 429, 5xx, timeouts, connection failures and RESTlet concurrency refusals.</summary>
    public static void AddIdempotent(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, NetSuiteOptions options) =>
        Add(pipeline, options, async outcome => HttpClientResiliencePredicates.IsTransient(outcome) || await IsConcurrencyRefusalAsync(outcome).ConfigureAwait(false));

    /// <summary>For calls NetSuite may act on: only its concurrency refusals, which it sends before doing anything (docs/netsuite.md §6.5).</summary>
    public static void AddNonIdempotent(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, NetSuiteOptions options) =>
        Add(pipeline, options, IsConcurrencyRefusalAsync);

    private static void Add(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, NetSuiteOptions options, Func<Outcome<HttpResponseMessage>, ValueTask<bool>> shouldRetry)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => shouldRetry(args.Outcome),
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    // REST answers 429 CONCURRENCY_LIMIT_EXCEEDED; RESTlets answer 400 SSS_REQUEST_LIMIT_EXCEEDED (docs/netsuite.md §6.5).
    private static async ValueTask<bool> IsConcurrencyRefusalAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is not { } response)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return false;
        }

        // Buffered, so whoever reads the final answer can still read the body.
        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return ErrorBodyReader.Parse(body).Code == WireNames.RestletErrorCodes.RequestLimitExceeded;
    }
}
