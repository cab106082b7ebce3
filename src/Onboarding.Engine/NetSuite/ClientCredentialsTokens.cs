using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite.Internal;
using Polly;

namespace Onboarding.Engine.NetSuite;

/// <summary>
/// Mints client-credentials tokens with a signed assertion (docs/netsuite.md §3) and caches them per tenant and certificate
/// until shortly before expiry. Concurrent callers for one tenant share one token request. With an
/// <see cref="IMachineTokenStore"/> (several instances on one database) the token is shared too: an instance first looks for
/// the one another instance minted, and only the instance holding the tenant's mint lease mints, so one tenant gets at most
/// one mint at a time across the fleet. The caches are only an optimisation: after a restart a token is minted again.
/// </summary>
internal sealed partial class ClientCredentialsTokens(
    IHttpClientFactory httpClientFactory,
    NetSuiteEndpoints endpoints,
    ClientAssertionFactory assertions,
    IOptions<NetSuiteOptions> options,
    TimeProvider timeProvider,
    NetSuiteMetrics metrics,
    IEnumerable<IKeyUseRecorder> keyUses,
    ILogger<ClientCredentialsTokens> logger,
    IMachineTokenStore? shared = null) : IClientCredentialsTokens
{
    // How often an instance waiting for another one's mint looks whether the token has arrived.
    private static readonly TimeSpan SharedPoll = TimeSpan.FromMilliseconds(200);

    // A mint lease outlives any mint; waiting longer than this means the database is in trouble, not the other instance.
    private static readonly TimeSpan SharedWaitLimit = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<(AccountId Account, string CertificateId), CachedToken> _cache = [];
    private readonly Dictionary<(AccountId Account, string CertificateId), Task<NetSuiteResult<BearerToken>>> _inFlight = [];
    private readonly Dictionary<AccountId, long> _generations = [];
    private ResiliencePipeline<NetSuiteResult<IssuedTokens>>? _freshAssertionRetries;

    // Tenants whose next token must be minted afresh: the last one was refused, or a caller asked for a new signature.
    private readonly HashSet<AccountId> _mintAfresh = [];

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
                flight = FetchAndCacheAsync(credential, key, _generations.GetValueOrDefault(credential.Account), _mintAfresh.Contains(credential.Account));
                _inFlight[key] = flight;
            }
        }

        // One caller giving up must not cancel the request the others are waiting on; the
        // resilience pipeline's total timeout bounds it instead.
        return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public bool TryGetCached(AccountId account, string certificateId, out BearerToken token)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue((account, certificateId), out var cached) && timeProvider.GetUtcNow() < cached.RenewAt)
            {
                token = cached.Token;
                return true;
            }
        }

        token = default;
        return false;
    }

    public void Invalidate(AccountId account)
    {
        lock (_gate)
        {
            foreach (var key in _cache.Keys.Where(k => k.Account == account).ToList())
            {
                _cache.Remove(key);
            }

            // A mint already under way must not put back a token minted before the invalidation, and the token other
            // instances share is the one just refused: the next one is minted, not looked up.
            _generations[account] = _generations.GetValueOrDefault(account) + 1;
            _mintAfresh.Add(account);
        }
    }

    private async Task<NetSuiteResult<BearerToken>> FetchAndCacheAsync(MachineCredential credential, (AccountId, string) key, long generation, bool afresh)
    {
        // Leave the caller's lock before signing and sending.
        await Task.Yield();
        try
        {
            return shared is null
                ? await MintAsync(credential, generation).ConfigureAwait(false)
                : await FetchSharedAsync(shared, credential, generation, afresh).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(key);
            }
        }
    }

    // The token another instance minted if it is still good; else the mint lease, then a mint; else wait for the holder's.
    private async Task<NetSuiteResult<BearerToken>> FetchSharedAsync(IMachineTokenStore store, MachineCredential credential, long generation, bool afresh)
    {
        var waitUntil = timeProvider.GetUtcNow() + SharedWaitLimit;
        var account = credential.Account;
        while (true)
        {
            if (!afresh && await UsableSharedAsync(store, credential, generation).ConfigureAwait(false) is { } found)
            {
                return NetSuiteResult<BearerToken>.Success(found);
            }

            var mintLease = await store.TryLockMintAsync(account, CancellationToken.None).ConfigureAwait(false);
            if (mintLease is not null)
            {
                await using (mintLease.ConfigureAwait(false))
                {
                    // Another instance may have stored its token between the look and the lease.
                    if (!afresh && await UsableSharedAsync(store, credential, generation).ConfigureAwait(false) is { } arrived)
                    {
                        return NetSuiteResult<BearerToken>.Success(arrived);
                    }

                    return await MintAsync(credential, generation, store).ConfigureAwait(false);
                }
            }

            if (timeProvider.GetUtcNow() >= waitUntil)
            {
                return new NetSuiteError(NetSuiteErrorKind.Unavailable, Phrase.Of(nameof(Texts.NetSuite_MintHeldElsewhere)));
            }

            await Task.Delay(SharedPoll, timeProvider).ConfigureAwait(false);
        }
    }

    private async Task<BearerToken?> UsableSharedAsync(IMachineTokenStore store, MachineCredential credential, long generation)
    {
        if (await store.FindAsync(credential.Account, credential.CertificateId, CancellationToken.None).ConfigureAwait(false) is not { } found
            || timeProvider.GetUtcNow() >= found.RenewAt)
        {
            return null;
        }

        Cache(credential, generation, found);
        return found.Token;
    }

    private void Cache(MachineCredential credential, long generation, SharedMachineToken token)
    {
        lock (_gate)
        {
            if (_generations.GetValueOrDefault(credential.Account) == generation)
            {
                _cache[(credential.Account, credential.CertificateId)] = new CachedToken(token.Token, token.RenewAt);
            }
        }
    }

    private async Task<NetSuiteResult<BearerToken>> MintAsync(MachineCredential credential, long generation, IMachineTokenStore? store = null)
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

        var minted = new SharedMachineToken(result.Value.AccessToken, timeProvider.GetUtcNow() + result.Value.ExpiresIn - options.Value.TokenRefreshMargin);
        bool current;
        lock (_gate)
        {
            current = _generations.GetValueOrDefault(credential.Account) == generation;
            if (current)
            {
                _mintAfresh.Remove(credential.Account);
            }
        }

        Cache(credential, generation, minted);
        if (current && store is not null)
        {
            await store.SaveAsync(credential.Account, credential.CertificateId, minted, CancellationToken.None).ConfigureAwait(false);
        }

        Log.ClientCredentialsTokenCached(logger, credential.Account, minted.RenewAt);
        return NetSuiteResult<BearerToken>.Success(minted.Token);
    }

    private sealed record CachedToken(BearerToken Token, DateTimeOffset RenewAt);
}
