namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>The two named HttpClients: one for calls safe to repeat, one for calls NetSuite may already have acted on.</summary>
internal static class NetSuiteHttpClients
{
    /// <summary>Reads and idempotent writes: retried on 429, 5xx and timeouts with backoff and jitter.</summary>
    public const string Idempotent = "NetSuite";

    /// <summary>
    /// Code exchange, public-client refresh, client-credentials mint, certificate upload, record create, RESTlet POST: retried only on 429,
    /// which NetSuite sends before doing anything; never after a 5xx or timeout, when it may have acted.
    /// </summary>
    public const string NonIdempotent = "NetSuite.NonIdempotent";
}
