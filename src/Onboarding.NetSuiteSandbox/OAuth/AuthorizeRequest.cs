using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>The query of an authorize request and NetSuite's rules for it (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158081944642.html).</summary>
internal sealed record AuthorizeRequest(
    string? ResponseType, string? ClientId, string? RedirectUri, string? Scope, string? State,
    string? CodeChallenge, string? CodeChallengeMethod, string? Prompt)
{
    private static readonly string[] Prompts = ["none", "login", "consent", "login consent", "consent login"];

    public static AuthorizeRequest From(IQueryCollection query) => new(
        query["response_type"], query["client_id"], query["redirect_uri"], query["scope"], query["state"],
        query["code_challenge"], query["code_challenge_method"], query["prompt"]);

    public bool HasValidState => State is { Length: >= 22 and <= 1024 } s && s.All(c => c is >= ' ' and <= '~');

    public IReadOnlyList<string> Scopes => OAuth.Scopes.Split(Scope ?? string.Empty);

    /// <summary>
    /// Null when the request may proceed to consent; otherwise the error for the redirect. Client and redirect URI
    /// are checked by the caller first, because failing those must not redirect at all.
    /// </summary>
    public string? RedirectableError(SeedIntegration client)
    {
        if (ResponseType != "code")
        {
            return OAuthErrors.UnsupportedResponseType;
        }

        if (!client.AuthorizationCodeGrant)
        {
            return OAuthErrors.UnauthorizedClient;
        }

        if (!HasValidState || (Prompt is not null && !Prompts.Contains(Prompt)))
        {
            return OAuthErrors.InvalidRequest;
        }

        if (!OAuth.Scopes.AreAllowed(Scopes.ToArray(), client.Scopes))
        {
            return OAuthErrors.InvalidScope;
        }

        var challengeRequired = client.PublicClient || Scopes.Contains(OAuth.Scopes.Mcp);
        if (CodeChallenge is null)
        {
            return challengeRequired || CodeChallengeMethod is not null ? OAuthErrors.InvalidRequest : null;
        }

        return CodeChallengeMethod == "S256" && Pkce.IsWellFormedChallenge(CodeChallenge) ? null : OAuthErrors.InvalidRequest;
    }

    public bool RedirectsTo(SeedIntegration client) =>
        RedirectUri is not null && client.RedirectUris.Contains(RedirectUri, StringComparer.Ordinal);

    /// <summary>
    /// NetSuite takes https or a custom scheme, never http ("The http:// scheme isn't supported",
    /// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157771733782.html). The sandbox may allow
    /// http on a loopback host for local demos, or any http when the rule is relaxed.
    /// </summary>
    public bool HasAllowedScheme(SandboxOptions options) =>
        Uri.TryCreate(RedirectUri, UriKind.Absolute, out var uri)
        && (uri.Scheme != Uri.UriSchemeHttp || !options.Rules.HttpsRedirectUris || (options.AllowLoopbackHttpRedirects && uri.IsLoopback));
}
