using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>PKCE S256 (RFC 7636): the only method NetSuite accepts.</summary>
internal static class Pkce
{
    public static bool IsWellFormedChallenge(string challenge) => challenge.Length == 43 && challenge.All(IsUnreserved);

    public static bool Verifies(string? verifier, string challenge) =>
        verifier is { Length: >= 43 and <= 128 }
        && verifier.All(IsUnreserved)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))),
            Encoding.ASCII.GetBytes(challenge));

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
