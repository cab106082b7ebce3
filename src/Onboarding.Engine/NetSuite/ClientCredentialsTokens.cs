using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.NetSuite;

/// <summary>
/// Mints client-credentials tokens with a signed assertion (docs/netsuite.md §3) and caches them per tenant and certificate until
/// shortly before expiry. Concurrent callers for one tenant share one token request. The cache is only an
/// optimisation: after a restart a token is simply minted again.
/// </summary>
internal sealed class ClientCredentialsTokens(
    IHttpClientFactory httpClientFactory,
    NetSuiteEndpoints endpoints,
    ClientAssertionFactory assertions,
    IOptions<NetSuiteOptions> options,
    TimeProvider timeProvider,
    NetSuiteMetrics metrics,
    IEnumerable<IKeyUseRecorder> keyUses,
    ILogger<ClientCredentialsTokens> logger) : IClientCredentialsTokens
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(AccountId Account, string CertificateId), CachedToken> _cache = [];
    private readonly Dictionary<(AccountId Account, string CertificateId), Task<NetSuiteResult<BearerToken>>> _inFlight = [];
    private readonly Dictionary<AccountId, long> _generations = [];

    public async Task<NetSuiteResult<BearerToken>> GetAsync(MachineCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var key = (credential.Account, credential.CertificateId);
        Task<NetSuiteResult<BearerToken>> flight;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached) && timeProvider.GetUtcNow() < cached.RenewAt)
            {
                return NetSuiteResult<BearerToken>.Success(cached.Token);
            }

            if (!_inFlight.TryGetValue(key, out flight!))
            {
                flight = MintAndCacheAsync(credential, key, _generations.GetValueOrDefault(credential.Account));
                _inFlight[key] = flight;
            }
        }

        // One caller giving up must not cancel the request the others are waiting on; the
        // resilience pipeline's total timeout bounds it instead.
        return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Invalidate(AccountId account)
    {
        lock (_gate)
        {
            foreach (var key in _cache.Keys.Where(k => k.Account == account).ToList())
            {
                _cache.Remove(key);
            }

            // A mint already under way must not put back a token minted before the invalidation.
            _generations[account] = _generations.GetValueOrDefault(account) + 1;
        }
    }

    private async Task<NetSuiteResult<BearerToken>> MintAndCacheAsync(MachineCredential credential, (AccountId, string) key, long generation)
    {
        // Leave the caller's lock before signing and sending.
        await Task.Yield();
        try
        {
            return await MintAsync(credential, generation).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(key);
            }
        }
    }

    private async Task<NetSuiteResult<BearerToken>> MintAsync(MachineCredential credential, long generation)
    {
        var tokenUrl = endpoints.Token(credential.Account);
        using var span = NetSuiteSpans.Start(nameof(OAuthCall.ClientCredentials), credential.Account);

        // A repeat after a 5xx or timeout would replay the same assertion (same jti), which NetSuite may refuse as a
        // replay and so look like a rejected certificate. Only its 429 refusals are retried here; for anything else
        // the caller's next call signs a fresh assertion.
        var client = httpClientFactory.CreateClient(NetSuiteHttpClients.NonIdempotent);
        var response = await client.RequestTokenAsync(
            new TokenRequest
            {
                Address = tokenUrl.AbsoluteUri,
                GrantType = Duende.IdentityModel.OidcConstants.GrantTypes.ClientCredentials,
                ClientCredentialStyle = ClientCredentialStyle.PostBody,
                ClientAssertion = new ClientAssertion
                {
                    Type = Duende.IdentityModel.OidcConstants.ClientAssertionTypes.JwtBearer,
                    Value = assertions.Create(credential, tokenUrl),
                },
            },
            CancellationToken.None).ConfigureAwait(false);

        var result = TokenResponseReader.Read(response, OAuthCall.ClientCredentials, CancellationToken.None);
        metrics.TokenMinted(result.IsSuccess);

        // Recorded before the token is handed out or cached: a signature that cannot be recorded yields no token.
        foreach (var recorder in keyUses)
        {
            await recorder.RecordMintAsync(credential, result.IsSuccess, CancellationToken.None).ConfigureAwait(false);
        }

        if (!result.IsSuccess)
        {
            Log.NetSuiteCallFailed(logger, nameof(OAuthCall.ClientCredentials), credential.Account, result.Error.Kind, result.Error.HttpStatus, result.Error.Code);
            NetSuiteSpans.Failed(span, result.Error);
            return result.Error;
        }

        var token = result.Value.AccessToken;
        var renewAt = timeProvider.GetUtcNow() + result.Value.ExpiresIn - options.Value.TokenRefreshMargin;
        lock (_gate)
        {
            if (_generations.GetValueOrDefault(credential.Account) == generation)
            {
                _cache[(credential.Account, credential.CertificateId)] = new CachedToken(token, renewAt);
            }
        }

        Log.ClientCredentialsTokenCached(logger, credential.Account, renewAt);
        return NetSuiteResult<BearerToken>.Success(token);
    }

    private sealed record CachedToken(BearerToken Token, DateTimeOffset RenewAt);
}
