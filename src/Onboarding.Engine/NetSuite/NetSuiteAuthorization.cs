using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.NetSuite;

/// <summary>The authorization code grant with PKCE for NetSuite's public client (docs/netsuite.md §2), over Duende.IdentityModel.</summary>
internal sealed class NetSuiteAuthorization(
    IHttpClientFactory httpClientFactory,
    NetSuiteEndpoints endpoints,
    IOptions<NetSuiteOptions> options,
    TimeProvider timeProvider,
    ILogger<NetSuiteAuthorization> logger) : INetSuiteAuthorization
{
    public AuthorizationStart BeginAuthorization(AccountId? account)
    {
        var settings = options.Value;
        var state = Pkce.CreateState();
        var verifier = Pkce.CreateVerifier();
        var query = QueryString.From(
        [
            new(WireNames.Authorize.ResponseType, WireNames.Authorize.ResponseTypeCode),
            new(WireNames.Authorize.ClientId, settings.ClientId),
            new(WireNames.Authorize.RedirectUri, settings.RedirectUri),
            new(WireNames.Authorize.Scope, string.Join(' ', settings.ScopeList)),
            new(WireNames.Authorize.State, state),
            new(WireNames.Authorize.CodeChallenge, Pkce.ChallengeFor(verifier)),
            new(WireNames.Authorize.CodeChallengeMethod, WireNames.Authorize.CodeChallengeMethodS256),
        ]);
        Log.AuthorizationStarted(logger, account?.Value ?? "(chosen at sign-in)");
        return new AuthorizationStart(new Uri(endpoints.Authorize(account).AbsoluteUri + query), state, verifier);
    }

    public async Task<NetSuiteResult<DelegatedTokens>> ExchangeCodeAsync(AccountId account, string code, string codeVerifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(codeVerifier);
        using var span = NetSuiteSpans.Start(nameof(OAuthCall.AuthorizationCode), account);
        var client = httpClientFactory.CreateClient(NetSuiteHttpClients.NonIdempotent);
        var response = await client.RequestAuthorizationCodeTokenAsync(
            AsPublicClient(new AuthorizationCodeTokenRequest
            {
                Code = code,
                RedirectUri = options.Value.RedirectUri,
                CodeVerifier = codeVerifier,
            }, endpoints.Token(account)),
            cancellationToken).ConfigureAwait(false);
        return Read(response, OAuthCall.AuthorizationCode, account, span, cancellationToken);
    }

    public async Task<NetSuiteResult<DelegatedTokens>> RefreshAsync(AccountId account, BearerToken refreshToken, CancellationToken cancellationToken)
    {
        // A public client's refresh token is single-use: a blind retry after NetSuite rotated it would lose the new one.
        using var span = NetSuiteSpans.Start(nameof(OAuthCall.Refresh), account);
        var client = httpClientFactory.CreateClient(NetSuiteHttpClients.NonIdempotent);
        var response = await client.RequestRefreshTokenAsync(
            AsPublicClient(new RefreshTokenRequest { RefreshToken = refreshToken.Value }, endpoints.Token(account)),
            cancellationToken).ConfigureAwait(false);
        return Read(response, OAuthCall.Refresh, account, span, cancellationToken);
    }

    public async Task<NetSuiteResult<bool>> RevokeAsync(AccountId account, BearerToken refreshToken, CancellationToken cancellationToken)
    {
        using var span = NetSuiteSpans.Start(nameof(OAuthCall.Revoke), account);
        var client = httpClientFactory.CreateClient(NetSuiteHttpClients.Idempotent);
        var response = await client.RevokeTokenAsync(
            AsPublicClient(new TokenRevocationRequest { Token = refreshToken.Value }, endpoints.Revoke(account)),
            cancellationToken).ConfigureAwait(false);
        if (TokenResponseReader.Failure(response, OAuthCall.Revoke, cancellationToken) is { } error)
        {
            Log.NetSuiteCallFailed(logger, nameof(OAuthCall.Revoke), account, error.Kind, error.HttpStatus, error.Code);
            NetSuiteSpans.Failed(span, error);
            return error;
        }

        Log.TokenCallSucceeded(logger, nameof(OAuthCall.Revoke), account);
        return NetSuiteResult<bool>.Success(true);
    }

    // NetSuite's public client authenticates with client_id in the form body and no Authorization header (docs/netsuite.md §2.3).
    private T AsPublicClient<T>(T request, Uri address)
        where T : ProtocolRequest
    {
        request.Address = address.AbsoluteUri;
        request.ClientId = options.Value.ClientId;
        request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
        return request;
    }

    private NetSuiteResult<DelegatedTokens> Read(TokenResponse response, OAuthCall call, AccountId account, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        var result = TokenResponseReader.Read(response, call, cancellationToken);
        if (!result.IsSuccess)
        {
            Log.NetSuiteCallFailed(logger, call.ToString(), account, result.Error.Kind, result.Error.HttpStatus, result.Error.Code);
            NetSuiteSpans.Failed(span, result.Error);
            return result.Error;
        }

        Log.TokenCallSucceeded(logger, call.ToString(), account);
        var issued = result.Value;
        return NetSuiteResult<DelegatedTokens>.Success(new DelegatedTokens(issued.AccessToken, issued.RefreshToken, timeProvider.GetUtcNow() + issued.ExpiresIn));
    }
}
