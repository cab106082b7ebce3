using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite.Internal;
using Polly;
using Polly.Retry;

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
    private ResiliencePipeline<NetSuiteResult<IssuedTokens>>? _freshAssertionRetries;

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

        // A 5xx or a timeout may come after NetSuite saw the assertion, and repeating the same request would replay its jti,
        // which NetSuite may refuse as a replay (and so look like a rejected certificate). So the HTTP pipeline repeats only
        // 429s (sent before NetSuite acts), and these failures are retried here, each attempt with a newly signed assertion.
        var result = await FreshAssertionRetries.ExecuteAsync(
            static async (state, _) => await state.Self.RequestOnceAsync(state.Credential, state.TokenUrl).ConfigureAwait(false),
            (Self: this, Credential: credential, TokenUrl: tokenUrl),
            CancellationToken.None).ConfigureAwait(false);
        metrics.TokenMinted(result.IsSuccess);
        if (!result.IsSuccess)
        {
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

    /// <summary>One token request with a newly signed assertion (a fresh <c>jti</c>).</summary>
    private async Task<NetSuiteResult<IssuedTokens>> RequestOnceAsync(MachineCredential credential, Uri tokenUrl)
    {
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

        // Every signed assertion is recorded — a retry signs a new one — before its token is handed out or cached: a
        // signature that cannot be recorded yields no token.
        foreach (var recorder in keyUses)
        {
            await recorder.RecordMintAsync(credential, result.IsSuccess, CancellationToken.None).ConfigureAwait(false);
        }

        if (!result.IsSuccess)
        {
            Log.NetSuiteCallFailed(logger, nameof(OAuthCall.ClientCredentials), credential.Account, result.Error.Kind, result.Error.HttpStatus, result.Error.Code);
        }

        return result;
    }

    // Built on first use: the options are read once, like the HTTP pipelines' are.
    private ResiliencePipeline<NetSuiteResult<IssuedTokens>> FreshAssertionRetries => _freshAssertionRetries ??= BuildRetries(options.Value, timeProvider);

    private static ResiliencePipeline<NetSuiteResult<IssuedTokens>> BuildRetries(NetSuiteOptions settings, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<NetSuiteResult<IssuedTokens>> { TimeProvider = timeProvider };
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<NetSuiteResult<IssuedTokens>>
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                Delay = settings.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsSuccess: false, Error.Kind: NetSuiteErrorKind.Unavailable or NetSuiteErrorKind.Network }),
            });
        }

        return builder.Build();
    }

    private sealed record CachedToken(BearerToken Token, DateTimeOffset RenewAt);
}
