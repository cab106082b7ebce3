using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Onboarding.NetSuiteSandbox.Tokens;

/// <summary>A compact JWS split into its decoded parts.</summary>
internal sealed record Jws(JsonObject Header, JsonObject Payload, byte[] SigningInput, byte[] Signature)
{
    public static bool TryParse(string? token, [NotNullWhen(true)] out Jws? jws)
    {
        jws = null;
        var parts = token?.Split('.');
        if (parts is not { Length: 3 })
        {
            return false;
        }

        try
        {
            if (JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[0])) is JsonObject header
                && JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[1])) is JsonObject payload)
            {
                jws = new Jws(header, payload, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), WebEncoders.Base64UrlDecode(parts[2]));
                return true;
            }
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
        }

        return false;
    }

    public static string Create(JsonObject header, JsonObject payload, Func<byte[], byte[]> sign)
    {
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        return $"{signingInput}.{WebEncoders.Base64UrlEncode(sign(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    public string? HeaderString(string name) => Header[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? ClaimString(string name) => Payload[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public long? ClaimNumber(string name) => Payload[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    /// <summary>Checks the signature with the JWS algorithm named in the header (PS*/ES* only; the key must fit the algorithm).</summary>
    public bool VerifySignature(AsymmetricAlgorithm key)
    {
        var alg = HeaderString("alg");
        var hash = alg?[2..] switch
        {
            "256" => HashAlgorithmName.SHA256,
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        if (hash is null)
        {
            return false;
        }

        return (alg![..2], key) switch
        {
            ("PS", RSA rsa) => rsa.VerifyData(SigningInput, Signature, hash.Value, RSASignaturePadding.Pss),
            ("ES", ECDsa ec) when ec.KeySize == CurveSize(alg) => ec.VerifyData(SigningInput, Signature, hash.Value),
            _ => false,
        };
    }

    // RFC 7518 §3.4 ties each ES algorithm to one curve.
    private static int CurveSize(string alg) => alg switch
    {
        "ES256" => 256,
        "ES384" => 384,
        _ => 521,
    };

    private static string Encode(JsonObject json) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
