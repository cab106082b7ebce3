using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Onboarding.Engine.Keys;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Signs the client-credentials assertion NetSuite expects (docs/netsuite.md §3.2): typ JWT, PS/ES alg, kid = certificate id.</summary>
internal sealed class ClientAssertionFactory(IOptions<NetSuiteOptions> options, TimeProvider timeProvider)
{
    // A little in the past so that a NetSuite clock slightly behind ours does not see an assertion "from the future".
    private static readonly TimeSpan IssuedAtBackdate = TimeSpan.FromSeconds(5);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Create(MachineCredential credential, Uri tokenUrl)
    {
        using var key = credential.Algorithm.ImportPrivateKey(credential.PrivateKeyPkcs8.Span);
        SecurityKey securityKey = key switch
        {
            RSA rsa => new RsaSecurityKey(rsa) { KeyId = credential.CertificateId },
            ECDsa ec => new ECDsaSecurityKey(ec) { KeyId = credential.CertificateId },
            _ => throw new InvalidOperationException("Unexpected key type."),
        };

        // The key object lives only for this call, so its signature provider must not be cached beyond it.
        var signing = new SigningCredentials(securityKey, credential.Algorithm.JwsAlgorithm())
        {
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };

        var settings = options.Value;
        var issuedAt = timeProvider.GetUtcNow().UtcDateTime - IssuedAtBackdate;
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = WireNames.Assertion.Type,
            Issuer = settings.MachineClientId,
            Audience = tokenUrl.AbsoluteUri,
            IssuedAt = issuedAt,
            Expires = issuedAt + settings.AssertionLifetime,
            Claims = new Dictionary<string, object>
            {
                // NetSuite's own example sends scope as a JSON array (docs/netsuite.md §3.2).
                [WireNames.Assertion.Scope] = settings.ScopeList.ToArray(),
                [WireNames.Assertion.JwtId] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18)),
            },
            SigningCredentials = signing,
        };
        return Handler.CreateToken(descriptor);
    }
}
