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
            var hint = call == OAuthCall.ClientCredentials
                ? " If this keeps happening, check the machine integration record's client id (NetSuite:MachineClientId) and that the certificate uses a PS or ES algorithm."
                : string.Empty;
            return new(NetSuiteErrorKind.Unavailable, "NetSuite's sign-in service had a problem. Try again in a few minutes." + hint, status, error);
        }

        return (call, error) switch
        {
            (OAuthCall.ClientCredentials, InvalidClient or InvalidGrant) => new(
                NetSuiteErrorKind.CertificateRejected,
                "NetSuite no longer accepts this certificate: it may be revoked or expired, or the account was refreshed from production — rotate it.",
                status,
                error),
            (_, InvalidClient) => new(
                NetSuiteErrorKind.InvalidRequest,
                "NetSuite does not recognise this integration. Check that the onboarding integration record is installed and enabled in the account and that NetSuite:ClientId matches it.",
                status,
                error),
            (OAuthCall.AuthorizationCode, InvalidGrant) => new(
                NetSuiteErrorKind.InvalidGrant,
                "The sign-in link was already used or has expired. Start the authorization again.",
                status,
                error),
            (_, InvalidGrant) => new(
                NetSuiteErrorKind.InvalidGrant,
                "The admin's NetSuite sign-in has expired or was already used. Ask the admin to authorize again.",
                status,
                error),
            (_, InvalidScope) => new(
                NetSuiteErrorKind.InvalidScope,
                "The integration record does not allow the scopes this app asks for. Ask the NetSuite admin to enable REST Web Services and RESTlets on the integration record.",
                status,
                error),
            (OAuthCall.ClientCredentials, UnauthorizedClient) => new(
                NetSuiteErrorKind.AccessDenied,
                "The machine integration record (NetSuite:MachineClientId) does not allow client credentials. It must be a confidential record (Public Client off) with the Client Credentials (Machine to Machine) grant; NetSuite refuses that grant for public clients.",
                status,
                error),
            (_, UnauthorizedClient) => new(
                NetSuiteErrorKind.AccessDenied,
                "The onboarding integration record (NetSuite:ClientId) does not allow sign-in with an authorization code. Ask the NetSuite admin to enable the Authorization Code grant on it.",
                status,
                error),
            (_, AccessDenied) => new(
                NetSuiteErrorKind.AccessDenied,
                "NetSuite access was not granted. Authorize again and choose Allow, with the Administrator role.",
                status,
                error),
            _ => new(
                NetSuiteErrorKind.InvalidRequest,
                "NetSuite refused the sign-in request as malformed. This is a problem in the app, not in your account: report it to the vendor.",
                status,
                error),
        };
    }
}
