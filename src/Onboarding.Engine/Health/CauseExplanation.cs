namespace Onboarding.Engine.Health;

/// <summary>
/// A cause in plain words: what broke, what probably happened, what to do, and whether rotating the certificate or
/// connecting the account again (a new onboarding) is the fix.
/// </summary>
public sealed record CauseExplanation(string WhatBroke, string LikelyCause, string Fix, bool OffersRotation, bool OffersReconnect = false)
{
    /// <summary>The explanation alerts show for <paramref name="cause"/>.</summary>
    public static CauseExplanation For(FailureCause cause) => cause switch
    {
        FailureCause.CertificateRevoked => new(
            "Machine sign-in (client credentials)",
            "NetSuite no longer accepts the certificate — it was revoked, or the sandbox was refreshed from production, which wipes certificate mappings.",
            "Rotate the certificate. If the role can no longer manage certificates, the rotation asks a NetSuite admin for a one-hour re-authorization.",
            true),
        FailureCause.CertificateExpired => new(
            "Machine sign-in (client credentials)",
            "The certificate expired before it could be renewed.",
            "Rotate the certificate; a NetSuite admin re-authorizes for one hour so a new one can be uploaded.",
            true),
        FailureCause.MappingWiped => new(
            "Machine sign-in (client credentials)",
            "The certificate mapping is gone from NetSuite — a sandbox refresh from production wipes all mappings.",
            "Rotate the certificate; a NetSuite admin re-authorizes for one hour so a new one can be uploaded.",
            true),
        FailureCause.PermissionLost => new(
            "NetSuite access of the app's role",
            "The app's role lost a permission it needs (REST Web Services, Log in using OAuth 2.0 Access Tokens, or access to its Onboarding Configuration records).",
            "Ask the NetSuite admin to restore the permissions of the role customrole_onboarding_app, then re-run the check.",
            false),
        FailureCause.BundleUninstalled => new(
            "The app's bundle",
            "The app's bundle looks uninstalled: its RESTlet or its role is gone from the account (uninstalling the bundle removes both).",
            "Reinstall the bundle (Customization > SuiteBundler > Search & Install Bundles), then re-run the check; rotate the certificate if it still fails.",
            true),
        FailureCause.SandboxRefreshed => new(
            "Machine sign-in (client credentials)",
            "NetSuite refuses every token issued before and no longer accepts the app's certificate: the sandbox account was most likely refreshed from production, which forgets certificates (or the app's bundle was uninstalled).",
            "Press Connect again: a NetSuite admin signs in once (and reinstalls the bundle if it is missing), and the app sets up a new certificate. The tenant's settings and alert subscriptions are kept.",
            false,
            true),
        FailureCause.NetSuiteUnavailable => new(
            "NetSuite itself",
            "NetSuite is not answering properly (errors or time-outs) — usually an outage or maintenance on NetSuite's side.",
            "Nothing to change here; check NetSuite's status page. The monitor keeps checking and says when it is back.",
            false),
        FailureCause.RateLimited => new(
            "NetSuite's request limit",
            "The account's concurrent request limit was reached.",
            "Nothing to do unless it persists; then look at other integrations using the same account.",
            false),
        FailureCause.Network => new(
            "The network path to NetSuite",
            "This server could not reach NetSuite.",
            "Check this server's outbound network connection, proxy and DNS.",
            false),
        FailureCause.NoCredential => new(
            "The tenant's key",
            "The tenant has no active certificate on this side, so the app cannot sign in.",
            "Rotate the certificate, or onboard the account again.",
            true),
        _ => new(
            "The connection to NetSuite",
            "NetSuite refused the check for a reason the app does not recognise; its own words are in the small print.",
            "Re-run the check; if it keeps failing, send the small print to the vendor.",
            false),
    };
}
