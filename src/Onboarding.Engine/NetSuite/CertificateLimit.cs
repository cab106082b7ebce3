using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.NetSuite;

/// <summary>
/// NetSuite's cap on client-credentials certificates per integration record: only active, unexpired certificates count,
/// revoked and expired ones do not (docs/netsuite.md, C6). The one place the product applies it.
/// </summary>
public static class CertificateLimit
{
    /// <summary>Active, unexpired certificates NetSuite allows per integration record.</summary>
    public const int MaxActive = 5;

    /// <summary>True when <paramref name="certificate"/> counts toward <see cref="MaxActive"/> on <paramref name="today"/> (UTC).</summary>
    public static bool Counts(NetSuiteCertificate certificate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return !certificate.Revoked && certificate.ValidUntil >= today;
    }

    /// <summary>The certificates of the list that count toward the limit.</summary>
    public static IReadOnlyList<NetSuiteCertificate> Counted(IEnumerable<NetSuiteCertificate> listed, DateOnly today) =>
        [.. listed.Where(c => Counts(c, today))];

    /// <summary>True when one more upload would exceed the limit.</summary>
    public static bool IsReached(IEnumerable<NetSuiteCertificate> listed, DateOnly today) => Counted(listed, today).Count >= MaxActive;

    /// <summary>The failure text when the limit is reached, with what to do.</summary>
    public static Phrase ReachedExplanation(AccountId account) => Phrase.Of(nameof(NetSuite_CertificateLimit), MaxActive, account.Value);
}
