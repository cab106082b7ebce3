using Onboarding.Engine.Language;
using Polly.Timeout;
using static Onboarding.Engine.Language.Texts;

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
                Phrase.Of(nameof(NetSuite_Timeout))),
            HttpRequestException => new NetSuiteError(
                NetSuiteErrorKind.Network,
                Phrase.Of(nameof(NetSuite_Unreachable))),
            _ => null,
        };
    }

    public static NetSuiteError Malformed(int status) => new(
        NetSuiteErrorKind.MalformedResponse,
        Phrase.Of(nameof(NetSuite_Unreadable)),
        status);
}
