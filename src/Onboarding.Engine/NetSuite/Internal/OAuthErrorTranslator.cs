using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;
using static Onboarding.Engine.NetSuite.Internal.WireNames.OAuthErrors;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Turns a token endpoint's <c>{"error":…}</c> answer (docs/netsuite.md §2.7, §3.5) into a NetSuiteError that says what to do.</summary>
internal static class OAuthErrorTranslator
{
    public static NetSuiteError Translate(OAuthCall call, string? error, int? status)
    {
        if (status == 429)
        {
            return HttpStatusTranslator.RateLimited(status, error);
        }

        if (error is ServerError or TemporarilyUnavailable || (error is null && status >= 500))
        {
            var explanation = call == OAuthCall.ClientCredentials ? nameof(NetSuite_SignInUnavailableMachine) : nameof(NetSuite_SignInUnavailable);
            return new(NetSuiteErrorKind.Unavailable, Phrase.Of(explanation), status, error);
        }

        return (call, error) switch
        {
            (OAuthCall.ClientCredentials, InvalidClient or InvalidGrant) => new(
                NetSuiteErrorKind.CertificateRejected,
                Phrase.Of(nameof(NetSuite_CertificateRefused)),
                status,
                error),
            (_, InvalidClient) => new(
                NetSuiteErrorKind.InvalidRequest,
                Phrase.Of(nameof(NetSuite_UnknownIntegration)),
                status,
                error),
            (OAuthCall.AuthorizationCode, InvalidGrant) => new(
                NetSuiteErrorKind.InvalidGrant,
                Phrase.Of(nameof(NetSuite_CodeUsed)),
                status,
                error),
            (_, InvalidGrant) => new(
                NetSuiteErrorKind.InvalidGrant,
                Phrase.Of(nameof(NetSuite_SignInExpired)),
                status,
                error),
            (_, InvalidScope) => new(
                NetSuiteErrorKind.InvalidScope,
                Phrase.Of(nameof(NetSuite_InvalidScope)),
                status,
                error),
            (OAuthCall.ClientCredentials, UnauthorizedClient) => new(
                NetSuiteErrorKind.AccessDenied,
                Phrase.Of(nameof(NetSuite_MachineGrantRefused)),
                status,
                error),
            (_, UnauthorizedClient) => new(
                NetSuiteErrorKind.AccessDenied,
                Phrase.Of(nameof(NetSuite_CodeGrantRefused)),
                status,
                error),
            (_, AccessDenied) => new(
                NetSuiteErrorKind.AccessDenied,
                Phrase.Of(nameof(NetSuite_AccessDenied)),
                status,
                error),
            _ => new(
                NetSuiteErrorKind.InvalidRequest,
                Phrase.Of(nameof(NetSuite_MalformedSignIn)),
                status,
                error),
        };
    }
}
