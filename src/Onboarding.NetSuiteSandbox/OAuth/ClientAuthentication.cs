using System.Security.Cryptography;
using System.Text;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>
/// Client authentication for the delegated grants and revoke (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158081952044.html): Basic <c>id:secret</c> for confidential
/// clients; Basic <c>id:</c> or <c>client_id</c> in the body for public ones; never two methods at once.
/// </summary>
internal static class ClientAuthentication
{
    public static (SeedIntegration? Client, IResult? Refusal) Authenticate(TokenContext context)
    {
        var header = context.Http.Request.Headers.Authorization.ToString();
        var bodyClientId = context.Form["client_id"].ToString();
        string? id = null;
        string? secret = null;
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (bodyClientId.Length > 0)
            {
                return (null, context.Refuse(OAuthErrors.InvalidRequest, "InvalidRequest: several client authentication methods"));
            }

            (id, secret) = DecodeBasic(header["Basic ".Length..].Trim());
        }
        else if (bodyClientId.Length > 0)
        {
            id = bodyClientId;
        }

        var client = id is null ? null : context.Account.Integrations.GetValueOrDefault(id);
        var authenticated = client switch
        {
            null => false,
            { PublicClient: true } => string.IsNullOrEmpty(secret),
            _ => secret is not null && client.ClientSecret is not null
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(client.ClientSecret)),
        };
        return authenticated ? (client, null) : (null, context.Refuse(OAuthErrors.InvalidClient, "ClientAuthenticationFailed"));
    }

    private static (string? Id, string? Secret) DecodeBasic(string value)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (decoded, null) : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
