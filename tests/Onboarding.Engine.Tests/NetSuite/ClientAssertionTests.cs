using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.NetSuite.Internal;
using Onboarding.Engine.Tests.TestDoubles;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class ClientAssertionTests
{
    private static readonly Uri TokenUrl = new("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token");

    public static TheoryData<KeyAlgorithm, string> Algorithms => new()
    {
        { KeyAlgorithm.EcP256, "ES256" },
        { KeyAlgorithm.EcP384, "ES384" },
        { KeyAlgorithm.EcP521, "ES512" },
        { KeyAlgorithm.Rsa3072, "PS256" },
        { KeyAlgorithm.Rsa4096, "PS256" },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Assertion_is_signed_with_the_tenant_key_and_carries_NetSuites_claims(KeyAlgorithm algorithm, string expectedAlg)
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());
        var material = host.Get<IKeyMaterialFactory>().Create(algorithm, "1234567_SB1", TimeSpan.FromDays(30));
        var credential = new MachineCredential(AccountId.Parse("1234567_SB1"), "cert-id-1", algorithm, material.PrivateKeyPkcs8);
        var factory = new ClientAssertionFactory(host.Get<IOptions<NetSuiteOptions>>(), host.Time);

        var assertion = factory.Create(credential, TokenUrl);

        using var certificate = X509Certificate2.CreateFromPem(material.CertificatePem);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = algorithm.IsRsa() ? new RsaSecurityKey(certificate.GetRSAPublicKey()!) : new ECDsaSecurityKey(certificate.GetECDsaPublicKey()!),
            ValidIssuer = "demo-machine-client",
            ValidAudience = TokenUrl.AbsoluteUri,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);

        var token = new JsonWebToken(assertion);
        Assert.Equal(expectedAlg, token.Alg);
        Assert.Equal("JWT", token.Typ);
        Assert.Equal("cert-id-1", token.Kid);
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement;
        Assert.Equal(JsonValueKind.Array, payload.GetProperty("scope").ValueKind);
        Assert.Equal(["rest_webservices", "restlets"], payload.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        var iat = payload.GetProperty("iat").GetInt64();
        var exp = payload.GetProperty("exp").GetInt64();
        var now = host.Time.GetUtcNow().ToUnixTimeSeconds();
        Assert.InRange(now - iat, 1, 30);
        Assert.InRange(exp - iat, 1, 300);
        Assert.False(payload.TryGetProperty("nbf", out _));
    }

    [Fact]
    public void Every_assertion_has_a_fresh_jti()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());
        var material = host.Get<IKeyMaterialFactory>().Create(KeyAlgorithm.EcP256, "1234567", TimeSpan.FromDays(30));
        var credential = new MachineCredential(AccountId.Parse("1234567"), "cert-id-1", KeyAlgorithm.EcP256, material.PrivateKeyPkcs8);
        var factory = new ClientAssertionFactory(host.Get<IOptions<NetSuiteOptions>>(), host.Time);

        var ids = Enumerable.Range(0, 20).Select(_ => new JsonWebToken(factory.Create(credential, TokenUrl)).Id).ToList();

        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
