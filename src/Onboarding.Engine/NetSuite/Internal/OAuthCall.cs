namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Which token-endpoint call failed: the same OAuth error means different things (and fixes) per grant.</summary>
internal enum OAuthCall
{
    AuthorizationCode,
    Refresh,
    Revoke,
    ClientCredentials,
}
