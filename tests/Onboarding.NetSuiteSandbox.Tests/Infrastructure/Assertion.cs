using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Onboarding.NetSuiteSandbox.Tests.Infrastructure;

/// <summary>Builds a client-credentials JWT assertion by hand, so every claim can be bent for a refusal test.</summary>
internal sealed class Assertion
{
    public JsonObject Header { get; } = new() { ["typ"] = "JWT", ["alg"] = "ES256" };
    public JsonObject Payload { get; } = new();

    public static Assertion For(string kid, string tokenUrl, DateTimeOffset now, string alg = "ES256", string clientId = SandboxTest.MachineClientId)
    {
        var assertion = new Assertion();
        assertion.Header["alg"] = alg;
        assertion.Header["kid"] = kid;
        assertion.Payload["iss"] = clientId;
        assertion.Payload["scope"] = new JsonArray("restlets", "rest_webservices");
        assertion.Payload["aud"] = tokenUrl;
        assertion.Payload["iat"] = now.AddSeconds(-5).ToUnixTimeSeconds();
        assertion.Payload["exp"] = now.AddMinutes(5).ToUnixTimeSeconds();
        assertion.Payload["jti"] = Guid.NewGuid().ToString("N");
        return assertion;
    }

    public string Sign(AsymmetricAlgorithm key)
    {
        var input = $"{Encode(Header.ToJsonString())}.{Encode(Payload.ToJsonString())}";
        var data = Encoding.ASCII.GetBytes(input);
        var alg = Header["alg"]!.GetValue<string>();
        var hash = alg[2..] switch
        {
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        var signature = (alg[..2], key) switch
        {
            ("PS", RSA rsa) => rsa.SignData(data, hash, RSASignaturePadding.Pss),
            ("RS", RSA rsa) => rsa.SignData(data, hash, RSASignaturePadding.Pkcs1),
            ("ES", ECDsa ec) => ec.SignData(data, hash),
            _ => throw new InvalidOperationException($"Cannot sign {alg} with {key.GetType().Name}."),
        };
        return $"{input}.{Base64Url(signature)}";
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Encode(string json) => Base64Url(Encoding.UTF8.GetBytes(json));
}
