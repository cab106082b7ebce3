using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Slack.Install;

/// <summary>
/// CSRF protection for the install flow: the <c>state</c> sent to Slack is an encrypted, timestamped nonce, and the
/// same nonce sits in an HttpOnly cookie of the browser that started the install. The callback accepts only a state
/// that decrypts, is under ten minutes old and matches that browser's cookie, and only once: the callback records
/// <see cref="UseId"/> under <see cref="UseScope"/> among the ids already used (<see cref="ProcessedDeliveries"/>), which every
/// instance shares. Nothing is kept in server memory.
/// </summary>
public sealed class SlackOAuthState(ISecretProtector protector, TimeProvider timeProvider)
{
    public const string CookieName = "slack_install_nonce";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Purpose = "slack.oauth-state";

    /// <summary>A fresh nonce (for the cookie) and the state that carries it (for Slack).</summary>
    public (string Nonce, string State) Issue()
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var issuedAt = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (nonce, protector.Protect(Purpose, Encoding.UTF8.GetBytes($"{nonce}|{issuedAt}")));
    }

    /// <summary>Where used install states are recorded among the ids used once.</summary>
    public const string UseScope = "slack||install-states";

    /// <summary>The id under which a state's use is recorded: a hash of its nonce, never the nonce itself.</summary>
    public static string UseId(string cookieNonce) =>
        "install-state/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cookieNonce)));

    public bool IsValid(string? state, string? cookieNonce)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(cookieNonce))
        {
            return false;
        }

        string plain;
        try
        {
            plain = Encoding.UTF8.GetString(protector.Unprotect(Purpose, state));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return false;
        }

        var parts = plain.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedAt))
        {
            return false;
        }

        var age = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issuedAt);
        return age >= TimeSpan.FromMinutes(-1) && age <= Lifetime
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(parts[0]), Encoding.UTF8.GetBytes(cookieNonce));
    }
}
