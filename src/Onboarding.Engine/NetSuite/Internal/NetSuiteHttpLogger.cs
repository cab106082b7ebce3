using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>
/// Logs each NetSuite HTTP attempt by method, host and path only. Replaces HttpClientFactory's default loggers, whose
/// structured header state carries raw header values (the bearer token) even when the message text is redacted.
/// </summary>
internal sealed class NetSuiteHttpLogger(ILogger<NetSuiteHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        // A debug line for every request the health monitor sends: its URL is not even built while debug is off.
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.NetSuiteHttpAttempt(logger, request.Method.Method, Where(request), (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        Log.NetSuiteHttpAttemptFailed(logger, request.Method.Method, Where(request), exception.GetType().Name, elapsed.TotalMilliseconds);

    // No query string: it is not secret today, but nothing guarantees it stays that way.
    private static string Where(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Path) : "(relative)";
}
