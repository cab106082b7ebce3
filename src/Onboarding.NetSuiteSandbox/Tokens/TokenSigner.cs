using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Onboarding.NetSuiteSandbox.Accounts;

namespace Onboarding.NetSuiteSandbox.Tokens;

/// <summary>
/// Signs the sandbox's access and refresh tokens (PS256) and publishes its public key. The key is the process-wide one,
/// or the one kept in the state file (<c>Sandbox:StateFile</c>) so tokens issued before a restart stay valid.
/// </summary>
internal sealed class TokenSigner(SigningKey signingKey)
{
    public const string Issuer = "https://system.netsuite.com";
    private readonly RSA _key = signingKey.Key;
    private readonly string _keyId = signingKey.KeyId;

    /// <summary>
    /// Signs the token described by <paramref name="token"/>; claims as in Oracle's examples
    /// (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158255317571.html).
    /// </summary>
    public string Sign(Account account, IssuedToken token, string applicationId, DateTimeOffset issuedAt, bool clientCredentials)
    {
        var payload = new JsonObject
        {
            ["sub"] = clientCredentials
                ? $"{account.Id};0;{token.RoleId};{token.EntityId};N"
                : $"{token.RoleId};{token.EntityId}",
            ["aud"] = clientCredentials
                ? new JsonArray(token.ClientId, $"app:{applicationId}")
                : new JsonArray($"{applicationId};{account.Id}", token.ClientId),
            ["scope"] = new JsonArray(token.Scopes.Select(s => (JsonNode)s).ToArray()),
            ["iss"] = Issuer,
        };
        if (token.ChainStart is { } chainStart)
        {
            payload["oit"] = chainStart.ToUnixTimeSeconds();
        }

        payload["exp"] = token.ExpiresAt.ToUnixTimeSeconds();
        payload["iat"] = issuedAt.ToUnixTimeSeconds();
        payload["jti"] = token.Jti;
        var header = new JsonObject { ["kid"] = _keyId, ["typ"] = "JWT", ["alg"] = "PS256" };
        return Jws.Create(header, payload, input => _key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    public static string NewJti(Account account, TokenKind kind, DateTimeOffset now) =>
        $"{account.Id}.{(kind == TokenKind.Refresh ? 'r' : 'a')}.{Guid.NewGuid()}_{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    public bool Verify(Jws jws) => jws.HeaderString("kid") == _keyId && jws.VerifySignature(_key);

    /// <summary>The public key as a JWK set.</summary>
    public JsonObject KeySet()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = _keyId,
            ["use"] = "sig",
            ["alg"] = "PS256",
            ["n"] = WebEncoders.Base64UrlEncode(parameters.Modulus!),
            ["e"] = WebEncoders.Base64UrlEncode(parameters.Exponent!),
        };
        return new JsonObject { ["keys"] = new JsonArray(jwk) };
    }
}
