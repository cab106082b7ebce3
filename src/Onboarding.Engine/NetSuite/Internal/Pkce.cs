using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>RFC 7636 PKCE (S256 only) and the authorize request's state value.</summary>
internal static class Pkce
{
    private const int RandomBytes = 32;

    /// <summary>A code verifier: 32 random bytes, base64url (43 characters from the unreserved set).</summary>
    public static string CreateVerifier() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>A state: 32 random bytes, base64url (43 printable characters, within NetSuite's 22–1024).</summary>
    public static string CreateState() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The S256 challenge: base64url(SHA-256(ASCII(verifier))).</summary>
    public static string ChallengeFor(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
