using Polly.Timeout;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Turns transport failures into NetSuiteErrors; the caller's own cancellation is rethrown, never swallowed.</summary>
internal static class FailureTranslator
{
    /// <summary>
    /// The error for an exception from sending, or null when it must propagate: the caller cancelled, or it is not an
    /// expected transport failure (a bug). Used in exception filters, so it never throws.
    /// </summary>
    public static NetSuiteError? Translate(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return exception switch
        {
            TimeoutRejectedException or TaskCanceledException or TimeoutException => new NetSuiteError(
                NetSuiteErrorKind.Unavailable,
                "NetSuite did not answer in time. Try again in a few minutes."),
            HttpRequestException => new NetSuiteError(
                NetSuiteErrorKind.Network,
                "Could not reach NetSuite. Check this server's network connection and try again."),
            _ => null,
        };
    }

    public static NetSuiteError Malformed(int status) => new(
        NetSuiteErrorKind.MalformedResponse,
        "NetSuite answered with something this app could not read. Try again; if it persists, report it to the vendor.",
        status);
}
