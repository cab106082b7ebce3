using Onboarding.Engine.Language;

namespace Onboarding.Engine.NetSuite;

/// <summary>
/// An expected NetSuite failure: what kind it is, what NetSuite said (status and code, shown in small print),
/// and an explanation that says what to do.
/// </summary>
/// <param name="Kind">The classified cause; drives retry decisions and health alerts.</param>
/// <param name="Explanation">Plain language: what happened and what to do about it (a phrase, said in the reader's language).</param>
/// <param name="HttpStatus">NetSuite's HTTP status, when there was a response.</param>
/// <param name="Code">NetSuite's error code (<c>INVALID_LOGIN</c>, <c>invalid_client</c>, <c>SSS_INVALID_SCRIPTLET_ID</c>).</param>
/// <param name="Detail">NetSuite's own detail text, if any (never a secret).</param>
public sealed record NetSuiteError(NetSuiteErrorKind Kind, Phrase Explanation, int? HttpStatus = null, string? Code = null, string? Detail = null)
{
    /// <summary>True when trying again later may succeed without anyone changing anything.</summary>
    public bool IsTransient => Kind is NetSuiteErrorKind.RateLimited or NetSuiteErrorKind.Unavailable or NetSuiteErrorKind.Network;

    /// <summary>NetSuite's code and status, "INVALID_LOGIN (401)", for small print (<see cref="Wording.NetSuiteSaid"/> says whose words they are).</summary>
    public string? Said => Code is null && HttpStatus is null ? null : $"{Code ?? "error"}{(HttpStatus is { } s ? $" ({s})" : string.Empty)}";
}

/// <summary>Why a NetSuite call failed, in the terms the product acts on.</summary>
public enum NetSuiteErrorKind
{
    /// <summary>The token was refused: expired, revoked or invalid (<c>INVALID_LOGIN</c>).</summary>
    InvalidLogin,

    /// <summary>Client credentials refused: certificate revoked, expired, or mapping wiped by a sandbox refresh.</summary>
    CertificateRejected,

    /// <summary>An authorization code or refresh token was invalid, used or expired (<c>invalid_grant</c>).</summary>
    InvalidGrant,

    /// <summary>The user denied consent or the request was refused at the authorize step.</summary>
    AccessDenied,

    /// <summary>The role lacks a permission the call needs (403).</summary>
    PermissionMissing,

    /// <summary>A scope is missing or not enabled on the integration record.</summary>
    InvalidScope,

    /// <summary>The RESTlet (and so the bundle) is not deployed in the account.</summary>
    ScriptNotDeployed,

    /// <summary>The record, certificate or account does not exist.</summary>
    NotFound,

    /// <summary>NetSuite rejected the request's content (bad query, bad certificate, limits).</summary>
    InvalidRequest,

    /// <summary>Concurrency limit exceeded (429 or <c>SSS_REQUEST_LIMIT_EXCEEDED</c>).</summary>
    RateLimited,

    /// <summary>NetSuite answered 5xx or not at all in time.</summary>
    Unavailable,

    /// <summary>The connection failed before NetSuite answered.</summary>
    Network,

    /// <summary>NetSuite answered with something we could not read.</summary>
    MalformedResponse,
}
