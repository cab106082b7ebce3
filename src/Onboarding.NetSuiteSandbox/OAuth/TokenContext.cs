using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>What a grant handler needs about one token request.</summary>
internal sealed record TokenContext(
    HttpContext Http, Account Account, IFormCollection Form, TokenIssuer Issuer, SandboxOptions Options, DateTimeOffset Now, ILogger Logger)
{
    /// <summary>Refuses with an OAuth error and logs the Login-Audit-Trail-style reason (never the token itself).</summary>
    public IResult Refuse(string error, string auditDetail)
    {
        Log.TokenRefused(Logger, Account.Id, Form["grant_type"].ToString(), error, auditDetail);
        return NetSuiteErrors.OAuth(error, Account.Id);
    }

    /// <summary>
    /// The refusal for a client whose record is Blocked or whose account has OAuth 2.0 switched off, or null. The
    /// answer, <c>unauthorized_client</c>, is the sandbox's choice: Oracle documents only the Login Audit Trail detail.
    /// </summary>
    public IResult? RefuseUnusable(string clientId) =>
        Account.IntegrationRefusal(clientId, Options.Rules) is { } detail ? Refuse(OAuthErrors.UnauthorizedClient, detail) : null;
}
