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
}
