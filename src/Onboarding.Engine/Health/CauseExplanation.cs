using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health;

/// <summary>
/// A cause in plain words: what broke, what probably happened, what to do, and whether rotating the certificate or
/// connecting the account again (a new onboarding) is the fix.
/// </summary>
public sealed record CauseExplanation(Phrase WhatBroke, Phrase LikelyCause, Phrase Fix, bool OffersRotation, bool OffersReconnect = false)
{
    /// <summary>The explanation alerts show for <paramref name="cause"/>.</summary>
    public static CauseExplanation For(FailureCause cause) => cause switch
    {
        FailureCause.CertificateRevoked => Of(nameof(Cause_MachineSignIn), nameof(Cause_CertificateRevoked), nameof(Cause_CertificateRevokedFix), rotation: true),
        FailureCause.CertificateExpired => Of(nameof(Cause_MachineSignIn), nameof(Cause_CertificateExpired), nameof(Cause_ReauthorizeFix), rotation: true),
        FailureCause.MappingWiped => Of(nameof(Cause_MachineSignIn), nameof(Cause_MappingWiped), nameof(Cause_ReauthorizeFix), rotation: true),
        FailureCause.PermissionLost => Of(nameof(Cause_RoleAccess), nameof(Cause_PermissionLost), nameof(Cause_PermissionLostFix)),
        FailureCause.BundleUninstalled => Of(nameof(Cause_Bundle), nameof(Cause_BundleUninstalled), nameof(Cause_BundleUninstalledFix), rotation: true),
        FailureCause.SandboxRefreshed => Of(nameof(Cause_MachineSignIn), nameof(Cause_SandboxRefreshed), nameof(Cause_SandboxRefreshedFix), reconnect: true),
        FailureCause.NetSuiteUnavailable => Of(nameof(Cause_NetSuite), nameof(Cause_NetSuiteUnavailable), nameof(Cause_NetSuiteUnavailableFix)),
        FailureCause.RateLimited => Of(nameof(Cause_RequestLimit), nameof(Cause_RateLimited), nameof(Cause_RateLimitedFix)),
        FailureCause.Network => Of(nameof(Cause_NetworkPath), nameof(Cause_Network), nameof(Cause_NetworkFix)),
        FailureCause.NoCredential => Of(nameof(Cause_TenantKey), nameof(Cause_NoCredential), nameof(Cause_NoCredentialFix), rotation: true),
        _ => Of(nameof(Cause_Connection), nameof(Cause_Unknown), nameof(Cause_UnknownFix)),
    };

    private static CauseExplanation Of(string whatBroke, string likelyCause, string fix, bool rotation = false, bool reconnect = false) =>
        new(Phrase.Of(whatBroke), Phrase.Of(likelyCause), Phrase.Of(fix), rotation, reconnect);
}
