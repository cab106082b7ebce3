using Duende.IdentityModel.Client;
using Onboarding.Engine.NetSuite.Internal;
using Polly;
using Polly.Retry;

namespace Onboarding.Engine.NetSuite;

// One token request on the wire. A failed request is never repeated as it was: its assertion's jti is spent, so a retry
// (only for an outage or a network failure) signs a new assertion (RFC 7523 §3, docs/security.md).
internal sealed partial class ClientCredentialsTokens
{
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
}
